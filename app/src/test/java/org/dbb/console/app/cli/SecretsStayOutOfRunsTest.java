package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.sample.SampleWorkspace;

/**
 * A whole sandbox run with planted secrets — a service-principal secret in the OS environment, an ops webhook
 * whose URL carries a token (a local receiver), and a securestring pipeline parameter given with {@code --param} —
 * followed by {@code dbb runs show}, {@code dbb monitor --format json}, {@code dbb audit export} and
 * {@code dbb validate}: no secret appears in any command's output, in the logs at their most verbose, in the
 * embedded database's bytes or in any other file the console wrote.
 */
@Timeout(180)
class SecretsStayOutOfRunsTest {

    private static final String SCENARIO = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            items:
              nb_monitor_threshold_breaches:
                exitValue:
                  breaches:
                    - {table: fct_sales, metric: row_count_drop_pct, value: 31.4, threshold: 25.0}
            """;

    @TempDir
    Path temp;

    private final MockWebServer receiver = new MockWebServer();
    private final Map<String, String> os = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PlantedSecrets secrets = new PlantedSecrets();
    private ConsoleServices services;
    private Path ws;
    private String secureValue;
    private String hookToken;

    @BeforeEach
    void plant() throws IOException {
        String clientSecret = secrets.make("sp~");
        hookToken = secrets.make("sig");
        secureValue = secrets.make("key~");
        receiver.start(InetAddress.getByName("127.0.0.1"), 0);
        for (int i = 0; i < 20; i++) {
            receiver.enqueue(new MockResponse().setResponseCode(202));
        }
        String hook = "http://127.0.0.1:" + receiver.getPort() + "/workflows/ops/invoke?api-version=1&sig="
                + hookToken;
        os.put("DBB_PROD_CLIENT_SECRET", clientSecret);
        os.put("DBB_SANDBOX_HOOK", hook);

        ws = temp.resolve("ws");
        new SampleWorkspace().exportTo(ws);
        Path settings = ws.resolve("dbb-console.yml");
        Files.writeString(settings, Files.readString(settings).replace("    emulator: true",
                "    emulator: true\n    notifications: {kind: webhook, webhook: $ENV:DBB_SANDBOX_HOOK}"));
        addSecureParameter(ws.resolve("fabric/orchestration_pipeline_DBB.DataPipeline/pipeline-content.json"));
        Files.writeString(temp.resolve("fast.yml"), SCENARIO);

        services = new ConsoleServices(new DataDirectories(temp.resolve("data")), os::get);
        secrets.captureLogsAtTrace();
    }

    @AfterEach
    void restore() throws IOException {
        secrets.restoreLogs();
        services.close();
        receiver.shutdown();
    }

    /** A securestring parameter of the master pipeline, handed on to a monitoring notebook as Fabric would. */
    private static void addSecureParameter(Path pipeline) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(pipeline.toFile());
        ObjectNode properties = (ObjectNode) root.get("properties");
        ((ObjectNode) properties.get("parameters")).putObject("erp_api_key").put("type", "SecureString")
                .put("defaultValue", "");
        properties.get("activities").forEach(activity -> {
            if (activity.path("name").asText().equals("Monitor load completeness")) {
                ObjectNode parameter = ((ObjectNode) activity.get("typeProperties").get("parameters"))
                        .putObject("api_key");
                parameter.putObject("value").put("value", "@pipeline().parameters.erp_api_key")
                        .put("type", "Expression");
                parameter.put("type", "string");
            }
        });
        Files.writeString(pipeline, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private int run(String... args) {
        return new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void aWholeRunItsRecordRowsAndAuditTrailNeverHoldAPlantedSecret() throws Exception {
        int exit = run("run", "-w", ws.toString(), "--scenario", temp.resolve("fast.yml").toString(), "--param",
                "erp_api_key=" + secureValue, "--reason", "secrets check");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher id = Pattern.compile("Run (\\S+) SUCCEEDED in").matcher(printed);
        assertThat(id.find()).as(printed).isTrue();
        String runId = id.group(1);

        assertThat(run("runs", "show", runId)).isZero();
        assertThat(run("runs", "list")).isZero();
        assertThat(run("monitor", "--format", "json", "--run", runId, "--limit", "500")).isZero();
        assertThat(run("monitor", "--format", "csv", "--run", runId)).isZero();
        assertThat(run("audit", "export")).isZero();
        assertThat(run("audit", "export", "--format", "csv")).isZero();
        assertThat(run("validate", "-w", ws.toString(), "--env", "PROD")).isZero();

        RecordedRequest notice = receiver.takeRequest(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(notice).as("the ops channel was told about the breach").isNotNull();
        assertThat(notice.getRequestUrl().queryParameter("sig")).isEqualTo(hookToken);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ThresholdBreach").contains("erp_api_key");
        assertThat(secrets.logEvents()).as("the HTTP exchanges are logged at this level").isNotEmpty();

        services.close();
        secrets.assertNoneLeaked(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), temp);
    }
}
