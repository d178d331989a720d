package org.dbb.console.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

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
import org.dbb.console.app.models.ModelSelectionAudit;
import org.dbb.console.core.audit.LaunchAudit;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.fabricruns.FabricRunSummary;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.launch.FabricRerunRequest;
import org.dbb.console.core.launch.PreparedFabricRerun;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.launch.RerunParameter;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunRequest;
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
    public static final int CANCELLED = RunDriver.CANCELLED;
    private static final Pattern FABRIC_JOB_ID = Pattern.compile(
            "\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*");

    private final ConsoleServices services;

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

    @Option(names = "--models", paramLabel = "MODEL", split = ",",
            description = "Only refresh these semantic models (default: every model the refresh parameter lists).")
    List<String> models;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "At most N semantic model refreshes at once (default: the master pipeline's"
                    + " refresh_concurrency for the environment, else dbb-console.yml, else the refresh pipeline's"
                    + " ForEach).")
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
                description = "Re-run part of this earlier run, reusing what succeeded in it: a console run id, or"
                        + " the job instance id of a run Fabric started (`dbb runs list --env ENV`).")
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
                + " failed stage; console runs only (Fabric does not say which items of a run failed).")
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
        boolean fabricRun = rerun != null && services.runJournal().find(rerun.runId).isEmpty();
        if (fabricRun && !FABRIC_JOB_ID.matcher(rerun.runId).matches()) {
            throw usage("run " + rerun.runId + " is not in the run journal (" + services.databaseFile() + "), nor"
                    + " is it a Fabric job instance id (a GUID); `dbb runs list --env " + env + "` shows the runs");
        }
        RunRequest request = fabricRun ? null : request(ws);
        if (fabricRun) {
            refuseLaunchOptionsForFabricRerun();
        }
        // asked before anything is looked up, so a mistyped --env never even signs in to production
        if (environment.protectedEnv() && !dryRun && !yes && !confirmed(out, err)) {
            return CommandLineRunner.BAD_USAGE;
        }
        RunDriver driver = new RunDriver(services, env);
        if (fabricRun) {
            return rerunFabricRun(ws, environment, driver, out, err);
        }
        SandboxOptions sandbox = driver.sandbox(ws, environment, scenarioFile, emulatorUrl, err);
        Optional<PreparedRun> planned = driver.prepare(ws, request, sandbox, err);
        if (planned.isEmpty()) {
            return driver.failure();
        }
        PreparedRun prepared = planned.get();
        try (prepared) {
            if (dryRun) {
                out.print(services.planPrinter().print(prepared.plan()));
                out.flush();
                return 0;
            }
            // as a launch from the window does: the models it refreshes, against the previous launch's
            PreparedRun audited = new ModelSelectionAudit(services.modelSelections(), services::auditTrail,
                    services.clock()).recordingOnStart(ws.root(), prepared.plan().request(), prepared, Runnable::run);
            return driver.execute(audited, ws.settings().notificationsFor(environment), audited::start,
                    handle -> "Run " + handle.runId() + " in " + env + " (" + prepared.plan().workspaceName() + ", "
                            + prepared.connection().endpointDescription() + ")"
                            + request(prepared).map(r -> ", re-running " + r.describe() + " of run "
                            + r.originalRunId()).orElse(""), runId -> audit(prepared, runId, err), out, err);
        }
    }

    /** Re-runs part of a run Fabric started: prints the parameters it uses and their source, then runs it. */
    private int rerunFabricRun(Workspace ws, EnvironmentSettings environment, RunDriver driver, PrintWriter out,
                               PrintWriter err) {
        RerunMode mode = rerun.scope.stage != null ? RerunMode.STAGE_ONLY : RerunMode.FROM_STAGE;
        String stage = rerun.scope.stage != null ? rerun.scope.stage : rerun.scope.fromStage;
        FabricRerunRequest fabricRequest = new FabricRerunRequest(env, rerun.runId.strip(), mode, stage,
                parameterOverrides(), refreshViaPipeline ? RefreshMode.FABRIC_PIPELINE : RefreshMode.POWER_BI_API,
                System.getProperty("user.name", "unknown"));
        SandboxOptions sandbox = driver.sandbox(ws, environment, scenarioFile, emulatorUrl, err);
        Optional<PreparedFabricRerun> planned = driver.prepareFabricRerun(ws, fabricRequest, sandbox, err);
        if (planned.isEmpty()) {
            return driver.failure();
        }
        try (PreparedFabricRerun prepared = planned.get()) {
            FabricRunSummary original = prepared.basis().run();
            out.println("Fabric run " + original.jobInstanceId() + " · " + original.statusText() + " · started by "
                    + original.startedBy() + original.start().map(s -> " at " + s).orElse(""));
            out.println("Parameters of the re-run:");
            for (RerunParameter p : prepared.parameters()) {
                out.println("  " + p.name() + " = " + p.shown() + "   (" + switch (p.source()) {
                    case FROM_RUN -> "from the Fabric run";
                    case OVERRIDDEN -> "--param";
                    case DEFAULT -> "default for " + env + ": Fabric shows no value of the run";
                } + ")");
            }
            if (prepared.anyDefaulted()) {
                out.println("  Values marked default may differ from what the Fabric run used; pass --param"
                        + " NAME=VALUE to set them.");
            }
            for (String variable : prepared.basis().unknownVariables()) {
                out.println("  warning: Fabric shows no value the run set for variable '" + variable + "'; a re-run"
                        + " step that reads it fails");
            }
            out.flush();
            PreparedRun run = prepared.run();
            if (dryRun) {
                out.print(services.planPrinter().print(run.plan()));
                out.flush();
                return 0;
            }
            return driver.execute(run, ws.settings().notificationsFor(environment), run::start,
                    handle -> "Run " + handle.runId() + " in " + env + " (" + run.plan().workspaceName() + ", "
                            + run.connection().endpointDescription() + "), re-running "
                            + run.plan().request().rerun().orElseThrow().describe() + " of Fabric run "
                            + original.jobInstanceId(), runId -> audit(run, runId, err), out, err);
        }
    }

    /** Launch options a Fabric re-run takes as parameters, so a value never silently goes unused. */
    private void refuseLaunchOptionsForFabricRerun() {
        if (rerun.scope.onlyFailed) {
            throw usage(RerunRequest.ONLY_FAILED_NOT_FOR_FABRIC);
        }
        if (maintenance || models != null || concurrency != null) {
            throw usage("a re-run of a Fabric run takes the run's parameters: instead of --maintenance, --models or"
                    + " --concurrency pass --param run_maintenance=true, --param semantic_models=[…] or --param"
                    + " refresh_concurrency=N");
        }
    }

    /** Records the launch (or re-run) with what the operator chose, for the release note. */
    private void audit(PreparedRun prepared, String runId, PrintWriter err) {
        new Interventions(services, err).record(LaunchAudit.entry(prepared.plan(), runId, services.clock().instant(),
                Optional.ofNullable(reason)));
    }

    private static Optional<RerunRequest> request(PreparedRun prepared) {
        return prepared.plan().request().rerun();
    }

    private Map<String, JsonNode> parameterOverrides() {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw usage("--param takes NAME=VALUE, got '" + p + "'");
            }
            // typed against the pipeline's declaration by the plan builder, which names the expected type
            parameters.put(p.substring(0, eq).strip(), TextNode.valueOf(p.substring(eq + 1)));
        }
        return parameters;
    }

    private RunRequest request(Workspace ws) {
        Map<String, JsonNode> parameters = parameterOverrides();
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
        Set<String> notGiven = new TreeSet<>(services.runJournal().withheldParameters(rerun.runId));
        notGiven.removeAll(parameters.keySet());
        if (!notGiven.isEmpty()) {
            throw usage("run " + rerun.runId + " was given the securestring parameter(s) " + notGiven + ", whose"
                    + " values the console never stores; give them again with --param NAME=VALUE");
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

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
