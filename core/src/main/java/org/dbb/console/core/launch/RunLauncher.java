package org.dbb.console.core.launch;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.connect.EnvironmentConnector;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.engine.RunEngine;
import org.dbb.console.core.engine.RunJournal;
import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.monitoring.MonitoringSink;
import org.dbb.console.core.plan.EnvironmentCatalogs;
import org.dbb.console.core.plan.PlanBuilder;
import org.dbb.console.core.plan.PlanException;
import org.dbb.console.core.plan.RefreshDefaults;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

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

    public RunLauncher(EnvironmentConnector connector, PlanBuilder plans, MonitoringSink monitoring,
                       RunJournal journal, ScheduledExecutorService scheduler, Clock clock, Supplier<String> runIds,
                       Function<String, String> osEnvironment) {
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
            RunEngine engine = new RunEngine(connection.fabric(),
                    new RefreshConductor(connection.powerBi(), scheduler, clock), scheduler, clock, monitoring,
                    journal, runIds);
            return new PreparedRun(plan, connection, engine);
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
            EnvironmentSettings env = connection.settings();
            String workspace = env.workspace()
                    .map(value -> SettingResolver.forEnvironment(env, variables, osEnvironment)
                            .resolve("environments." + env.name() + ".workspace", value).value())
                    .orElseThrow(() -> new PlanException(Problem.error(
                            repository.settings().file().orElse(repository.root()), 0, 0,
                            "environment " + env.name() + " names no workspace; add `workspace: <name or id>`"
                                    + " under environments." + env.name() + " in dbb-console.yml")));
            progress.lookingUp(env.name(), workspace);
            return new EnvironmentLookup(connection, EnvironmentCatalogs.fetch(connection.fabric(), env, workspace));
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
}
