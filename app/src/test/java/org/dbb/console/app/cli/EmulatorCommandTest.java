package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.DataDirectories;

@Timeout(30)
class EmulatorCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ConsoleServices services() {
        return new ConsoleServices(new DataDirectories(temp.resolve("data")));
    }

    /** Runs {@code dbb args…} with the emulator command serving only as long as {@code serving} runs. */
    private int run(ConsoleServices services, EmulatorCommand.Serving serving, String... args) {
        CommandLine.IFactory commands = new CommandLineRunner.ServicesFactory(services);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == EmulatorCommand.class ? cls.cast(new EmulatorCommand(services, serving))
                        : commands.create(cls);
            }
        };
        return new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), factory).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer emulator").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesOnAFreePortPrintsItsUrlsIdsAndCurlCommandsAndStopsCleanly() throws Exception {
        ConsoleServices services = services();
        Path ws = temp.resolve("ws");
        services.sample().exportTo(ws);
        AtomicReference<String> base = new AtomicReference<>();
        AtomicReference<HttpResponse<String>> reply = new AtomicReference<>();
        AtomicReference<String> sandboxId = new AtomicReference<>();

        int exit = run(services, (emulator, stop) -> {
            base.set(emulator.baseUrl());
            sandboxId.set(emulator.workspace("sandbox").orElseThrow().id().toString());
            try {
                reply.set(get(emulator.baseUrl() + "/v1/workspaces"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, "emulator", "--port", "0", "--time-scale", "0.001", "--workspace", ws.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(base.get()).startsWith("http://127.0.0.1:").isNotEqualTo("http://127.0.0.1:"
                + EmulatorCommand.DEFAULT_PORT);
        assertThat(reply.get().statusCode()).isEqualTo(200);
        assertThat(reply.get().body()).contains(sandboxId.get()).contains("DBB Sandbox");
        assertThat(out())
                .contains("DBB emulator serving Fabric, Power BI and Azure DevOps on " + base.get())
                .contains("(time scale 0.001)")
                .containsPattern("sandbox +" + sandboxId.get() + " +DBB Sandbox")
                .contains("curl -s -H \"Authorization: Bearer emulator\" " + base.get() + "/v1/workspaces")
                .contains("-X POST -H \"Authorization: Bearer emulator\" \"" + base.get() + "/v1/workspaces/"
                        + sandboxId.get() + "/items/")
                .contains("/jobs/instances?jobType=Pipeline")
                .contains("curl -s -H \"Authorization: Bearer emulator\" \"$LOCATION\"")
                .contains("curl -s " + base.get() + "/_emulator/stats")
                .endsWith("Emulator stopped." + System.lineSeparator());
        assertThatThrownBy(() -> get(base.get() + "/_emulator/stats")).as("the port is closed after the stop")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aScenarioWithErrorsIsRefusedWithLineAndColumnAndNothingIsServed() throws Exception {
        ConsoleServices services = services();
        Path ws = temp.resolve("ws");
        services.sample().exportTo(ws);
        Path scenario = Files.writeString(temp.resolve("broken.yml"), "version: 1\ntimeScale: fast\nmodels:\n"
                + "  sales: {seconds: 5}\n");

        int exit = run(services, (emulator, stop) -> {
            throw new AssertionError("must not serve");
        }, "emulator", "--port", "0", "--workspace", ws.toString(), "--scenario", scenario.toString());

        assertThat(exit).isEqualTo(CommandLineRunner.ERRORS_FOUND);
        assertThat(err()).contains("broken.yml:2:12: error: timeScale must be a number")
                .contains("broken.yml:4:3: warning: no semantic model is called 'sales'")
                .contains("did you mean 'Sales'?");
        assertThat(out()).doesNotContain("serving");
    }

    @Test
    void scenarioWarningsArePrintedAndTheEmulatorServesAnyway() throws Exception {
        ConsoleServices services = services();
        Path ws = temp.resolve("ws");
        services.sample().exportTo(ws);
        Path scenario = Files.writeString(temp.resolve("typo.yml"), "version: 1\nmodels:\n  sales: {seconds: 5}\n");

        int exit = run(services, (emulator, stop) -> { }, "emulator", "--port", "0", "--workspace", ws.toString(),
                "--scenario", scenario.toString());

        assertThat(exit).isZero();
        assertThat(err()).contains("typo.yml:3:3: warning: no semantic model is called 'sales'");
        assertThat(out()).contains("typo.yml (time scale 1.0)").contains("Emulator stopped.");
    }

    @Test
    void aTimeScaleThatIsNotPositiveIsBadUsage() {
        assertThat(run(services(), (emulator, stop) -> { }, "emulator", "--time-scale", "0"))
                .isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(err()).contains("--time-scale must be a number above 0");
    }
}
