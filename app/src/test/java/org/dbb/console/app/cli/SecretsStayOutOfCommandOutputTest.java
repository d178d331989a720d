package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConnectionSettings;
import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.auth.AccessToken;
import org.dbb.console.core.fabric.http.ServiceEndpoints;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.sample.SampleWorkspace;

/**
 * Plants recognisable secrets where {@code dbb env show} and {@code dbb validate} meet them (a client secret in the
 * OS environment, a secret value a misbehaving Azure DevOps returns, the bearer token, a webhook URL) and proves
 * none reaches stdout, stderr, the logs at their most verbose, or a file. The secrets are made at run time.
 */
class SecretsStayOutOfCommandOutputTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> os = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PlantedSecrets secrets = new PlantedSecrets();

    private String clientSecret;
    private String groupSecret;
    private String bearer;
    private String webhook;
    private Path ws;

    @BeforeEach
    void plant() throws IOException {
        clientSecret = secrets.make("cs~");
        groupSecret = secrets.make("gs~");
        bearer = secrets.remember(jwtShaped());
        webhook = secrets.make("https://contoso.webhook.office.com/webhookb2/" + UUID.randomUUID()
                + "/IncomingWebhook/");
        os.put("DBB_PROD_CLIENT_SECRET", clientSecret);
        os.put("DBB_PROD_TEAMS_WEBHOOK", webhook);
        os.put("DBB_TEAMS_WEBHOOK", webhook);

        server.start(InetAddress.getByName("127.0.0.1"), 0);
        ws = temp.resolve("ws");
        new SampleWorkspace().exportTo(ws);
        secrets.captureLogsAtTrace();
    }

    @AfterEach
    void restore() throws IOException {
        secrets.restoreLogs();
        server.shutdown();
    }

    /** Three base64url parts, as a real access token has, assembled here so no token text sits in the source. */
    private static String jwtShaped() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"aud\":\"499b84ac\",\"oid\":\"" + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString(UUID.randomUUID().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        // 127.0.0.1, not the "localhost" MockWebServer names, so nothing depends on how the name resolves.
        URI base = URI.create("http://127.0.0.1:" + server.getPort());
        ConnectionSettings connections = new ConnectionSettings(ServiceEndpoints.emulator(base),
                (env, http) -> (scope, force) -> new AccessToken(bearer, Instant.now().plusSeconds(3600)),
                EnvCommandTest.SHORT, EnvCommandTest.QUICK);
        ConsoleServices services = new ConsoleServices(new DataDirectories(temp.resolve("data")), os::get,
                connections);
        return new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private void enqueueGroup() {
        // A misbehaving server: Azure DevOps never sends secret values, this one does.
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("""
                {"id": 14, "type": "Vsts", "name": "dbb-prod", "variables": {
                  "DBB_PROD_CLIENT_ID": {"value": "0f3c2a4e-0000-4000-8000-000000000014"},
                  "DBB_PROD_CLIENT_SECRET": {"value": "%s", "isSecret": true},
                  "DBB_SIGNING_KEY": {"value": "%s", "isSecret": true},
                  "DBB_PROD_TEAMS_WEBHOOK": {"value": "%s"}}}
                """.formatted(groupSecret, groupSecret, webhook)));
    }

    @Test
    void envShowAndValidateNeverShowAPlantedSecret() throws Exception {
        enqueueGroup();
        assertThat(run("env", "show", "PROD", "-w", ws.toString())).as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + bearer);

        server.enqueue(new MockResponse().setResponseCode(401).setBody("token " + bearer + " was refused"));
        server.enqueue(new MockResponse().setResponseCode(401).setBody("token " + bearer + " was refused"));
        assertThat(run("env", "show", "PROD", "-w", ws.toString())).isEqualTo(CommandLineRunner.SIGN_IN_FAILED);

        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("""
                {"id": 12, "type": "Vsts", "name": "dbb-dev", "variables": {
                  "DBB_TEAMS_WEBHOOK": {"value": "%s"}}}
                """.formatted(webhook)));
        assertThat(run("env", "show", "DEV", "-w", ws.toString())).isZero();
        assertThat(run("env", "show", "sandbox", "-w", ws.toString())).isZero();
        assertThat(run("validate", "-w", ws.toString())).isZero();
        assertThat(run("validate", "-w", ws.toString(), "--env", "PROD")).isZero();

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout).contains("client secret     $ENV:DBB_PROD_CLIENT_SECRET (••••••)")
                .contains("0f3c2a4e-0000-4000-8000-000000000014");
        assertThat(secrets.logEvents()).as("the HTTP exchanges are logged at this level").isNotEmpty();
        secrets.assertNoneLeaked(stdout, err.toString(StandardCharsets.UTF_8), temp);
    }
}
