package org.dbb.console.app.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.monitoring.MonitoringPage;
import org.dbb.console.app.monitoring.MonitoringGrid;
import org.dbb.console.app.monitoring.MonitoringView;
import org.dbb.console.app.monitoring.MonitoringViewModel;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringStores;

/**
 * The Monitoring page open on an empty environment while a writer thread appends {@code total} rows to the embedded
 * store, in transactions of {@code chunk} rows, as fast as the store takes them; done when the table holds every
 * row. Not thread-safe: one benchmark thread drives it.
 */
public final class MonitoringIngestLoad implements UiLoad {

    private static final String ENVIRONMENT = "PROD";
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final int total;
    private final int chunk;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            BenchThreads.daemons("store"));
    private final ExecutorService background = Executors.newFixedThreadPool(2,
            BenchThreads.daemons("background"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(BenchThreads.daemons("writer"));
    private final EmbeddedDatabase database;
    private final JdbcMonitoringStore store;
    private MonitoringViewModel model;
    private MonitoringView view;
    private Duration writing = Duration.ZERO;

    public MonitoringIngestLoad(Path dir, int total, int chunk) {
        this.total = total;
        this.chunk = chunk;
        this.database = EmbeddedDatabase.open(dir.resolve("dbb-console"));
        this.store = MonitoringStores.embedded(database, scheduler);
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%,d monitoring rows appended %s", total,
                chunk == 1 ? "one per transaction" : "in transactions of " + chunk);
    }

    @Override
    public void show(Stage stage) {
        ConsoleSession session = new ConsoleSession();
        session.environmentProperty().set(ENVIRONMENT);
        model = MonitoringPage.model(session, env -> store, new AtomicFileWriter(), new NoDialogs(),
                Clock.systemUTC(), background, new FxExecutor());
        view = new MonitoringView(model);
        UiLoadBenchmark.showPage(stage, view);
    }

    @Override
    public void drive() throws Exception {
        awaitShown(0);
        Future<MonitoringFlood.Written> written = writer.submit(() -> MonitoringFlood.write(store, ENVIRONMENT,
                total, chunk));
        writing = written.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS).took();
        awaitShown(total);
    }

    @Override
    public String outcome() throws Exception {
        int shown = tableRows();
        if (shown != total) {
            throw new AssertionError("the table holds " + shown + " rows, " + total + " were written");
        }
        return String.format(Locale.ROOT, "%,d of %,d rows in the table (the store took %.1f s, %,.0f rows/s)",
                shown, total, writing.toMillis() / 1000.0, total / Math.max(0.001, writing.toMillis() / 1000.0));
    }

    /** How many rows the page's table holds, read on the FX thread. */
    public int tableRows() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table().getItems().size()).get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (model != null) {
            model.close();
        }
        writer.shutdownNow();
        background.shutdownNow();
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        database.close();
    }

    private void awaitShown(int rows) throws Exception {
        WaitForAsyncUtils.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> model.stateProperty().get().name().equals("LIVE") && table().getItems().size() == rows)
                .get(60, TimeUnit.SECONDS));
    }

    private MonitoringGrid table() {
        return (MonitoringGrid) view.lookup("#" + MonitoringView.TABLE_ID);
    }

    /** The benchmark asks nothing of the operator. */
    private static final class NoDialogs implements Dialogs {
        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            return false;
        }

        @Override
        public boolean confirmTypedName(String title, String message, String expectedName) {
            return false;
        }

        @Override
        public void showError(String title, String message) {
            throw new AssertionError(title + ": " + message);
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterDescription,
                                             String extension) {
            return Optional.empty();
        }
    }
}
