package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import okhttp3.OkHttpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.DaemonThreads;
import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.notify.DeliveryOutcome;
import org.dbb.console.core.notify.DeliveryPolicy;
import org.dbb.console.core.notify.Notification;
import org.dbb.console.core.notify.NotificationChannel;
import org.dbb.console.core.notify.NotificationDispatcher;
import org.dbb.console.core.notify.NotificationSetupException;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.NotificationSettings;

/**
 * {@code dbb notify test}: posts one sample notification to an environment's channel and prints whether it was
 * delivered, naming the channel by its masked URL only. One per invocation; waits on the calling thread for the
 * outcome while delivery runs on an executor it owns.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Send a sample notification (a failed-run card saying that nothing failed) to one"
                + " environment's notification channel, and print whether it was delivered. The webhook URL is"
                + " shown as scheme and host only; it is a secret.",
                "The webhook's $ENV:NAME reference is resolved from the environment's inline variables, then the"
                        + " OS environment; the Azure DevOps variable group is not read (it never returns secret"
                        + " values). For an emulator environment (the sandbox) the built-in emulator is started:"
                        + " its variable group is read, and without a webhook the emulator's own webhook sink"
                        + " receives the card.",
                "Failed deliveries are retried (5xx, 429 after its Retry-After, dropped connections; 4 attempts).",
                "Exit 0 delivered, 1 not delivered or no usable channel, 2 bad usage."})
public final class NotifyTestCommand implements Callable<Integer> {

    /** The emulator's webhook sink that sandbox notices go to. */
    static final String SANDBOX_SINK = "ops";
    /** Long enough for every retry of the default policy, including a 5-minute Retry-After. */
    private static final long WAIT_MINUTES = 10;

    private final ConsoleServices services;
    private final Function<String, String> osEnvironment;
    private final DeliveryPolicy policy;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "The environment whose channel gets the sample notification.")
    String env;

    public NotifyTestCommand(ConsoleServices services) {
        this(services, System::getenv, DeliveryPolicy.DEFAULTS);
    }

    /** For tests: a stand-in OS environment and a quicker retry policy. */
    NotifyTestCommand(ConsoleServices services, Function<String, String> osEnvironment, DeliveryPolicy policy) {
        this.services = services;
        this.osEnvironment = osEnvironment;
        this.policy = policy;
    }

    @Override
    public Integer call() throws InterruptedException {
        Workspace ws = services.workspaceLoader().open(workspace.resolve(services));
        EnvironmentSettings settings = ws.settings().environments().get(env);
        if (settings == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown environment '" + env
                    + "'; environments of " + ws.root() + ": " + String.join(", ",
                    ws.settings().environments().keySet()));
        }
        NotificationSettings notifications = ws.settings().notificationsFor(settings);
        ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("dbb-notify-"));
        try {
            if (settings.emulator()) {
                return sendInSandbox(ws, settings, notifications, delivery);
            }
            SettingResolver resolver = new SettingResolver(env, "the inline variables of dbb-console.yml (this"
                    + " command does not read the variable group)", inlineVariables(settings), osEnvironment);
            Optional<NotificationChannel> channel = NotificationChannel.resolve(env, notifications, resolver);
            if (channel.isEmpty()) {
                spec.commandLine().getErr().println("dbb: environment " + env + " has no notification webhook;"
                        + " set notifications.webhook (for example $ENV:DBB_TEAMS_WEBHOOK) in dbb-console.yml,"
                        + " for all environments or under environments." + env);
                return CommandLineRunner.ERRORS_FOUND;
            }
            return send(channel.get(), delivery);
        } catch (NotificationSetupException e) {
            spec.commandLine().getErr().println("dbb: " + e.getMessage());
            return CommandLineRunner.ERRORS_FOUND;
        } finally {
            delivery.shutdownNow();
        }
    }

    private int sendInSandbox(Workspace ws, EnvironmentSettings settings, NotificationSettings notifications,
                              ScheduledExecutorService delivery) throws InterruptedException {
        SandboxOptions sandbox = new SandboxOptions(Optional.empty(),
                Optional.of(services.scenarioReader().defaultScenario()));
        try (EnvironmentConnection connection = services.connector().connect(ws, env, sandbox, Map.of())) {
            FabricEmulator emulator = connection.emulator().orElseThrow();
            SettingResolver resolver = SettingResolver.forEnvironment(settings, connection.variableGroupValues(),
                    osEnvironment);
            NotificationChannel channel = NotificationChannel.resolve(env, notifications, resolver)
                    .orElseGet(() -> NotificationChannel.of(notifications.kind(), emulator.webhookUrl(SANDBOX_SINK)));
            int exit = send(channel, delivery);
            if (channel.maskedUrl().equals(emulator.baseUrl() + "/…")) {
                int posts = emulator.webhookPosts(SANDBOX_SINK).size();
                spec.commandLine().getOut().println("The emulator's webhook sink '" + SANDBOX_SINK + "' recorded "
                        + posts + (posts == 1 ? " post." : " posts."));
            }
            return exit;
        }
    }

    private static Map<String, VariableValue> inlineVariables(EnvironmentSettings settings) {
        Map<String, VariableValue> values = new LinkedHashMap<>();
        settings.variables().forEach((k, v) -> values.put(k, VariableValue.plain(v)));
        return values;
    }

    private int send(NotificationChannel channel, ScheduledExecutorService delivery) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String kind = channel.kind() == NotificationSettings.Kind.TEAMS ? "Teams card" : "JSON webhook";
        out.println("Sending a test notification for " + env + " to " + channel.maskedUrl() + " (" + kind + ")…");
        NotificationDispatcher dispatcher = NotificationDispatcher.builder(services.http(), channel, delivery)
                .policy(policy).build();
        DeliveryOutcome outcome;
        try {
            outcome = dispatcher.submit(sample()).get(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            out.println("Failed: no answer from " + channel.maskedUrl() + " within " + WAIT_MINUTES + " minutes.");
            return CommandLineRunner.ERRORS_FOUND;
        }
        if (outcome instanceof DeliveryOutcome.Delivered d) {
            out.println("Delivered to " + d.channel() + " (HTTP " + d.status() + ", " + attempts(d.attempts())
                    + ").");
            return 0;
        }
        if (outcome instanceof DeliveryOutcome.Failed f) {
            out.println("Failed: not delivered to " + f.channel() + ": " + f.reason() + ".");
        }
        return CommandLineRunner.ERRORS_FOUND;
    }

    private Notification sample() {
        String runId = "notify-test-" + UUID.randomUUID().toString().substring(0, 8);
        return Notification.builder(Notification.Kind.RUN_FAILED, runId, env, "Test notification, nothing failed",
                        Instant.now())
                .status("Test only")
                .errorMessage("Sent by 'dbb notify test' to check that this channel receives DBB Console"
                        + " notifications. No run failed.")
                .runLink(URI.create("dbb-console://run/" + runId))
                .build();
    }

    private static String attempts(int n) {
        return n == 1 ? "1 attempt" : n + " attempts";
    }
}
