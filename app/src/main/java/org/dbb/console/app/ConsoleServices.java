package org.dbb.console.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

import java.time.Clock;

import okhttp3.OkHttpClient;

import org.dbb.console.app.models.ModelSelectionStore;
import org.dbb.console.app.models.ModelsPageFactory;
import org.dbb.console.core.auth.EnvironmentSignIn;
import org.dbb.console.core.auth.SignInStatusBoard;
import org.dbb.console.core.connect.EnvironmentConnector;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.journal.JdbcRunJournal;
import org.dbb.console.core.launch.RunIds;
import org.dbb.console.core.launch.RunLauncher;
import org.dbb.console.core.plan.PlanBuilder;
import org.dbb.console.core.plan.PlanPrinter;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.fabric.http.HttpClients;
import org.dbb.console.core.fabric.http.HttpTimeouts;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.fabric.http.HttpClients;
import org.dbb.console.core.fabric.http.HttpTimeouts;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringStores;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.variables.EnvironmentReferenceCheck;
import org.dbb.console.core.variables.EnvironmentVariables;
import org.dbb.console.core.variables.VariableGroupAccess;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.edit.ParameterFileEditor;
import org.dbb.console.core.workspace.params.resolve.ParameterPreview;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;
import org.dbb.console.core.workspace.validate.WorkspaceValidator;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.pipeline.RetryPolicyEditor;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.SettingReferences;

/**
 * The composition root: builds every core service once and hands them to the command line and the window by
 * constructor. The embedded database, the monitoring store and the scheduler their followers poll on are made on
 * first use, so commands that do not need them never open the file. Thread-safe; {@link #close()} releases what
 * was opened.
 */
public final class ConsoleServices implements AutoCloseable {

    /** Names the embedded database file instead of the one in the data folder. */
    public static final String DATABASE_VARIABLE = "DBB_CONSOLE_DATABASE";

    private final DataDirectories dataDirectories;
    private final Optional<Path> databaseOverride;
    private final JsonDocuments json;
    private final AtomicFileWriter writer;
    private final ItemDiscovery itemDiscovery;
    private final ConsoleSettingsReader settingsReader;
    private final SampleWorkspace sample;
    private final WorkspaceLoader workspaceLoader;
    private final PipelineReader pipelineReader;
    private final RetryPolicyEditor retryPolicyEditor;
    private final StageLayouts stageLayouts;
    private final MasterStagesReader masterStagesReader;
    private final ParameterFileEditor parameterFileEditor;
    private final ParameterFileValidator parameterValidator;
    private final ParameterResolver parameterResolver;
    private final ParameterPreview parameterPreview;
    private final WorkspaceValidator workspaceValidator;
    private final ScenarioReader scenarioReader;
    private final ConsoleExecutors executors = new ConsoleExecutors();
    private final Clock clock = Clock.systemUTC();
    private OkHttpClient http;
    private EnvironmentSignIn signIn;
    private EnvironmentConnector connector;
    private final Function<String, String> osEnvironment;
    private final ConnectionSettings connections;
    private final SettingReferences settingReferences;
    private final Object lazyLock = new Object();
    private final SignInStatusBoard signInStatuses = new SignInStatusBoard();
    private EmbeddedDatabase database;
    private JdbcMonitoringStore monitoringStore;
    private JdbcRunJournal runJournal;
    private AuditTrail auditTrail;
    private RunLauncher runLauncher;
    private ModelSelectionStore modelSelections;
    private final PlanBuilder planBuilder = new PlanBuilder();
    private final PlanPrinter planPrinter = new PlanPrinter();
    private boolean closed;

    /** Services reading the process's OS environment and reaching Microsoft's cloud. */
    public ConsoleServices(DataDirectories dataDirectories) {
        this(dataDirectories, System::getenv, Optional.empty());
    }

    /**
     * Services reading {@code $ENV:NAME} values from {@code osEnvironment}, reaching Microsoft's cloud.
     *
     * @param databaseOverride the embedded database file to use instead of the data folder's
     */
    public ConsoleServices(DataDirectories dataDirectories, Function<String, String> osEnvironment,
                           Optional<Path> databaseOverride) {
        this(dataDirectories, osEnvironment, ConnectionSettings.signingIn(dataDirectories, osEnvironment),
                databaseOverride);
    }

    /** Services reading {@code $ENV:NAME} values from {@code osEnvironment}, reaching Microsoft's cloud. */
    public ConsoleServices(DataDirectories dataDirectories, Function<String, String> osEnvironment) {
        this(dataDirectories, osEnvironment, Optional.empty());
    }

    /** Services reaching real environments through {@code connections}, with the data folder's database. */
    public ConsoleServices(DataDirectories dataDirectories, Function<String, String> osEnvironment,
                           ConnectionSettings connections) {
        this(dataDirectories, osEnvironment, connections, Optional.empty());
    }

    /** @param databaseOverride the embedded database file to use instead of the data folder's */
    public ConsoleServices(DataDirectories dataDirectories, Optional<Path> databaseOverride) {
        this(dataDirectories, System::getenv, databaseOverride);
    }

