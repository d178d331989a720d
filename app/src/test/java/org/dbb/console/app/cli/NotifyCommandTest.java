package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import picocli.CommandLine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.notify.DeliveryPolicy;

class NotifyCommandTest {

    private static final DeliveryPolicy QUICK = new DeliveryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofSeconds(1));

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ConsoleServices services;
    private Path ws;

    @BeforeEach
    void exportSample() {
        services = new ConsoleServices(new DataDirectories(temp.resolve("data")));
        ws = temp.resolve("ws");
        services.sample().exportTo(ws);
    }

    /** Runs {@code dbb args} with {@code osEnvironment} standing in for the process environment. */
    private int run(Function<String, String> osEnvironment, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            private final CommandLine.IFactory services = new CommandLineRunner.ServicesFactory(
                    NotifyCommandTest.this.services);

            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == NotifyTestCommand.class) {
                    return cls.cast(new NotifyTestCommand(NotifyCommandTest.this.services, osEnvironment, QUICK));
                }
                return services.create(cls);
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

    /** The sandbox's card goes to the emulator's sink, through the webhook its variable group names. */
    @Test
    void sandboxTestIsDeliveredToTheEmulatorsWebhookSink() {
        int exit = run(name -> null, "notify", "test", "--env", "sandbox", "-w", ws.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(out()).containsPattern("Sending a test notification for sandbox to http://127\\.0\\.0\\.1:\\d+/…"
                        + " \\(Teams card\\)")
                .containsPattern("Delivered to http://127\\.0\\.0\\.1:\\d+/… \\(HTTP 202, 1 attempt\\)\\.")
                .contains("The emulator's webhook sink 'ops' recorded 1 post.")
                .doesNotContain("/_emulator/webhooks");
    }

    /** An unresolved webhook reference names the variable and the environment, and nothing is sent. */
    @Test
    void unresolvedWebhookNamesTheVariableAndTheEnvironment() {
        int exit = run(name -> null, "notify", "test", "--env", "PROD", "-w", ws.toString());

        assertThat(exit).isEqualTo(CommandLineRunner.ERRORS_FOUND);
        assertThat(err()).contains("dbb: notifications for PROD cannot be sent")
                .contains("$ENV:DBB_PROD_TEAMS_WEBHOOK").contains("DBB_PROD_TEAMS_WEBHOOK has no value");
        assertThat(out()).doesNotContain("Sending");
    }

    /** A channel that cannot be reached is reported as failed with its masked URL, never the secret one. */
    @Test
    void unreachableChannelIsReportedFailedWithTheMaskedUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        String secret = "http://127.0.0.1:" + port + "/workflows/SecretFlowId9876/invoke?sig=SecretSig12345678";

        int exit = run(Map.of("DBB_PROD_TEAMS_WEBHOOK", secret)::get,
                "notify", "test", "--env", "PROD", "-w", ws.toString());

        assertThat(exit).isEqualTo(CommandLineRunner.ERRORS_FOUND);
        assertThat(out()).contains("Failed: not delivered to http://127.0.0.1:" + port + "/…: gave up after 2"
                + " attempts");
        assertThat(out() + err()).doesNotContain("SecretFlowId9876").doesNotContain("SecretSig12345678");
    }

    @Test
    void unknownEnvironmentIsBadUsage() {
        assertThat(run(name -> null, "notify", "test", "--env", "UAT", "-w", ws.toString()))
                .isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(err()).contains("unknown environment 'UAT'");
    }
}
