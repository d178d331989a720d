package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.DaemonThreads;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.EmulatedWorkspace;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunListeners;
import org.dbb.console.core.engine.RunOutcome;
import org.dbb.console.core.fabric.devops.GroupVariable;
import org.dbb.console.core.fabric.devops.VariableGroup;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabricruns.UnknownFabricRunException;
import org.dbb.console.core.launch.FabricRerunRequest;
import org.dbb.console.core.launch.PreparedFabricRerun;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.notify.DeliveryListener;
import org.dbb.console.core.notify.DeliveryOutcome;
import org.dbb.console.core.notify.NotificationChannel;
import org.dbb.console.core.notify.NotificationDispatcher;
import org.dbb.console.core.notify.NotificationSetupException;
import org.dbb.console.core.notify.RunNotifier;
import org.dbb.console.core.plan.PlanException;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.NotificationSettings;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * What {@code dbb run} and {@code dbb runs resume} share: planning against the environment, and driving a started
 * run to its end with live progress, a summary, Ctrl-C cancelling and the ops-channel notifications. Used by one
 * command invocation on the command's thread; the run's listeners are called from the engine's threads.
 */
final class RunDriver {

    /** Exit code of a run that was cancelled, as a shell reports a process ended by Ctrl-C. */
    static final int CANCELLED = 130;
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(60);
    /** The JVM is already shutting down (SIGTERM): cancel what can be cancelled quickly, then let it go. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Duration DELIVERY_GRACE = Duration.ofSeconds(15);

    private final ConsoleServices services;
    private final String env;
    /** Notifications handed to the dispatcher; the command waits for them (bounded) before the process exits. */
    private final List<CompletableFuture<DeliveryOutcome>> deliveries = new CopyOnWriteArrayList<>();
    private int failure;

    RunDriver(ConsoleServices services, String env) {
        this.services = services;
        this.env = env;
    }

    /** How the sandbox is reached: the emulator at {@code emulatorUrl}, or one in-process playing the scenario. */
    SandboxOptions sandbox(Workspace ws, EnvironmentSettings environment, Path scenarioFile, URI emulatorUrl,
                           PrintWriter err) {
        return environment.emulator()
                ? new SandboxOptions(Optional.ofNullable(emulatorUrl), emulatorUrl != null ? Optional.empty()
                        : Optional.of(ScenarioFiles.read(services, ws, scenarioFile, err)))
                : SandboxOptions.inProcess();
    }

    /**
     * Plans {@code request} against the environment; empty, having said why on {@code err}, when it cannot be
     * planned (then {@link #failure()} is the exit code).
     */
    Optional<PreparedRun> prepare(Workspace ws, RunRequest request, SandboxOptions sandbox, PrintWriter err) {
        try {
            return Optional.of(services.runLauncher().prepare(ws, request, sandbox, Map.of()));
        } catch (PlanException e) {
            printProblems(err, e.problems());
            err.println("dbb: the plan has errors; nothing was started");
            failure = CommandLineRunner.BAD_USAGE;
        } catch (SignInException e) {
            err.println("dbb: cannot sign in to " + env + ": " + e.getMessage());
            if (e.failure().needsSignIn()) {
                // the command line never opens a browser or asks for a device code on its own
                err.println("dbb: the command line uses a remembered sign-in or a non-interactive method and never"
                        + " opens a browser: give " + env + " `auth: azure-cli` (after `az login`) or"
                        + " `auth: service-principal` in dbb-console.yml to run it from here");
            }
            failure = CommandLineRunner.SIGN_IN_FAILED;
        } catch (FabricApiException e) {
            err.println("dbb: cannot plan the run in " + env + ": " + e.getMessage());
            failure = CommandLineRunner.ERRORS_FOUND;
        }
        return Optional.empty();
    }

    /**
     * Plans a re-run of part of a run Fabric started; empty, having said why on {@code err}, when it cannot be
     * planned (then {@link #failure()} is the exit code).
     */
    Optional<PreparedFabricRerun> prepareFabricRerun(Workspace ws, FabricRerunRequest request,
                                                     SandboxOptions sandbox, PrintWriter err) {
        try {
            return Optional.of(services.runLauncher().prepareFabricRerun(ws, request, sandbox, Map.of()));
        } catch (UnknownFabricRunException e) {
            err.println("dbb: run " + request.jobInstanceId() + " is not in the run journal, and " + e.getMessage());
            failure = CommandLineRunner.BAD_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("dbb: cannot re-run Fabric run " + request.jobInstanceId() + ": " + e.getMessage()
                    + "; nothing was started");
            failure = CommandLineRunner.BAD_USAGE;
        } catch (PlanException e) {
            printProblems(err, e.problems());
            err.println("dbb: the plan has errors; nothing was started");
            failure = CommandLineRunner.BAD_USAGE;
        } catch (SignInException e) {
            err.println("dbb: cannot sign in to " + env + ": " + e.getMessage());
            failure = CommandLineRunner.SIGN_IN_FAILED;
        } catch (FabricApiException e) {
            err.println("dbb: cannot read Fabric run " + request.jobInstanceId() + " in " + env + ": "
                    + e.getMessage());
            failure = CommandLineRunner.ERRORS_FOUND;
        }
        return Optional.empty();
    }

    /** The exit code for the last {@link #prepare} that came back empty. */
    int failure() {
        return failure;
    }

