package org.dbb.console.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.DaemonThreads;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.emulator.EmulatedWorkspace;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunListeners;
import org.dbb.console.core.fabric.devops.GroupVariable;
import org.dbb.console.core.fabric.devops.VariableGroup;
import org.dbb.console.core.notify.DeliveryListener;
import org.dbb.console.core.notify.DeliveryOutcome;
import org.dbb.console.core.notify.NotificationChannel;
import org.dbb.console.core.notify.NotificationDispatcher;
import org.dbb.console.core.notify.NotificationSetupException;
import org.dbb.console.core.notify.RunNotifier;
import org.dbb.console.core.workspace.config.NotificationSettings;
import org.dbb.console.core.workspace.config.VariableGroupRef;
import org.dbb.console.core.engine.RunOutcome;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.PlanException;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * {@code dbb run}: plans the master pipeline for an environment and runs it through the engine, printing live
 * progress and a summary; or re-runs part of an earlier run. Ctrl-C cancels the jobs the run started before the
 * process exits. One per invocation.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the master pipeline in an environment (the sandbox emulator by default), stage by stage,"
                + " with live progress; or re-run part of an earlier run.",
                "Exit 0 succeeded, 1 failed, 2 invalid input or plan error, 3 sign-in failed, 130 cancelled"
                        + " (Ctrl-C cancels the jobs the run started)."})
public final class RunCommand implements Callable<Integer> {

