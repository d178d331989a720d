package org.dbb.console.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringStores;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
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
    private final Object lazyLock = new Object();
    private EmbeddedDatabase database;
    private ScheduledExecutorService scheduler;
    private JdbcMonitoringStore monitoringStore;
    private boolean closed;

    public ConsoleServices(DataDirectories dataDirectories) {
        this(dataDirectories, Optional.empty());
    }

    /** @param databaseOverride the embedded database file to use instead of the data folder's */
    public ConsoleServices(DataDirectories dataDirectories, Optional<Path> databaseOverride) {
        this.dataDirectories = dataDirectories;
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
                masterStagesReader, parameterValidator);
        this.scenarioReader = new ScenarioReader(FabricEmulator.routeKeys());
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

    /** Timers for background polls (monitoring followers); daemon threads, created on first use. */
    public ScheduledExecutorService scheduler() {
        synchronized (lazyLock) {
            requireOpen();
            if (scheduler == null) {
                scheduler = Executors.newScheduledThreadPool(2, DaemonThreads.named("dbb-scheduler-"));
            }
            return scheduler;
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

    /** Stops the scheduler and closes the database, if they were made. */
    @Override
    public void close() {
        synchronized (lazyLock) {
            closed = true;
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
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

    /** Reads and checks emulator scenario files against the routes the emulator serves. */
    public ScenarioReader scenarioReader() {
        return scenarioReader;
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