    /**
     * @param osEnvironment    where {@code $ENV:NAME} values not in an environment's variables come from
     * @param connections      how real environments are reached
     * @param databaseOverride the embedded database file to use instead of the data folder's
     */
    public ConsoleServices(DataDirectories dataDirectories, Function<String, String> osEnvironment,
                           ConnectionSettings connections, Optional<Path> databaseOverride) {
        this.dataDirectories = dataDirectories;
        this.osEnvironment = Objects.requireNonNull(osEnvironment, "osEnvironment");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.settingReferences = new SettingReferences();
        this.databaseOverride = databaseOverride.map(p -> p.toAbsolutePath().normalize());
        this.json = new JsonDocuments();
        this.writer = new AtomicFileWriter();
        this.itemDiscovery = new ItemDiscovery(json);
        this.settingsReader = new ConsoleSettingsReader();
        this.sample = new SampleWorkspace();
        this.workspaceLoader = new WorkspaceLoader(settingsReader, itemDiscovery);
        this.pipelineReader = new PipelineReader();
        this.retryPolicyEditor = new RetryPolicyEditor(pipelineReader, writer);
        this.stageLayouts = new StageLayouts();
        this.masterStagesReader = new MasterStagesReader(pipelineReader, stageLayouts);
        this.parameterFileEditor = new ParameterFileEditor(writer);
        this.parameterValidator = new ParameterFileValidator();
        this.parameterResolver = new ParameterResolver();
        this.parameterPreview = new ParameterPreview();
        this.workspaceValidator = new WorkspaceValidator(settingsReader, itemDiscovery, pipelineReader,
                masterStagesReader, parameterValidator,
                new EnvironmentReferenceCheck(settingReferences, osEnvironment));
        this.scenarioReader = new ScenarioReader(FabricEmulator.routeKeys());
        // OkHttp starts no thread until the first call, so commands that never use HTTP pay nothing for it
    }

    /** Services for the user running the process, with data kept in the platform's application-data folder. */
    public static ConsoleServices forCurrentUser() {
        Map<String, String> env = System.getenv();
        Optional<Path> database = Optional.ofNullable(env.get(DATABASE_VARIABLE)).filter(v -> !v.isBlank())
                .map(Path::of);
        return new ConsoleServices(DataDirectories.forCurrentUser(env, System.getProperty("os.name"),
                Path.of(System.getProperty("user.home"))), database);
    }

    /** The embedded database file: {@value #DATABASE_VARIABLE} when set, else the data folder's. */
    public Path databaseFile() {
        return databaseOverride.orElseGet(dataDirectories::database);
    }

    /** Whether the database file was named explicitly rather than defaulted to the data folder's. */
    public boolean databaseFileNamed() {
        return databaseOverride.isPresent();
    }

    /** The console's embedded database, opened on first use. */
    public EmbeddedDatabase database() {
        synchronized (lazyLock) {
            requireOpen();
            if (database == null) {
                database = EmbeddedDatabase.open(databaseFile());
            }
            return database;
        }
    }

    /** Timers for background polls (monitoring followers, client polls, the engine): the shared background pool. */
    public ScheduledExecutorService scheduler() {
        synchronized (lazyLock) {
            requireOpen();
            return executors.background();
        }
    }

    /** The monitoring store in the embedded database, its schema brought up to date on first use. */
    public JdbcMonitoringStore monitoringStore() {
        EmbeddedDatabase db = database();
        ScheduledExecutorService timers = scheduler();
        synchronized (lazyLock) {
            if (monitoringStore == null) {
                monitoringStore = MonitoringStores.embedded(db, timers);
            }
            return monitoringStore;
        }
    }

    /** The run journal in the embedded database, its schema brought up to date on first use. */
    public JdbcRunJournal runJournal() {
        EmbeddedDatabase db = database();
        synchronized (lazyLock) {
            if (runJournal == null) {
                runJournal = JdbcRunJournal.open(db);
            }
            return runJournal;
        }
    }

    /** The audit trail of operator interventions in the embedded database, brought up to date on first use. */
    public AuditTrail auditTrail() {
        EmbeddedDatabase db = database();
        synchronized (lazyLock) {
            if (auditTrail == null) {
                auditTrail = AuditTrail.open(db);
            }
            return auditTrail;
        }
    }

    /** Connects, plans and starts runs, writing monitoring rows and the journal to the embedded database. */
    public RunLauncher runLauncher() {
        JdbcMonitoringStore monitoring = monitoringStore();
        JdbcRunJournal journal = runJournal();
        EnvironmentConnector connections = connector();
        synchronized (lazyLock) {
            if (runLauncher == null) {
                runLauncher = new RunLauncher(connections, planBuilder, monitoring, journal, scheduler(), clock,
                        new RunIds(clock), osEnvironment);
            }
            return runLauncher;
        }
    }