    /** Exit code of a run that was cancelled, as a shell reports a process ended by Ctrl-C. */
    public static final int CANCELLED = 130;
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(60);
    /** The JVM is already shutting down (SIGTERM): cancel what can be cancelled quickly, then let it go. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private static final Duration DELIVERY_GRACE = Duration.ofSeconds(15);

    private final ConsoleServices services;
    /** Notifications handed to the dispatcher; the command waits for them (bounded) before the process exits. */
    private final List<CompletableFuture<DeliveryOutcome>> deliveries = new CopyOnWriteArrayList<>();

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", defaultValue = "sandbox",
            description = "The environment (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A master pipeline parameter; repeat for several. Values are read as the parameter's"
                    + " declared type (int, float, bool, array and object as JSON).")
    List<String> params = new ArrayList<>();

    @Option(names = "--maintenance", description = "Run the optional maintenance stage.")
    boolean maintenance;

    @Option(names = "--models", paramLabel = "A,B,...", split = ",",
            description = "Only refresh these semantic models (default: every model the refresh parameter lists).")
    List<String> models;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "At most N semantic model refreshes at once (default: dbb-console.yml, else the refresh"
                    + " pipeline's ForEach).")
    Integer concurrency;

    @Option(names = "--refresh-via-pipeline",
            description = "Run the refresh pipeline in Fabric as one job instead of refreshing the models through"
                    + " the Power BI API.")
    boolean refreshViaPipeline;

    @Option(names = "--dry-run", description = "Print the plan (stages, steps, items, retry policies, models and cap)"
            + " and stop.")
    boolean dryRun;

    @ArgGroup(exclusive = false)
    Rerun rerun;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail and the release note.")
    String reason;

    @Option(names = "--yes", description = "Confirm a run in a protected environment without typing its name.")
    boolean yes;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Sandbox only: the scenario the in-process emulator plays (default: the built-in one).")
    Path scenarioFile;

    @Option(names = "--emulator", paramLabel = "URL",
            description = "Sandbox only: use the emulator already running at URL (see `dbb emulator`) instead of"
                    + " starting one in-process.")
    URI emulatorUrl;

    /** The re-run options: the run to re-run and which part. */
    static final class Rerun {
        @Option(names = "--rerun", paramLabel = "RUN_ID", required = true,
                description = "Re-run part of this earlier run, reusing what succeeded in it.")
        String runId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Scope scope;
    }

    /** Which part of the original run a re-run repeats. */
    static final class Scope {
        @Option(names = "--stage", paramLabel = "NAME", description = "Re-run only this stage.")
        String stage;

        @Option(names = "--from-stage", paramLabel = "NAME", description = "Re-run this stage and every later one.")
        String fromStage;

        @Option(names = "--only-failed", description = "Re-run only the failed items (e.g. semantic models) of the"
                + " failed stage.")
        boolean onlyFailed;
    }

    public RunCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (concurrency != null && concurrency < 1) {
            throw usage("--concurrency must be at least 1, was " + concurrency);
        }
        Workspace ws = services.workspaceLoader().open(workspace.resolve(services));
        EnvironmentSettings environment = ws.settings().environment(env).orElseThrow(() -> usage(
                "unknown environment '" + env + "'; environments of " + ws.root() + ": "
                        + String.join(", ", ws.settings().environments().keySet())));
        if (!environment.emulator() && (scenarioFile != null || emulatorUrl != null)) {
            throw usage("--scenario and --emulator apply to the sandbox only; " + env + " is a Fabric environment");
        }
        RunRequest request = request(ws);
        // asked before anything is looked up, so a mistyped --env never even signs in to production
        if (environment.protectedEnv() && !dryRun && !yes && !confirmed(out, err)) {
            return CommandLineRunner.BAD_USAGE;
        }
        SandboxOptions sandbox = environment.emulator()
                ? new SandboxOptions(Optional.ofNullable(emulatorUrl), emulatorUrl != null ? Optional.empty()
                        : Optional.of(ScenarioFiles.read(services, ws, scenarioFile, err)))
                : SandboxOptions.inProcess();
        PreparedRun prepared;
        try {
            prepared = services.runLauncher().prepare(ws, request, sandbox, Map.of());
        } catch (PlanException e) {
            printProblems(err, e.problems());
            err.println("dbb: the plan has errors; nothing was started");
            return CommandLineRunner.BAD_USAGE;
        } catch (SignInException e) {
            err.println("dbb: cannot sign in to " + env + ": " + e.getMessage());
            return CommandLineRunner.SIGN_IN_FAILED;
        } catch (FabricApiException e) {
            err.println("dbb: cannot plan the run in " + env + ": " + e.getMessage());
            return CommandLineRunner.ERRORS_FOUND;
        }
        try (prepared) {
            if (dryRun) {
                out.print(services.planPrinter().print(prepared.plan()));
                out.flush();
                return 0;
            }
            return execute(prepared, ws.settings().notificationsFor(environment), out, err);
        }
    }

    private int execute(PreparedRun prepared, NotificationSettings notifications, PrintWriter out,
                        PrintWriter err) {
        RunProgressPrinter progress = new RunProgressPrinter(out, prepared.plan(), ZoneId.systemDefault());
        RunListener listener = notifier(prepared, notifications, err).map(notifier -> RunListeners.both(progress, notifier))
                .orElse(progress);
        RunHandle handle = prepared.start(listener);
        audit(prepared, handle.runId(), err);
        out.println("Run " + handle.runId() + " in " + env + " (" + prepared.plan().workspaceName() + ", "
                + prepared.connection().endpointDescription() + ")"
                + request(prepared).map(r -> ", re-running " + describe(r) + " of run " + r.originalRunId())
                .orElse(""));
        out.flush();
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
        // the emulator serves the sandbox a variable group of its own, which holds the sandbox's webhook
        Optional<VariableGroupRef> ref = prepared.connection().settings().variableGroup()
                .or(() -> prepared.connection().emulator()
                        .flatMap(e -> e.workspace(prepared.connection().environment()))
                        .map(EmulatedWorkspace::variableGroup));
        if (ref.isEmpty()) {
            return Map.of();
        }
        try {
            VariableGroup group = prepared.connection().devOps().getVariableGroup(ref.get().organization(),
                    ref.get().project(), ref.get().groupId());
            Map<String, VariableValue> values = new LinkedHashMap<>();
            for (GroupVariable v : group.variables().values()) {
                v.value().ifPresent(value -> values.put(v.name(), v.secret() ? VariableValue.secret(value)
                        : VariableValue.plain(value)));
            }
            return values;
        } catch (RuntimeException e) {
            err.println("dbb: cannot read variable group " + ref.get().groupId() + " for the notification"
                    + " webhook (" + e.getMessage() + "); using inline and OS variables");
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

    /** Records the launch (or re-run) with what the operator chose, for the release note. */
    private void audit(PreparedRun prepared, String runId, PrintWriter err) {
        RunRequest r = prepared.plan().request();
        Interventions interventions = new Interventions(services, err);
        Map<String, String> shown = new LinkedHashMap<>();
        // a securestring parameter's value never reaches the trail
        r.parameters().forEach((name, value) -> shown.put(name, prepared.plan().isSecure(name) ? "••••••"
                : value.toString()));
        String choices = "parameters " + shown + (r.maintenance() ? ", maintenance" : "")
                + r.models().map(m -> ", models " + String.join(", ", m)).orElse("")
                + (r.concurrency().isPresent() ? ", concurrency " + r.concurrency().getAsInt() : "");
        AuditEntry entry = r.rerun()
                .map(rerun -> interventions.entry(env, AuditAction.RERUN, "run " + rerun.originalRunId() + ": "
                        + describe(rerun)))
                .orElseGet(() -> interventions.entry(env, AuditAction.LAUNCH, "run " + runId))
                .withChange(null, choices).withRun(runId).withReason(reason);
        interventions.record(entry);
    }

    private static Optional<RerunRequest> request(PreparedRun prepared) {
        return prepared.plan().request().rerun();
    }

    private static String describe(RerunRequest r) {
        return switch (r.mode()) {
            case STAGE_ONLY -> "stage " + r.stage().orElseThrow();
            case FROM_STAGE -> "from stage " + r.stage().orElseThrow() + " on";
            case ONLY_FAILED -> "the failed items";
        };
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

    private RunRequest request(Workspace ws) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw usage("--param takes NAME=VALUE, got '" + p + "'");
            }
            // typed against the pipeline's declaration by the plan builder, which names the expected type
            parameters.put(p.substring(0, eq).strip(), TextNode.valueOf(p.substring(eq + 1)));
        }
        Optional<List<String>> modelList = Optional.ofNullable(models)
                .map(list -> list.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        OptionalInt cap = concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency);
        RefreshMode mode = refreshViaPipeline ? RefreshMode.FABRIC_PIPELINE : RefreshMode.POWER_BI_API;
        String operator = System.getProperty("user.name", "unknown");
        if (rerun == null) {
            return new RunRequest(env, parameters, maintenance, modelList, cap, mode, operator, Optional.empty());
        }
        RunRecord original = services.runJournal().find(rerun.runId).orElseThrow(() -> usage("run " + rerun.runId
                + " is not in the run journal (" + services.databaseFile() + "); `dbb runs list` shows the runs"));
        if (!original.environment().equals(env)) {
            throw usage("run " + rerun.runId + " ran in " + original.environment() + ", not " + env
                    + "; re-run it with --env " + original.environment());
        }
        RunRequest before = original.request();
        Map<String, JsonNode> merged = new LinkedHashMap<>(before.parameters());
        merged.putAll(parameters);
        RerunRequest rerunRequest = rerun.scope.onlyFailed
                ? new RerunRequest(rerun.runId, RerunMode.ONLY_FAILED, Optional.empty())
                : rerun.scope.stage != null
                        ? new RerunRequest(rerun.runId, RerunMode.STAGE_ONLY, Optional.of(rerun.scope.stage))
                        : new RerunRequest(rerun.runId, RerunMode.FROM_STAGE, Optional.of(rerun.scope.fromStage));
        return new RunRequest(env, merged, maintenance || before.maintenance(),
                modelList.isPresent() ? modelList : before.models(), cap.isPresent() ? cap : before.concurrency(),
                refreshViaPipeline ? mode : before.refreshMode(), operator, Optional.of(rerunRequest));
    }

    private boolean confirmed(PrintWriter out, PrintWriter err) {
        if (System.console() == null) {
            err.println("dbb: " + env + " is a protected environment; pass --yes to confirm the run (there is no"
                    + " terminal to type its name in)");
            return false;
        }
        out.print(env + " is a protected environment. Type its name to start the run: ");
        out.flush();
        String typed;
        try {
            typed = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            typed = null;
        }
        if (typed == null || !typed.strip().equals(env)) {
            err.println("dbb: the name did not match; nothing was started");
            return false;
        }
        return true;
    }

    private static void printProblems(PrintWriter err, List<Problem> problems) {
        problems.forEach(p -> err.println(p.format(Cli.currentDirectory())));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