    /**
     * Starts the run through {@code start}, prints its progress and summary, and waits for its notifications.
     *
     * @param headline the line printed once the run has its id
     * @param started  told the run id once the run has started, e.g. to record the intervention
     * @return the exit code: 0 succeeded, 1 failed, 130 cancelled
     */
    int execute(PreparedRun prepared, NotificationSettings notifications, Function<RunListener, RunHandle> start,
                Function<RunHandle, String> headline, Consumer<String> started, PrintWriter out, PrintWriter err) {
        RunProgressPrinter progress = new RunProgressPrinter(out, prepared.plan(), ZoneId.systemDefault());
        RunListener listener = notifier(prepared, notifications, err).map(notifier -> RunListeners.both(progress, notifier))
                .orElse(progress);
        RunHandle handle = start.apply(listener);
        out.println(headline.apply(handle));
        out.flush();
        started.accept(handle.runId());
        // SIGTERM and the like still end the JVM; its shutdown then cancels the jobs, as far as it gets
        Thread onShutdown = DaemonThreads.named("dbb-run-cancel-").newThread(() -> cancelAndWait(handle, progress,
                SHUTDOWN_GRACE));
        Runtime.getRuntime().addShutdownHook(onShutdown);
        RunOutcome outcome;
        try (CtrlC ctrlC = CtrlC.onInterrupt(() -> {
            progress.note(services.clock().instant(), "Ctrl-C: cancelling run " + handle.runId()
                    + " and the jobs and refreshes it started (press Ctrl-C again to quit at once)…");
            handle.cancel();
            Interventions interventions = new Interventions(services, err);
            interventions.record(interventions.entry(env, AuditAction.CANCEL, "run " + handle.runId())
                    .withRun(handle.runId()).withReason("Ctrl-C at the command line"));
        })) {
            outcome = handle.completion().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelAndWait(handle, progress, CANCEL_GRACE);
            return CANCELLED;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run ended without an outcome", e.getCause());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is going down: the hook is cancelling the run
            }
        }
        new RunSummaryPrinter(out).print(handle.snapshot(), outcome, progress.stageElapsed(), env);
        awaitDeliveries(out);
        return switch (outcome.state()) {
            case SUCCEEDED -> 0;
            case CANCELLED -> CANCELLED;
            default -> CommandLineRunner.ERRORS_FOUND;
        };
    }

    /**
     * The ops-channel notifier, when the environment has a channel. The run goes on without one when its webhook
     * cannot be resolved, saying why, because a missing channel must never stop a production load.
     */
    private Optional<RunListener> notifier(PreparedRun prepared, NotificationSettings settings, PrintWriter err) {
        EnvironmentSettings env = prepared.connection().settings();
        try {
            Map<String, VariableValue> variables = groupVariables(prepared, err);
            Optional<NotificationChannel> channel = NotificationChannel.resolve(env.name(), settings,
                    SettingResolver.forEnvironment(env, variables, services.osEnvironment()));
            if (channel.isEmpty()) {
                return Optional.empty();
            }
            NotificationDispatcher dispatcher = NotificationDispatcher.builder(services.http(), channel.get(),
                    services.scheduler()).clock(services.clock()).listener(new DeliveryListener() {
                        @Override
                        public void failed(DeliveryOutcome.Failed outcome) {
                            err.println("dbb: could not notify " + outcome.channel() + " of "
                                    + outcome.notification().title() + ": " + outcome.reason());
                            err.flush();
                        }
                    }).build();
            return Optional.of(new RunNotifier(env.name(), notice -> deliveries.add(dispatcher.submit(notice))));
        } catch (NotificationSetupException e) {
            err.println("dbb: notifications are off for this run: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The environment's variable-group values, for its webhook setting; empty when it has no group. */
    private static Map<String, VariableValue> groupVariables(PreparedRun prepared, PrintWriter err) {
        try {
            return prepared.connection().variableGroupValues();
        } catch (RuntimeException e) {
            err.println("dbb: cannot read the variable group of " + prepared.connection().environment()
                    + " for the notification webhook (" + e.getMessage() + "); using inline and OS variables");
            return Map.of();
        }
    }

    private void awaitDeliveries(PrintWriter out) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                    .get(DELIVERY_GRACE.toSeconds(), TimeUnit.SECONDS);
            long delivered = deliveries.stream().map(CompletableFuture::join)
                    .filter(o -> o instanceof DeliveryOutcome.Delivered).count();
            out.println("Notified the ops channel: " + delivered + " of " + deliveries.size() + " notification"
                    + (deliveries.size() == 1 ? "" : "s") + " delivered.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            out.println("Some notifications were still being delivered after " + DELIVERY_GRACE.toSeconds()
                    + " s; they are abandoned as the command exits.");
        }
        out.flush();
    }

    private void cancelAndWait(RunHandle handle, RunProgressPrinter progress, Duration grace) {
        if (handle.completion().isDone()) {
            return;
        }
        progress.note(services.clock().instant(), "Cancelling run " + handle.runId()
                + ": cancelling the jobs and refreshes it started…");
        handle.cancel();
        try {
            handle.completion().get(grace.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            progress.note(services.clock().instant(), "Gave up waiting for the cancelled jobs after "
                    + grace.toSeconds() + " s; check them in the Fabric monitoring hub");
        }
    }

    private static void printProblems(PrintWriter err, List<Problem> problems) {
        problems.forEach(p -> err.println(p.format(Cli.currentDirectory())));
    }
}
