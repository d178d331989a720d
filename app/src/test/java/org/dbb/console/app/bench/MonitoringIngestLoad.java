package org.dbb.console.app.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.scene.Parent;

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
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.MonitoringStores;

/**
 * The Monitoring page open on an empty environment while a writer thread appends {@code total} rows to the embedded
 * store, in transactions of {@code chunk} rows, as fast as the store takes them; done when the table holds every
 * row. Not thread-safe: one benchmark thread drives it.
 */
public final class MonitoringIngestLoad implements UiLoad {

    private static final String ENVIRONMENT = "PROD";
    private static final String[] STAGES = {"Initialisation", "Integration", "Transformation", "Monitoring",
            "Maintenance", "Semantic refresh"};
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final int total;
    private final int chunk;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemons("store"));
    private final ExecutorService background = Executors.newFixedThreadPool(2, daemons("background"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(daemons("writer"));
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
    public Parent createView() {
        ConsoleSession session = new ConsoleSession();
        session.environmentProperty().set(ENVIRONMENT);
        model = MonitoringPage.model(session, env -> store, new AtomicFileWriter(), new NoDialogs(),
                Clock.systemUTC(), background, new FxExecutor());
        view = new MonitoringView(model);
        return view;
    }

    @Override
    public void drive() throws Exception {
        awaitShown(0);
        Future<?> written = writer.submit(() -> {
            long start = System.nanoTime();
            Instant t0 = Instant.now();
            List<MonitoringRow> batch = new ArrayList<>(chunk);
            for (int i = 0; i < total; i++) {
                batch.add(row(i, t0));
                if (batch.size() == chunk || i == total - 1) {
                    store.appendAll(batch);
                    batch.clear();
                }
            }
            writing = Duration.ofNanos(System.nanoTime() - start);
            return null;
        });
        written.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
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

    /** A row as a busy DBB run writes them: mostly starts and successes, some failures, breaches and overruns. */
    private static MonitoringRow row(int i, Instant t0) {
        String stage = STAGES[(i / 40) % STAGES.length];
        int kind = i % 50;
        MonitoringStatus status = kind == 7 ? MonitoringStatus.FAILED
                : kind == 19 ? MonitoringStatus.THRESHOLD_BREACH
                : kind == 31 ? MonitoringStatus.OVERRUN
                : i % 2 == 0 ? MonitoringStatus.IN_PROGRESS : MonitoringStatus.SUCCEEDED;
        Instant started = t0.plusMillis(i * 37L);
        boolean ended = status != MonitoringStatus.IN_PROGRESS;
        boolean problem = status != MonitoringStatus.IN_PROGRESS && status != MonitoringStatus.SUCCEEDED;
        return new MonitoringRow(OptionalLong.empty(), "20260301-0600-" + (i / 2_000), ENVIRONMENT, stage,
                stage + " activity " + (i % 23), Optional.of("item_" + (i % 311)), 1 + (i % 3), status,
                Optional.of("job-" + i), started, ended ? Optional.of(started.plusMillis(1_000 + i % 9_000))
                : Optional.empty(), ended ? OptionalLong.of(i * 13L) : OptionalLong.empty(),
                ended ? OptionalLong.of(i * 12L) : OptionalLong.empty(),
                problem ? Optional.of("E" + kind) : Optional.empty(),
                problem ? Optional.of("Row " + i + " needs a look: value outside its threshold") : Optional.empty(),
                "bench");
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("bench-" + name + "-" + thread.getName());
            thread.setDaemon(true);
            return thread;
        };
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
