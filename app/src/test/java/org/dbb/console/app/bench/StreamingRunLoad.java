package org.dbb.console.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.monitoring.MonitoringState;
import org.dbb.console.app.monitoring.MonitoringViewModel;
import org.dbb.console.app.pages.LaunchDialogScreen;
import org.dbb.console.app.pages.RunsScreen;
import org.dbb.console.app.runs.RunSessionViewModel;
import org.dbb.console.app.runs.RunsViewModel;
import org.dbb.console.app.testing.SampleWindow;
import org.dbb.console.core.engine.RunOutcome;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringQuery;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StepRow;

/**
 * The whole console window (the {@link org.dbb.console.app.WindowComposition} of the sample workspace, through
 * {@link SampleWindow}, not a page on its own) showing the Runs page while a sandbox run streams onto its timeline
 * and a writer thread floods the monitoring store, measured from the operator's click on Launch until the window
 * shows it all. The workspace is the sample grown to refresh {@code models} semantic models (see
 * {@link GeneratedModels}), one timeline step each; the run is launched from the Runs page's launch dialog and runs
 * through the real engine against the window's in-process emulator. As soon as it has started, the writer appends
 * {@code rows} rows to the same embedded store the run writes to, in transactions of {@code chunk}, for the same
 * environment, so the Monitoring page's view model (which always follows the selected environment's store in the
 * window) takes them in alongside the run's own rows. Done when the run ended SUCCEEDED, the page's timeline shows
 * every step the run journal recorded, each ended, and the monitoring view model holds exactly the rows written:
 * the run's and the writer's, by id. Not thread-safe: one benchmark thread drives it.
 */
public final class StreamingRunLoad implements UiLoad {