    /**
     * The operators' saved semantic model selections and last launched models, one store for the data folder so
     * that the Models page, launches and environment renames all see the same.
     */
    public ModelSelectionStore modelSelections() {
        synchronized (lazyLock) {
            if (modelSelections == null) {
                modelSelections = ModelsPageFactory.selections(dataDirectories.root(), writer);
            }
            return modelSelections;
        }
    }

    /** Tests environments' connections: sign-in, variable group, workspace and items, as a launch looks them up. */
    public org.dbb.console.core.launch.ConnectionCheck connectionCheck() {
        return new org.dbb.console.core.launch.ConnectionCheck(signIn(), connector(), runLauncher());
    }

    /** Changes single values of dbb-console.yml in place, keeping every other byte. */
    public org.dbb.console.core.workspace.config.edit.ConsoleSettingsEditor consoleSettingsEditor() {
        return new org.dbb.console.core.workspace.config.edit.ConsoleSettingsEditor(settingsReader, writer);
    }

    /** The dry-run text of a plan. */
    public PlanPrinter planPrinter() {
        return planPrinter;
    }

    /** Stops the scheduler and closes the database, if they were made. */
    @Override
    public void close() {
        synchronized (lazyLock) {
            closed = true;
            executors.close();
            if (database != null) {
                database.close();
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the console's services are closed");
        }
    }

    public DataDirectories dataDirectories() {
        return dataDirectories;
    }

    public JsonDocuments json() {
        return json;
    }

    public AtomicFileWriter writer() {
        return writer;
    }

    public ItemDiscovery itemDiscovery() {
        return itemDiscovery;
    }

    public ConsoleSettingsReader settingsReader() {
        return settingsReader;
    }

    public SampleWorkspace sample() {
        return sample;
    }

    public WorkspaceLoader workspaceLoader() {
        return workspaceLoader;
    }

    public PipelineReader pipelineReader() {
        return pipelineReader;
    }

    public RetryPolicyEditor retryPolicyEditor() {
        return retryPolicyEditor;
    }

    public StageLayouts stageLayouts() {
        return stageLayouts;
    }

    public ParameterFileValidator parameterValidator() {
        return parameterValidator;
    }

    public ParameterResolver parameterResolver() {
        return parameterResolver;
    }

    public ParameterPreview parameterPreview() {
        return parameterPreview;
    }

    public WorkspaceValidator workspaceValidator() {
        return workspaceValidator;
    }

    public ParameterFileEditor parameterFileEditor() {
        return parameterFileEditor;
    }

    public MasterStagesReader masterStagesReader() {
        return masterStagesReader;
    }

    /** Where {@code $ENV:NAME} values that no environment variable supplies come from. */
    public Function<String, String> osEnvironment() {
        return osEnvironment;
    }

    /** Finds the {@code $ENV:NAME} references of {@code dbb-console.yml} with their positions. */
    public SettingReferences settingReferences() {
        return settingReferences;
    }

    /**
     * Opens what reading {@code repository}'s variable groups needs (HTTP client, threads, for the sandbox the
     * emulator); the caller closes it.
     */
    public VariableGroupConnections openVariableGroups(Workspace repository) {
        return new VariableGroupConnections(repository, connections);
    }

    /** An environment-variables service reading groups through {@code access}. */
    public EnvironmentVariables environmentVariables(VariableGroupAccess access) {
        return new EnvironmentVariables(access, settingReferences, osEnvironment);
    }

    /** Reads and checks emulator scenario files against the routes the emulator serves. */
    public ScenarioReader scenarioReader() {
        return scenarioReader;
    }

    /** The background executors; created on first use, shut down by {@link #close()}. */
    public ConsoleExecutors executors() {
        return executors;
    }

    public Clock clock() {
        return clock;
    }

    /** The one OkHttp client every service shares (connection pool and dispatcher). */
    public synchronized OkHttpClient http() {
        if (http == null) {
            http = HttpClients.create(HttpTimeouts.DEFAULTS);
        }
        return http;
    }

    /** Sign-in for every environment, remembering accounts in the data directory. */
    public synchronized EnvironmentSignIn signIn() {
        if (signIn == null) {
            signIn = EnvironmentSignIn.builder(http(), dataDirectories).executor(executors.background())
                    .osEnvironment(osEnvironment).clock(clock).listener(signInStatuses).build();
        }
        return signIn;
    }

    /** The latest sign-in status of every environment, for the window. */
    public SignInStatusBoard signInStatuses() {
        return signInStatuses;
    }

    /** Opens connections to environments: real tenants or the sandbox emulator. */
    public synchronized EnvironmentConnector connector() {
        if (connector == null) {
            connector = new EnvironmentConnector(http(), signIn(), executors.background(),
                    executors.emulatorHandlers(), executors.emulatorTimers(), clock);
        }
        return connector;
    }

    /**
     * The workspace to use when none is named: the user's working copy of the sample, exported on first use so
     * edits made through the console survive between runs.
     */
    public Path defaultWorkspace() {
        Path dir = dataDirectories.sampleWorkspace();
        if (!Files.isRegularFile(dir.resolve("dbb-console.yml"))) {
            sample.exportTo(dir);
        }
        return dir;
    }
}
