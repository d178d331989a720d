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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.MonitoringScreen;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringCsv;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.MonitoringStores;

@ExtendWith(ApplicationExtension.class)
class MonitoringViewTest {

    @TempDir
    static Path temp;

    private ScheduledExecutorService scheduler;
    private ExecutorService background;
    private EmbeddedDatabase database;
    private JdbcMonitoringStore store;
    private MonitoringViewModel model;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scheduler = Executors.newScheduledThreadPool(2);
        background = Executors.newFixedThreadPool(2);
        database = EmbeddedDatabase.open(temp.resolve("db-" + System.nanoTime() + "/dbb-console"));
        store = MonitoringStores.embedded(database, scheduler);
        ConsoleSession session = new ConsoleSession();
        session.environmentProperty().set("PROD");
        model = MonitoringPage.model(session, env -> store, new AtomicFileWriter(), dialogs,
                Clock.fixed(Instant.parse("2026-03-02T08:15:30Z"), ZoneOffset.UTC), background, new FxExecutor());
        ConsolePage page = MonitoringPage.page(model);
        stage.setScene(new Scene((javafx.scene.Parent) page.view().get(), 1280, 720));
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        model.close();
        background.shutdownNow();
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        database.close();
    }

    @Test
    void rowsWrittenWhileThePageIsOpenAppear(FxRobot robot) throws Exception {
        MonitoringScreen screen = new MonitoringScreen(robot).waitForCounts("0 rows");

        store.append(row("run-1", "PROD", "Integration", "Copy customers", MonitoringStatus.SUCCEEDED));
        store.appendAll(List.of(row("run-1", "PROD", "Integration", "Copy orders", MonitoringStatus.FAILED),
                row("run-1", "PROD", "Monitoring", "Check completeness", MonitoringStatus.THRESHOLD_BREACH)));

        screen.waitForRowCount(3).waitForCounts("3 rows · 1 failed · 1 breach");
        assertThat(screen.visibleCellTexts()).contains("Copy customers", "Copy orders", "Check completeness",
                "ThresholdBreach", "E42: Source busy");
    }

    @Test
    void filteringByStatusShowsOnlyTheFailedRows(FxRobot robot) throws Exception {
        store.appendAll(List.of(row("run-1", "PROD", "Integration", "Copy customers", MonitoringStatus.SUCCEEDED),
                row("run-1", "PROD", "Integration", "Copy orders", MonitoringStatus.FAILED),
                row("run-1", "PROD", "Transformation", "Run dbt", MonitoringStatus.IN_PROGRESS),
                row("run-2", "PROD", "Integration", "Copy orders", MonitoringStatus.FAILED),
                row("run-2", "PROD", "Semantic refresh", "Refresh", MonitoringStatus.OVERRUN)));
        MonitoringScreen screen = new MonitoringScreen(robot).waitForRowCount(5);

        screen.tickStatus("Failed");

        screen.waitForRowCount(2);
        assertThat(screen.statuses()).containsExactly("Failed", "Failed");
        assertThat(screen.counts()).isEqualTo("2 of 5 rows · 2 failed");
        store.append(row("run-3", "PROD", "Integration", "Copy orders", MonitoringStatus.SUCCEEDED));
        store.append(row("run-3", "PROD", "Integration", "Copy orders", MonitoringStatus.FAILED));
        screen.waitForCounts("3 of 7 rows · 3 failed");
        assertThat(screen.statuses()).containsExactly("Failed", "Failed", "Failed");
    }

    @Test
    void ctrlFFocusesTheSearchAndNarrowsTheRows(FxRobot robot) throws Exception {
        store.appendAll(List.of(row("run-1", "PROD", "Integration", "Copy customers", MonitoringStatus.SUCCEEDED),
                row("run-1", "PROD", "Integration", "Copy orders", MonitoringStatus.SUCCEEDED)));
        MonitoringScreen screen = new MonitoringScreen(robot).waitForRowCount(2);

        screen.search("orders");

        assertThat(screen.searchFieldFocused()).isTrue();
        screen.waitForRowCount(1);
        assertThat(screen.rows()).extracting(MonitoringRow::activity).containsExactly("Copy orders");
    }

    @Test
    void exportWritesTheShownRowsAsCsv(FxRobot robot) throws Exception {
        List<MonitoringRow> stored = new ArrayList<>(store.appendAll(List.of(
                row("run-1", "PROD", "Integration", "Copy customers", MonitoringStatus.SUCCEEDED),
                MonitoringRows.full("run-1", "PROD"))));
        MonitoringScreen screen = new MonitoringScreen(robot).waitForRowCount(2);
        Path target = temp.resolve("export-" + System.nanoTime() + ".csv");
        dialogs.answerSaveWith(target);

        String result = screen.export();

        assertThat(result).isEqualTo("Exported 2 rows to " + target);
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(MonitoringCsv.header()
                + MonitoringCsv.record(stored.get(0)) + MonitoringCsv.record(stored.get(1)));
    }

    @Test
    void goingToTheOldestRowPausesFollowingAndResumeBringsBackTheNewestRow(FxRobot robot) throws Exception {
        List<MonitoringRow> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(row("run-1", "PROD", "Integration", "Copy table " + i, MonitoringStatus.SUCCEEDED));
        }
        store.appendAll(many);
        MonitoringScreen screen = new MonitoringScreen(robot).waitForRowCount(300).waitUntilNewestRowVisible();

        screen.goToOldestRow();
        screen.waitForPaused(text -> text.equals("Paused"));
        store.appendAll(List.of(row("run-1", "PROD", "Integration", "late 1", MonitoringStatus.SUCCEEDED),
                row("run-1", "PROD", "Integration", "late 2", MonitoringStatus.SUCCEEDED)));
        screen.waitForPaused(text -> text.equals("Paused — 2 new rows"));
        assertThat(screen.newestRowVisible()).isFalse();

        screen.resume();
        assertThat(screen.pausedText()).isEmpty();
        screen.waitUntilNewestRowVisible();
        assertThat(screen.rows()).hasSize(302);
    }
}