    private static final String ENVIRONMENT = "sandbox";
    private static final Duration LIMIT = Duration.ofMinutes(15);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int READ_PAGE = 10_000;
    /**
     * Jobs in a blink, each model's refresh a fifth of a second: the run lasts about as long as the conductor's
     * polls take, half a second per round of refreshes in flight, so 200 models make a run of about a minute.
     */
    private static final String SCENARIO = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 100, refreshQueueSeconds: 2, pollSeconds: 5}
            """;

    private final Path temp;
    private final Path root;
    private final int models;
    private final int rows;
    private final int chunk;
    private final FxRobot robot = new FxRobot();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(BenchThreads.daemons("writer"));
    private SampleWindow window;
    private LaunchDialogScreen dialog;
    private String runId;
    private RunOutcome ended;
    private MonitoringFlood.Written flood;
    private int runRows;
    private int timelineSteps;

    /**
     * Exports the sample workspace under {@code temp} and grows it to {@code models} semantic models (at least the
     * sample's own). Writes files: call it off the FX thread.
     */
    public StreamingRunLoad(Path temp, int models, int rows, int chunk) {
        this.temp = temp;
        this.root = SampleWindow.exportSample(temp);
        int sample = GeneratedModels.sampleModels(root);
        GeneratedModels.add(root, Math.max(0, models - sample));
        this.models = Math.max(models, sample);
        this.rows = rows;
        this.chunk = chunk;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "the console window on the Runs page while a sandbox run refreshing %,d"
                + " semantic models streams onto its timeline and %,d monitoring rows are appended %s", models, rows,
                chunk == 1 ? "one per transaction" : "in transactions of " + chunk);
    }

    @Override
    public void show(Stage stage) {
        window = SampleWindow.open(temp, stage, SCENARIO, root);
    }

    /**
     * Waits until the workspace is open on the sandbox and its monitoring rows are followed, then does what comes
     * before the run as the operator would: opens the Runs page and the launch dialog, and previews the plan.
     */
    @Override
    public void awaitReady() throws Exception {
        MonitoringViewModel monitoring = window.composition().monitoring();
        await("the workspace to open on the sandbox with its monitoring rows followed", () ->
                window.composition().session().workspace() != null
                        && ENVIRONMENT.equals(window.composition().session().environment())
                        && monitoring.stateProperty().get() == MonitoringState.LIVE);
        dialog = new RunsScreen(robot).open().launch().previewAndWait();
        if (!dialog.launchEnabled()) {
            throw new AssertionError("the launch dialog does not let the run start: " + dialog.status());
        }
    }

    @Override
    public void drive() throws Exception {
        RunSessionViewModel active = runs().active();
        dialog.launch();
        await("the run to start", () -> !active.runIdProperty().get().isEmpty());
        runId = onFx(() -> active.runIdProperty().get());

        JdbcMonitoringStore store = window.services().monitoringStore();
        Future<MonitoringFlood.Written> written = writer.submit(() -> MonitoringFlood.write(store, ENVIRONMENT,
                rows, chunk));

        await("run " + runId + " to end", () -> active.outcomeProperty().get() != null);
        ended = onFx(() -> active.outcomeProperty().get());
        if (ended.state() != RunState.SUCCEEDED) {
            throw new AssertionError("run " + runId + " ended " + ended.state() + ": "
                    + onFx(() -> active.headlineProperty().get()));
        }
        flood = written.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);

        RunRecord record = window.services().runJournal().find(runId).orElseThrow(() ->
                new AssertionError("run " + runId + " is not in the run journal"));
        Set<StepKey> recorded = record.steps().keySet();
        await("the timeline to show the " + recorded.size() + " steps the journal recorded, each ended",
                () -> missingOrOpen(runs().shownProperty().get(), recorded).isEmpty());

        runRows = store.rowsOfRunAfter(runId, 0).size();
        int expected = runRows + rows;
        MonitoringViewModel monitoring = window.composition().monitoring();
        await("the monitoring view model to hold " + expected + " rows", () -> monitoring.rows().size() >= expected);
    }

    /** Checks what the window shows against the store and the journal, after measuring. */
    @Override
    public String outcome() throws Exception {
        RunTimeline timeline = onFx(() -> runs().shownProperty().get());
        RunRecord record = window.services().runJournal().find(runId).orElseThrow();
        List<String> missing = missingOrOpen(timeline, record.steps().keySet());
        if (!missing.isEmpty()) {
            throw new AssertionError("the timeline misses or shows unfinished " + missing.size() + " steps: "
                    + missing.stream().limit(10).toList());
        }
        timelineSteps = timeline.allSteps().size();

        Set<Long> expected = new HashSet<>();
        for (long id : flood.ids()) {
            expected.add(id);
        }
        window.services().monitoringStore().rowsOfRunAfter(runId, 0).forEach(r -> expected.add(r.id().orElseThrow()));
        Set<Long> stored = storedIds(window.services().monitoringStore());
        if (!stored.equals(expected)) {
            throw new AssertionError("the store holds " + stored.size() + " rows of " + ENVIRONMENT + ", but "
                    + expected.size() + " were written (the run's and the writer's)");
        }
        List<MonitoringRow> shown = onFx(() -> List.copyOf(window.composition().monitoring().rows()));
        Set<Long> shownIds = shown.stream().map(r -> r.id().orElseThrow()).collect(Collectors.toSet());
        if (shown.size() != expected.size() || !shownIds.equals(expected)) {
            Set<Long> dropped = new HashSet<>(expected);
            dropped.removeAll(shownIds);
            throw new AssertionError("the monitoring view model holds " + shown.size() + " rows (" + shownIds.size()
                    + " distinct), " + expected.size() + " were written; " + dropped.size() + " dropped");
        }
        return String.format(Locale.ROOT, "run %s with %,d steps on the timeline (%,d semantic models; every step"
                        + " the journal recorded, ended) in %.1f s; %,d of %,d rows in the monitoring table (%,d of"
                        + " the run, %,d from the writer: the store took %.1f s, %,.0f rows/s)",
                ended.state(), timelineSteps, models, ended.duration().toMillis() / 1000.0, shownIds.size(),
                expected.size(), runRows, rows, flood.took().toMillis() / 1000.0, flood.rowsPerSecond());
    }

    /** The steps on the timeline at the end, as {@link #outcome()} counted them. */
    public int timelineSteps() {
        return timelineSteps;
    }

    /** How many rows were written: the run's and the writer's. */
    public int rowsWritten() {
        return runRows + rows;
    }

    /** How many rows the Monitoring page's view model holds, read on the FX thread. */
    public int rowsShown() throws Exception {
        return onFx(() -> window.composition().monitoring().rows().size());
    }

    @Override
    public void close() throws Exception {
        writer.shutdownNow();
        if (window != null) {
            window.close();
        }
    }

    private RunsViewModel runs() {
        return window.composition().runsPage().model();
    }

    /** The recorded steps the timeline lacks, and the rows it shows not ended; empty when all is shown. */
    private List<String> missingOrOpen(RunTimeline timeline, Set<StepKey> recorded) {
        List<String> problems = new ArrayList<>();
        if (timeline == null || !timeline.runId().equals(runId)) {
            problems.add("the timeline shows " + (timeline == null ? "no run" : "run " + timeline.runId()));
            return problems;
        }
        Set<StepKey> shown = new HashSet<>();
        for (StepRow row : timeline.allSteps()) {
            shown.add(row.key());
            if (!row.state().isTerminal()) {
                problems.add(row.key() + " is " + row.state());
            }
        }
        recorded.stream().filter(k -> !shown.contains(k)).forEach(k -> problems.add(k + " is missing"));
        return problems;
    }

    private static Set<Long> storedIds(JdbcMonitoringStore store) {
        Set<Long> ids = new HashSet<>();
        MonitoringQuery query = MonitoringQuery.ALL.withEnvironment(ENVIRONMENT);
        long after = 0;
        while (true) {
            List<MonitoringRow> page = store.rowsAfter(after, query, READ_PAGE);
            page.forEach(r -> ids.add(r.id().orElseThrow()));
            if (page.size() < READ_PAGE) {
                return ids;
            }
            after = page.get(page.size() - 1).id().orElseThrow();
        }
    }

    /**
     * Polls {@code condition} on the FX thread until it holds, or fails naming what it waited for. Ten checks a
     * second: often enough to end the measurement promptly, rarely enough not to be part of the load.
     */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + LIMIT.toMinutes() + " min for " + what + " in vain");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
    }
}
