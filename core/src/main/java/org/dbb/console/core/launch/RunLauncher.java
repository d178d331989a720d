package org.dbb.console.core.launch;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.connect.EnvironmentConnector;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.engine.RunEngine;
import org.dbb.console.core.engine.RunJournal;
import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.fabricruns.EnvironmentFabricRuns;
import org.dbb.console.core.fabricruns.FabricRerunBasis;
import org.dbb.console.core.fabricruns.FabricRunDetail;
import org.dbb.console.core.fabricruns.FabricRunHistory;
import org.dbb.console.core.fabricruns.FabricRunParameter;
import org.dbb.console.core.fabricruns.FabricRunParameters;
import org.dbb.console.core.fabricruns.ParameterSource;
import org.dbb.console.core.monitoring.MonitoringSink;
import org.dbb.console.core.plan.EnvironmentCatalog;
import org.dbb.console.core.plan.EnvironmentCatalogs;
import org.dbb.console.core.plan.PlanBuilder;
import org.dbb.console.core.plan.PlanException;
import org.dbb.console.core.plan.RefreshDefaults;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStages;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;

/**
 * Takes an operator's request to a startable run: connects to the environment, looks up its workspace, items and
 * connections, and plans the master pipeline against them. The command line and the window launch through it, so
 * both run exactly the same thing. Blocks on network calls: call it off the UI thread. Thread-safe.
 */
public final class RunLauncher {

    private final EnvironmentConnector connector;
    private final PlanBuilder plans;
    private final MonitoringSink monitoring;
    private final RunJournal journal;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Supplier<String> runIds;
    private final Function<String, String> osEnvironment;
    private final MasterStagesReader masterStages;

    public RunLauncher(EnvironmentConnector connector, PlanBuilder plans, MonitoringSink monitoring,
                       RunJournal journal, ScheduledExecutorService scheduler, Clock clock, Supplier<String> runIds,
                       Function<String, String> osEnvironment) {
        this(connector, plans, monitoring, journal, scheduler, clock, runIds, osEnvironment,
                new MasterStagesReader(new PipelineReader(), new StageLayouts()));
    }

    /** @param masterStages reads the master pipeline's stages, for runs Fabric started */
    public RunLauncher(EnvironmentConnector connector, PlanBuilder plans, MonitoringSink monitoring,
                       RunJournal journal, ScheduledExecutorService scheduler, Clock clock, Supplier<String> runIds,
                       Function<String, String> osEnvironment, MasterStagesReader masterStages) {
        this.masterStages = Objects.requireNonNull(masterStages, "masterStages");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.monitoring = Objects.requireNonNull(monitoring, "monitoring");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runIds = Objects.requireNonNull(runIds, "runIds");
        this.osEnvironment = Objects.requireNonNull(osEnvironment, "osEnvironment");
    }

    /**
     * Connects and plans. The connection stays open in the returned run; it is closed here when planning fails.
     *
     * @param variables the environment's variable-group values, for {@code $ENV:NAME} settings
     * @throws PlanException                                      when the plan has errors (nothing was started)
     * @throws org.dbb.console.core.auth.SignInException          when the environment cannot be signed in to
     * @throws org.dbb.console.core.fabric.http.FabricApiException when a look-up fails
     */
    public PreparedRun prepare(Workspace repository, RunRequest request, SandboxOptions sandbox,
                               Map<String, VariableValue> variables) {
        return prepare(repository, request, sandbox, variables, LaunchProgress.NONE);
    }

