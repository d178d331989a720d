package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.DaemonThreads;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringQuery;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.MonitoringStores;
import org.dbb.console.core.monitoring.Subscription;

/**
 * {@code dbb monitor}: prints the newest rows of {@code meta.monitoring_integration} from the console's embedded
 * database, and with {@code --follow} keeps printing new ones until stopped. One per invocation; with
 * {@code --follow} it blocks the calling thread while rows are printed from the composition root's scheduler.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Show monitoring rows (meta.monitoring_integration) from the console's embedded database:"
                + " the newest --limit rows matching the filters, oldest first.",
                "The database is the one named by --database, else by the environment variable "
                        + ConsoleServices.DATABASE_VARIABLE + ", else dbb-console.mv.db in the console's data"
                        + " folder (DBB_CONSOLE_HOME or the platform's application-data folder). It may be open"
                        + " in the console window at the same time."})
public final class MonitorCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 100_000;

    private final ConsoleServices services;
    private final Following following;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "ENV", description = "Only rows of this environment.")
    String environment;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Only rows of this run.")
    String runId;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Only rows of this stage.")
    String stage;

    @Option(names = "--status", paramLabel = "S",
            description = "Only rows with this status: InProgress, Succeeded, Failed, Cancelled, TimedOut, Skipped,"
                    + " ThresholdBreach, IncompleteLoad or Overrun (any case).")
    String status;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only rows whose activity, item, error code or error message contains TEXT (any case).")
    String search;

    @Option(names = "--follow", description = "Keep printing new rows as they are written, until Ctrl+C.")
    boolean follow;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (aligned columns), csv (RFC 4180 with a header) or json (one array; JSON Lines"
                    + " with --follow). Default: ${DEFAULT-VALUE}.")
    MonitorOutput.Format format;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "How many of the newest rows to show first (1-" + MAX_LIMIT + "; default"
                    + " ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--database", paramLabel = "FILE",
            description = "The database file (dbb-console.mv.db) to read instead of the default one.")
    Path database;

    public MonitorCommand(ConsoleServices services) {
        this(services, CountDownLatch::await);
    }

    /** For tests: {@code following} decides how long {@code --follow} runs, instead of waiting for Ctrl+C. */
    MonitorCommand(ConsoleServices services, Following following) {
        this.services = services;
        this.following = following;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw usage("--limit must be 1-" + MAX_LIMIT + ", was " + limit);
        }
        MonitoringQuery query = query();
        Path file = database != null ? database.toAbsolutePath().normalize() : services.databaseFile();
        if ((database != null || services.databaseFileNamed()) && !exists(file)) {
            spec.commandLine().getErr().println("dbb: there is no monitoring database at " + file + "; check the"
                    + " path given by " + (database != null ? "--database" : ConsoleServices.DATABASE_VARIABLE)
                    + ".");
            return CommandLineRunner.ERRORS_FOUND;
        }
        boolean own = database != null && !file.equals(services.databaseFile());
        EmbeddedDatabase opened = own ? EmbeddedDatabase.open(file) : null;
        try {
            JdbcMonitoringStore store = own ? MonitoringStores.embedded(opened, services.scheduler())
                    : services.monitoringStore();
            return show(store, query);
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    private int show(JdbcMonitoringStore store, MonitoringQuery query) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // Read before the newest rows, so a row committed in between is shown once: by the query or the follower.
        long mark = store.lastId();
        List<MonitoringRow> rows = store.latest(query, limit);
        MonitorOutput output = MonitorOutput.of(format, out, follow);
        output.rows(rows);
        if (!follow) {
            output.end();
            if (rows.isEmpty() && format == MonitorOutput.Format.table) {
                spec.commandLine().getErr().println("No monitoring rows match.");
            }
            return 0;
        }
        long after = rows.isEmpty() ? mark : Math.max(mark, rows.get(rows.size() - 1).id().orElse(0));
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        Subscription subscription = store.subscribe(after, query, output::rows);
        Runnable finish = () -> {
            if (stopped.compareAndSet(false, true)) {
                subscription.close();
                out.flush();
                stop.countDown();
            }
        };
        // Ctrl+C ends the JVM through its shutdown hooks; this one stops the follower so output ends cleanly.
        Thread hook = DaemonThreads.named("dbb-monitor-shutdown-").newThread(finish);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            following.follow(stop);
        } finally {
            finish.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook has run or is running; it did the same as finish
            }
        }
        return 0;
    }

    private MonitoringQuery query() {
        MonitoringQuery query = MonitoringQuery.ALL;
        if (environment != null) {
            query = query.withEnvironment(environment);
        }
        if (runId != null) {
            query = query.withRunId(runId);
        }
        if (stage != null) {
            query = query.withStage(stage);
        }
        if (status != null) {
            try {
                query = query.withStatus(MonitoringStatus.parse(status));
            } catch (IllegalArgumentException e) {
                throw usage("--status: " + e.getMessage());
            }
        }
        if (search != null) {
            query = query.withText(search);
        }
        return query;
    }

    private static boolean exists(Path file) {
        String name = file.getFileName().toString();
        Path onDisk = name.endsWith(EmbeddedDatabase.FILE_SUFFIX) ? file
                : file.resolveSibling(name + EmbeddedDatabase.FILE_SUFFIX);
        return Files.isRegularFile(onDisk);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** How long {@code --follow} runs. Called on the command's thread. */
    @FunctionalInterface
    interface Following {

        /** Returns when following should end; {@code stop} reaches zero when the JVM is shutting down. */
        void follow(CountDownLatch stop) throws InterruptedException;
    }
}
