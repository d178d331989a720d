package org.dbb.console.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.app.monitoring.MonitoringRows.row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringCsv;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.MonitoringStoreException;
import org.dbb.console.core.monitoring.MonitoringStores;

class MonitoringViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private ScheduledExecutorService scheduler;
    private EmbeddedDatabase database;
    private JdbcMonitoringStore store;
    private final ConsoleSession session = new ConsoleSession();
    private final ManualExecutor fx = new ManualExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MonitoringViewModel model;

    @BeforeEach
    void open() {
        scheduler = Executors.newScheduledThreadPool(2);
        database = EmbeddedDatabase.open(temp.resolve("db/dbb-console"));
        store = MonitoringStores.embedded(database, scheduler);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (model != null) {
            model.close();
        }
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        database.close();
    }

    private MonitoringViewModel model(MonitoringStoreSource source) {
        model = new MonitoringViewModel(session, source, new AtomicFileWriter(), dialogs, CLOCK, Runnable::run, fx);
        return model;
    }

    private MonitoringViewModel liveModel(String environment) {
        session.environmentProperty().set(environment);
        MonitoringViewModel m = model(env -> store);
        fx.runUntil(() -> m.stateProperty().get() == MonitoringState.LIVE, "the rows are loaded");
        return m;
    }

    private List<String> activities() {
        return model.rows().stream().map(MonitoringRow::activity).toList();
    }

    private void awaitRows(int count) {
        fx.runUntil(() -> model.rows().size() == count, count + " rows are shown (" + model.rows().size() + ")");
    }

    @Test
    void withoutAnEnvironmentThereIsNothingToLoad() {
        MonitoringViewModel m = model(env -> store);

        assertThat(m.stateProperty().get()).isEqualTo(MonitoringState.NO_ENVIRONMENT);
        assertThat(m.scopeProperty().get()).isEqualTo("Choose an environment to see its monitoring rows.");
        assertThat(m.rows()).isEmpty();
        assertThat(m.canExportProperty().get()).isFalse();
    }

    @Test
    void loadsTheSelectedEnvironmentsRowsOldestFirstAndSaysWhereItReadsThemFrom() {
        store.append(row("run-1", "PROD", "Integration", "Copy customers", MonitoringStatus.SUCCEEDED));
        store.append(row("run-9", "TEST", "Integration", "Copy test data", MonitoringStatus.SUCCEEDED));
        store.append(row("run-1", "PROD", "Transformation", "Run dbt", MonitoringStatus.FAILED));
        session.environmentProperty().set("PROD");
        List<String> waited = new ArrayList<>();
        model = new MonitoringViewModel(session, env -> store, new AtomicFileWriter(), dialogs, CLOCK,
                task -> fx.execute(task), fx);
        model.waitingForProperty().addListener((obs, old, now) -> waited.add(now));

        assertThat(model.stateProperty().get()).isEqualTo(MonitoringState.LOADING);
        assertThat(model.waitingForProperty().get()).isEqualTo("Loading the monitoring rows of PROD …");
        fx.runUntil(() -> model.stateProperty().get() == MonitoringState.LIVE, "the rows are loaded");

        assertThat(waited).contains("Loading rows from " + database.file());
        assertThat(model.waitingForProperty().get()).isEmpty();
        assertThat(activities()).containsExactly("Copy customers", "Run dbt");
        assertThat(model.scopeProperty().get()).isEqualTo("Rows of PROD");
        assertThat(model.countsProperty().get()).isEqualTo("2 rows · 1 failed");
        assertThat(model.stages()).containsExactly("Integration", "Transformation");
    }

    @Test
    void rowsAppendedLaterArriveAtTheEndInOrder() {
        store.append(row("run-1", "PROD", "Integration", "first", MonitoringStatus.SUCCEEDED));
        liveModel("PROD");

        store.appendAll(List.of(row("run-1", "PROD", "Integration", "second", MonitoringStatus.IN_PROGRESS),
                row("run-1", "TEST", "Integration", "other environment", MonitoringStatus.SUCCEEDED),
                row("run-1", "PROD", "Integration", "third", MonitoringStatus.SUCCEEDED)));
        awaitRows(3);

        assertThat(activities()).containsExactly("first", "second", "third");
        assertThat(model.countsProperty().get()).isEqualTo("3 rows");
    }

    @Test
    void rowsWrittenByAnotherProcessAppearWithinAPollInterval() {
        liveModel("PROD");
        // A second store over the same database stands in for another process: its appends wake no follower here.
        JdbcMonitoringStore otherProcess = new JdbcMonitoringStore(database.dataSource(), scheduler,
                JdbcMonitoringStore.Options.embedded(), "the other process");

        otherProcess.append(row("run-2", "PROD", "Integration", "written elsewhere", MonitoringStatus.SUCCEEDED));
        awaitRows(1);

        assertThat(activities()).containsExactly("written elsewhere");
    }

    @Test
    void switchingTheEnvironmentReloadsAndStopsFollowingTheOldOne() {
        store.append(row("run-1", "PROD", "Integration", "prod row", MonitoringStatus.SUCCEEDED));
        store.append(row("run-2", "TEST", "Integration", "test row", MonitoringStatus.SUCCEEDED));
        liveModel("PROD");
        assertThat(activities()).containsExactly("prod row");

        session.environmentProperty().set("TEST");
        fx.runUntil(() -> model.stateProperty().get() == MonitoringState.LIVE, "TEST's rows are loaded");
        store.append(row("run-1", "PROD", "Integration", "late prod row", MonitoringStatus.SUCCEEDED));
        store.append(row("run-2", "TEST", "Integration", "new test row", MonitoringStatus.SUCCEEDED));
        awaitRows(2);

        assertThat(activities()).containsExactly("test row", "new test row");
        assertThat(model.scopeProperty().get()).isEqualTo("Rows of TEST");
    }

    @Test
    void filtersCombineAndApplyToRowsThatArriveLater() {
        store.appendAll(List.of(
                row("20260301-a", "PROD", "Integration", "Copy customers", MonitoringStatus.SUCCEEDED),
                row("20260301-a", "PROD", "Integration", "Copy orders", MonitoringStatus.FAILED),
                row("20260301-a", "PROD", "Monitoring", "Check completeness", MonitoringStatus.THRESHOLD_BREACH),
                row("20260302-b", "PROD", "Integration", "Copy orders", MonitoringStatus.TIMED_OUT),
                row("20260302-b", "PROD", "Transformation", "Run dbt", MonitoringStatus.SUCCEEDED)));
        liveModel("PROD");

        model.statusFilter().addAll(List.of(MonitoringStatus.FAILED, MonitoringStatus.TIMED_OUT));
        assertThat(activities()).containsExactly("Copy orders", "Copy orders");
        assertThat(model.statusSummaryProperty().get()).isEqualTo("Failed, TimedOut");

        model.runIdFilterProperty().set("0302-B");
        assertThat(model.rows()).extracting(MonitoringRow::status).containsExactly(MonitoringStatus.TIMED_OUT);

        model.runIdFilterProperty().set("");
        model.statusFilter().clear();
        model.stageFilterProperty().set("Integration");
        model.textFilterProperty().set("ORDERS");
        assertThat(model.rows()).extracting(MonitoringRow::runId).containsExactly("20260301-a", "20260302-b");
        assertThat(model.countsProperty().get()).isEqualTo("2 of 5 rows · 1 failed · 1 timed out");

        store.appendAll(List.of(row("20260303-c", "PROD", "Integration", "Copy orders", MonitoringStatus.SUCCEEDED),
                row("20260303-c", "PROD", "Integration", "Copy customers", MonitoringStatus.SUCCEEDED)));
        fx.runUntil(() -> model.countsProperty().get().startsWith("3 of 7 rows"), "the new rows are counted");
        assertThat(model.rows()).extracting(MonitoringRow::runId)
                .containsExactly("20260301-a", "20260302-b", "20260303-c");

        model.clearFilters();
        assertThat(model.rows()).hasSize(7);
        assertThat(model.countsProperty().get()).isEqualTo("7 rows · 1 failed · 1 timed out · 1 breach");
    }

    @Test
    void freeTextMatchesItemsErrorCodesAndMessagesIgnoringCase() {
        store.append(MonitoringRows.full("run-1", "PROD"));
        store.append(row("run-1", "PROD", "Integration", "Copy", MonitoringStatus.SUCCEEDED));
        liveModel("PROD");

        for (String text : List.of("sales, emea", "modelrefreshfailed", "LINE \"TWO\"", "refresh MODELS")) {
            model.textFilterProperty().set(text);
            assertThat(activities()).as(text).containsExactly("Refresh models");
        }
        model.textFilterProperty().set("nothing like it");
        assertThat(model.rows()).isEmpty();
        assertThat(model.countsProperty().get()).isEqualTo("0 of 2 rows");
    }

    @Test
    void countsNameFailuresBreachesAndOverrunsOnlyWhenThereAreAny() {
        store.appendAll(List.of(row("r", "PROD", "S", "a", MonitoringStatus.FAILED),
                row("r", "PROD", "S", "b", MonitoringStatus.FAILED),
                row("r", "PROD", "S", "c", MonitoringStatus.THRESHOLD_BREACH),
                row("r", "PROD", "S", "d", MonitoringStatus.OVERRUN),
                row("r", "PROD", "S", "e", MonitoringStatus.OVERRUN),
                row("r", "PROD", "S", "f", MonitoringStatus.INCOMPLETE_LOAD),
                row("r", "PROD", "S", "g", MonitoringStatus.SUCCEEDED)));
        liveModel("PROD");

        assertThat(model.countsProperty().get())
                .isEqualTo("7 rows · 2 failed · 1 breach · 1 incomplete load · 2 overruns");
    }

    @Test
    void scrollingAwayPausesAndCountsNewRowsUntilResumed() {
        liveModel("PROD");
        assertThat(model.followingProperty().get()).isTrue();

        model.scrolledAwayFromNewest();
        store.appendAll(List.of(row("r", "PROD", "S", "a", MonitoringStatus.SUCCEEDED),
                row("r", "PROD", "S", "b", MonitoringStatus.SUCCEEDED)));
        awaitRows(2);
        store.append(row("r", "PROD", "S", "c", MonitoringStatus.FAILED));
        awaitRows(3);

        assertThat(model.followingProperty().get()).isFalse();
        assertThat(model.newWhilePausedProperty().get()).isEqualTo(3);
        assertThat(model.pausedTextProperty().get()).isEqualTo("Paused — 3 new rows");

        model.resume();
        assertThat(model.followingProperty().get()).isTrue();
        assertThat(model.pausedTextProperty().get()).isEmpty();
        assertThat(model.newWhilePausedProperty().get()).isZero();
    }

    @Test
    void scrollingBackToTheNewestRowFollowsAgainAndFilteredOutRowsAreNotCountedAsNew() {
        liveModel("PROD");
        model.statusFilter().add(MonitoringStatus.FAILED);
        model.scrolledAwayFromNewest();
        assertThat(model.pausedTextProperty().get()).isEqualTo("Paused");

        store.appendAll(List.of(row("r", "PROD", "S", "ok", MonitoringStatus.SUCCEEDED),
                row("r", "PROD", "S", "bad", MonitoringStatus.FAILED)));
        fx.runUntil(() -> model.countsProperty().get().startsWith("1 of 2"), "both rows arrived");
        assertThat(model.pausedTextProperty().get()).isEqualTo("Paused — 1 new row");

        model.scrolledToNewest();
        assertThat(model.followingProperty().get()).isTrue();
    }

    @Test
    void theSelectedRowsDetailsShowEveryColumn() {
        store.append(MonitoringRows.full("run-7", "PROD"));
        liveModel("PROD");

        model.selectedRowProperty().set(model.rows().get(0));

        assertThat(model.details()).extracting(DetailField::name).containsExactly("Id", "Run id", "Environment",
                "Stage", "Activity", "Item", "Attempt", "Status", "Job instance id", "Started", "Ended", "Duration",
                "Rows read", "Rows written", "Error code", "Error message", "Operator");
        assertThat(model.details()).extracting(DetailField::value).containsExactly("1", "run-7", "PROD",
                "Semantic refresh", "Refresh models", "Sales, EMEA", "2", "Failed",
                "5e0c3f0e-5c1b-4b5e-9f5e-000000000001", "2026-03-01 06:00:00.000 UTC",
                "2026-03-01 06:01:33.004 UTC", "1 min 33 s (93004 ms)", "1,200", "1,180", "ModelRefreshFailed",
                "line one\nline \"two\"", "alice@contoso.com");

        model.selectedRowProperty().set(null);
        assertThat(model.details()).isEmpty();
    }

    @Test
    void exportWritesTheFilteredRowsAsCsvToTheChosenFile() throws Exception {
        MonitoringRow failed = store.append(MonitoringRows.full("run-1", "PROD"));
        store.append(row("run-1", "PROD", "Integration", "Copy", MonitoringStatus.SUCCEEDED));
        MonitoringRow timedOut = store.append(row("run-1", "PROD", "Integration", "Copy", MonitoringStatus.TIMED_OUT));
        liveModel("PROD");
        model.statusFilter().addAll(List.of(MonitoringStatus.FAILED, MonitoringStatus.TIMED_OUT));
        Path target = temp.resolve("exports/rows.csv");
        Files.createDirectories(target.getParent());
        dialogs.answerSaveWith(target);

        model.export();
        fx.runUntil(() -> !model.exportingProperty().get(), "the export ends");

        assertThat(dialogs.suggestedNames).containsExactly("monitoring-PROD-20260302-081530.csv");
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(MonitoringCsv.header()
                + MonitoringCsv.record(failed) + MonitoringCsv.record(timedOut));
        assertThat(model.exportProgressProperty().get()).isEqualTo(1.0);
        assertThat(model.exportResultProperty().get()).isEqualTo("Exported 2 rows to " + target);
        assertThat(model.waitingForProperty().get()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void exportReportsWhatItWaitsForWhileWriting() {
        store.append(row("run-1", "PROD", "Integration", "Copy", MonitoringStatus.SUCCEEDED));
        session.environmentProperty().set("PROD");
        ManualExecutor background = new ManualExecutor();
        model = new MonitoringViewModel(session, env -> store, new AtomicFileWriter(), dialogs, CLOCK, background,
                fx);
        background.runPending();
        fx.runUntil(() -> model.stateProperty().get() == MonitoringState.LIVE, "the rows are loaded");
        Path target = temp.resolve("rows.csv");
        dialogs.answerSaveWith(target);

        model.export();

        assertThat(model.exportingProperty().get()).isTrue();
        assertThat(model.canExportProperty().get()).isFalse();
        assertThat(model.waitingForProperty().get()).isEqualTo("Writing 1 row to " + target + " …");
        background.runPending();
        fx.runUntil(() -> !model.exportingProperty().get(), "the export ends");
        assertThat(target).exists();
    }

    @Test
    void aCancelledExportWritesNothing() {
        store.append(row("run-1", "PROD", "Integration", "Copy", MonitoringStatus.SUCCEEDED));
        liveModel("PROD");
        dialogs.cancelSave();

        model.export();

        assertThat(model.exportingProperty().get()).isFalse();
        assertThat(model.exportResultProperty().get()).isEmpty();
        assertThat(temp.resolve("exports")).doesNotExist();
    }

    @Test
    void anExportThatCannotBeWrittenSaysSoAndLeavesNothingBehind() throws Exception {
        store.append(row("run-1", "PROD", "Integration", "Copy", MonitoringStatus.SUCCEEDED));
        liveModel("PROD");
        Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");
        dialogs.answerSaveWith(notAFolder.resolve("rows.csv"));

        model.export();
        fx.runUntil(() -> !model.exportingProperty().get(), "the export ends");

        assertThat(dialogs.errors).singleElement().asString().startsWith("Export failed: ")
                .contains(notAFolder.resolve("rows.csv").toString()).contains("Nothing was written");
        assertThat(model.exportResultProperty().get()).contains("failed");
        assertThat(Files.readString(notAFolder)).isEqualTo("x");
    }

    @Test
    void showRunShowsEveryRowOfThatRunAsStoredAndFollowsItOnly() {
        store.appendAll(List.of(row("run-old", "PROD", "Integration", "old 1", MonitoringStatus.SUCCEEDED),
                row("run-new", "PROD", "Integration", "new 1", MonitoringStatus.SUCCEEDED),
                row("run-old", "PROD", "Transformation", "old 2", MonitoringStatus.FAILED)));
        List<MonitoringRow> stored = store.latest(
                org.dbb.console.core.monitoring.MonitoringQuery.ALL.withRunId("run-old"), 10);
        liveModel("PROD");
        model.textFilterProperty().set("new");

        model.showRun("run-old");
        fx.runUntil(() -> model.stateProperty().get() == MonitoringState.LIVE, "the run's rows are loaded");

        assertThat(model.rows()).containsExactlyElementsOf(stored);
        assertThat(model.textFilterProperty().get()).isEmpty();
        assertThat(model.shownRun()).hasValue("run-old");
        assertThat(model.scopeProperty().get()).isEqualTo("Rows of run run-old");
        store.append(row("run-new", "PROD", "Integration", "new 2", MonitoringStatus.SUCCEEDED));
        store.append(row("run-old", "PROD", "Transformation", "old 3", MonitoringStatus.SUCCEEDED));
        awaitRows(3);
        assertThat(activities()).containsExactly("old 1", "old 2", "old 3");

        model.showEnvironment();
        fx.runUntil(() -> model.stateProperty().get() == MonitoringState.LIVE && model.rows().size() == 5,
                "the environment's rows are back");
        assertThat(model.shownRun()).isEmpty();
    }

    @Test
    void aStoreThatCannotBeReadFailsWithItsReasonAndReloadTriesAgain() {
        session.environmentProperty().set("PROD");
        AtomicBoolean down = new AtomicBoolean(true);
        model(env -> {
            if (down.get()) {
                throw new MonitoringStoreException("Cannot read the monitoring rows in the warehouse dw on"
                        + " x.datawarehouse.fabric.microsoft.com: Login failed");
            }
            return store;
        });
        fx.runUntil(() -> model.stateProperty().get() == MonitoringState.FAILED, "the load fails");

        assertThat(model.failureProperty().get()).isEqualTo("The monitoring rows could not be read: Cannot read the"
                + " monitoring rows in the warehouse dw on x.datawarehouse.fabric.microsoft.com: Login failed");
        assertThat(model.waitingForProperty().get()).isEmpty();

        down.set(false);
        store.append(row("run-1", "PROD", "Integration", "Copy", MonitoringStatus.SUCCEEDED));
        model.reload();
        fx.runUntil(() -> model.stateProperty().get() == MonitoringState.LIVE, "the rows are loaded");
        assertThat(model.rows()).hasSize(1);
        assertThat(model.failureProperty().get()).isEmpty();
    }

    @Test
    void closingStopsFollowing() throws Exception {
        liveModel("PROD");

        model.close();
        store.append(row("run-1", "PROD", "Integration", "after close", MonitoringStatus.SUCCEEDED));
        // The follower would deliver at once; give it well over a poll interval to show it does not.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        while (System.nanoTime() < deadline) {
            fx.runPending();
            Thread.sleep(20);
        }

        assertThat(model.rows()).isEmpty();
    }
}