    /**
     * Connects and plans as {@link #prepare(Workspace, RunRequest, SandboxOptions, Map)} does, telling
     * {@code progress} before each step.
     */
    public PreparedRun prepare(Workspace repository, RunRequest request, SandboxOptions sandbox,
                               Map<String, VariableValue> variables, LaunchProgress progress) {
        progress.connecting(request.environment(), repository.settings().environment(request.environment())
                .map(EnvironmentSettings::emulator).orElse(false));
        EnvironmentLookup lookup = lookUp(repository, request.environment(), sandbox, variables, progress);
        EnvironmentConnection connection = lookup.connection();
        try {
            progress.planning(request.environment());
            RunPlan plan = plans.build(repository, lookup.catalog(), request, connection.timeScale());
            return new PreparedRun(plan, connection, engine(connection));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Connects to {@code environment} and looks up its workspace, items and connections, as {@link #prepare} does
     * before planning. The caller closes the result; it is closed here when the look-up fails.
     *
     * @param variables the environment's variable-group values, for {@code $ENV:NAME} settings
     * @throws PlanException                                      when the environment names no workspace, or the
     *                                                            signed-in account sees no such workspace
     * @throws org.dbb.console.core.auth.SignInException          when the environment cannot be signed in to
     * @throws org.dbb.console.core.fabric.http.FabricApiException when a look-up fails
     */
    public EnvironmentLookup lookUp(Workspace repository, String environment, SandboxOptions sandbox,
                                    Map<String, VariableValue> variables) {
        return lookUp(repository, environment, sandbox, variables, LaunchProgress.NONE);
    }

    private EnvironmentLookup lookUp(Workspace repository, String environment, SandboxOptions sandbox,
                                     Map<String, VariableValue> variables, LaunchProgress progress) {
        EnvironmentConnection connection = connector.connect(repository, environment, sandbox, variables);
        try {
            return new EnvironmentLookup(connection, catalog(repository, connection, variables, progress));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The semantic refresh {@code lookup}'s environment runs by default: its models and the cap a launch naming
     * none would use, planned exactly as {@link #prepare} plans. Reads files only.
     *
     * @param operator who asks, as a launch would record it
     * @throws PlanException when the environment's plan has errors
     */
    public Optional<RefreshDefaults> refreshDefaults(Workspace repository, EnvironmentLookup lookup,
                                                     String operator) {
        return plans.refreshDefaults(repository, lookup.catalog(), operator, lookup.connection().timeScale());
    }

    /**
     * Connects to the environment and binds its master pipeline's Fabric runs. The connection stays open in the
     * result (close it when done); it is closed here when the look-up fails.
     *
     * @throws PlanException                                      when the workspace or the master pipeline is not
     *                                                            there (deployed) or the repository has no master
     * @throws org.dbb.console.core.auth.SignInException          when the environment cannot be signed in to
     * @throws org.dbb.console.core.fabric.http.FabricApiException when a look-up fails
     */
    public EnvironmentFabricRuns openFabricRuns(Workspace repository, String environment, SandboxOptions sandbox,
                                                Map<String, VariableValue> variables) {
        EnvironmentConnection connection = connector.connect(repository, environment, sandbox, variables);
        try {
            return fabricRuns(repository, connection, catalog(repository, connection, variables));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Plans a re-run of part of a run Fabric started: reads the run stage by stage and the parameters it used
     * (where Fabric does not show one, the value a launch in the environment takes, marked as such), and plans the
     * re-run so the stages before {@code request.stage()} are taken from the Fabric run (their outputs and
     * variables included) and that stage, with the later ones for {@link org.dbb.console.core.plan.RerunMode#FROM_STAGE},
     * runs through the engine. The journal records the re-run linked to the Fabric run's job instance id.
     *
     * @param variables the environment's variable-group values, for {@code $ENV:NAME} settings
     * @throws org.dbb.console.core.fabricruns.UnknownFabricRunException when Fabric has no such run
     * @throws IllegalArgumentException when the run cannot be re-run so (still running, no such stage, an earlier
     *                                  stage did not succeed)
     * @throws PlanException                                      when the plan has errors (nothing was started)
     * @throws org.dbb.console.core.auth.SignInException          when the environment cannot be signed in to
     * @throws org.dbb.console.core.fabric.http.FabricApiException when a look-up fails
     */
    public PreparedFabricRerun prepareFabricRerun(Workspace repository, FabricRerunRequest request,
                                                  SandboxOptions sandbox, Map<String, VariableValue> variables) {
        EnvironmentConnection connection = connector.connect(repository, request.environment(), sandbox, variables);
        try {
            EnvironmentCatalog catalog = catalog(repository, connection, variables);
            EnvironmentFabricRuns runs = fabricRuns(repository, connection, catalog);
            FabricRunDetail detail = runs.detail(request.jobInstanceId());
            FabricRunParameters used = runs.parameters(request.jobInstanceId());
            Map<String, JsonNode> fromRun = new LinkedHashMap<>();
            used.parameters().stream().filter(p -> p.source() == ParameterSource.FROM_RUN)
                    .forEach(p -> p.value().ifPresent(v -> fromRun.put(p.name(), v)));
            FabricRerunBasis basis = FabricRerunBasis.of(detail, runs.master(), request.environment(),
                    request.mode(), request.stage(), fromRun);
            Map<String, JsonNode> launch = new LinkedHashMap<>(fromRun);
            launch.putAll(request.overrides());
            RunRequest runRequest = new RunRequest(request.environment(), launch, false, Optional.empty(),
                    OptionalInt.empty(), request.refreshMode(), request.operator(), Optional.of(
                    RerunRequest.ofFabricRun(detail.run().jobInstanceId(), request.mode(), basis.stage())));
            RunPlan plan = plans.build(repository, catalog, runRequest, connection.timeScale());
            List<RerunParameter> parameters = new ArrayList<>();
            for (FabricRunParameter p : used.parameters()) {
                RerunParameter.Source source = request.overrides().containsKey(p.name())
                        ? RerunParameter.Source.OVERRIDDEN : p.source() == ParameterSource.FROM_RUN
                        ? RerunParameter.Source.FROM_RUN : RerunParameter.Source.DEFAULT;
                parameters.add(new RerunParameter(p.name(), Optional.ofNullable(plan.parameters().get(p.name())),
                        source, plan.isSecure(p.name())));
            }
            PreparedRun run = new PreparedRun(plan, connection, engine(connection), Optional.of(basis.original()));
            return new PreparedFabricRerun(run, basis, parameters);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private EnvironmentCatalog catalog(Workspace repository, EnvironmentConnection connection,
                                       Map<String, VariableValue> variables) {
        return catalog(repository, connection, variables, LaunchProgress.NONE);
    }

    private EnvironmentCatalog catalog(Workspace repository, EnvironmentConnection connection,
                                       Map<String, VariableValue> variables, LaunchProgress progress) {
        EnvironmentSettings env = connection.settings();
        String workspace = env.workspace()
                .map(value -> SettingResolver.forEnvironment(env, variables, osEnvironment)
                        .resolve("environments." + env.name() + ".workspace", value).value())
                .orElseThrow(() -> new PlanException(Problem.error(
                        repository.settings().file().orElse(repository.root()), 0, 0,
                        "environment " + env.name() + " names no workspace; add `workspace: <name or id>`"
                                + " under environments." + env.name() + " in dbb-console.yml")));
        progress.lookingUp(env.name(), workspace);
        return EnvironmentCatalogs.fetch(connection.fabric(), env, workspace);
    }

    private EnvironmentFabricRuns fabricRuns(Workspace repository, EnvironmentConnection connection,
                                             EnvironmentCatalog catalog) {
        Path settingsFile = repository.settings().file().orElse(repository.root());
        MasterStages stages = masterStages.read(repository);
        Pipeline master = stages.master().orElseThrow(() -> new PlanException(stages.layout().problems().isEmpty()
                ? List.of(Problem.error(settingsFile, 0, 0, "the master pipeline '"
                        + repository.settings().masterPipeline() + "' cannot be read; `dbb validate` says why"))
                : stages.layout().problems()));
        EnvironmentCatalog.CatalogItem item = catalog.item("DataPipeline", master.name()).orElseThrow(() ->
                new PlanException(Problem.error(settingsFile, 0, 0, "the master pipeline '" + master.name()
                        + "' is not deployed in " + catalog.workspaceLabel() + ", so Fabric has no runs of it")));
        return new EnvironmentFabricRuns(connection, new FabricRunHistory(connection.fabric(), clock),
                catalog.workspaceId(), catalog.workspaceName(), item.id(), master, stages.layout());
    }

    private RunEngine engine(EnvironmentConnection connection) {
        return new RunEngine(connection.fabric(), new RefreshConductor(connection.powerBi(), scheduler, clock),
                scheduler, clock, monitoring, journal, runIds);
    }
}
