package org.dbb.console.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import atlantafx.base.theme.PrimerLight;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

/** The canvas grid on its own: keyboard and mouse selection, follow, trimming and column resizing. */
@ExtendWith(ApplicationExtension.class)
class MonitoringGridTest {

    private final ObservableList<MonitoringRow> rows = FXCollections.observableArrayList();
    private final List<Boolean> scrolls = new ArrayList<>();
    private MonitoringGrid grid;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        for (int i = 0; i < 200; i++) {
            rows.add(row(i));
        }
        grid = new MonitoringGrid(rows, List.of(
                MonitoringGrid.Column.of("Activity", 200, MonitoringRow::activity),
                new MonitoringGrid.Column("Status", 120, r -> r.status().wireName(), true)));
        grid.setOnOperatorScroll(scrolls::add);
        Scene scene = new Scene(grid, 600, 400);
        scene.getStylesheets().add(MonitoringGrid.class.getResource(MonitoringStyles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void followingKeepsTheNewestRowInViewAsRowsArrive(FxRobot robot) throws Exception {
        assertThat(onFx(grid::newestRowShown)).isTrue();

        onFx(() -> rows.addAll(List.of(row(200), row(201), row(202))));
        awaitDrawn();

        assertThat(onFx(grid::newestRowShown)).isTrue();
        assertThat(onFx(grid::visibleCellTexts)).contains("activity 202");
    }

    @Test
    void aBurstOfArrivalsWhileFollowingIsDrawnAtMostFifteenTimesASecondAndEndsWithTheNewestRowInView()
            throws Exception {
        awaitDrawn();
        CompletableFuture<long[]> burst = new CompletableFuture<>();
        onFx(() -> new AnimationTimer() {
            private long first = -1;
            private long paintsBefore;
            private int added = 200;

            @Override
            public void handle(long now) {
                if (first < 0) {
                    first = now;
                    paintsBefore = grid.paints();
                }
                List<MonitoringRow> arrived = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    arrived.add(row(added++));
                }
                rows.addAll(arrived);
                if (now - first >= 1_000_000_000L) {
                    stop();
                    burst.complete(new long[] {grid.paints() - paintsBefore, now - first, added});
                }
            }
        }.start());
        long[] seen = burst.get(30, TimeUnit.SECONDS);
        double seconds = seen[1] / 1e9;

        assertThat(seen[0]).as("redraws in %.2f s while %d rows arrived", seconds, seen[2] - 200)
                .isLessThanOrEqualTo((long) Math.ceil(seconds * MonitoringGrid.ARRIVAL_REPAINTS_PER_SECOND) + 1)
                .isPositive();
        awaitDrawn();
        assertThat(onFx(grid::newestRowShown)).isTrue();
        assertThat(onFx(grid::visibleCellTexts)).contains("activity " + (seen[2] - 1));
        assertThat(onFx(() -> grid.getItems().size())).isEqualTo((int) seen[2]);
    }

    @Test
    void rowsArrivingBelowAPausedViewDoNotRedrawIt(FxRobot robot) throws Exception {
        onFx(() -> grid.followNewestProperty().set(false));
        robot.clickOn(grid).press(KeyCode.HOME).release(KeyCode.HOME);
        awaitDrawn();
        long paints = onFx(grid::paints);
        int first = onFx(grid::firstRowInView);

        for (int i = 0; i < 10; i++) {
            int from = 200 + i * 10;
            onFx(() -> {
                List<MonitoringRow> arrived = new ArrayList<>();
                for (int j = 0; j < 10; j++) {
                    arrived.add(row(from + j));
                }
                rows.addAll(arrived);
            });
        }
        awaitDrawn();

        assertThat(onFx(grid::paints)).as("redraws of an unchanged view").isEqualTo(paints);
        assertThat(onFx(grid::firstRowInView)).isEqualTo(first);
        assertThat(onFx(grid::newestRowShown)).isFalse();
        assertThat(onFx(() -> grid.selectedRowProperty().get().activity())).isEqualTo("activity 0");
    }

    @Test
    void homeSelectsTheOldestRowAndTellsThatTheNewestIsOutOfView(FxRobot robot) throws Exception {
        onFx(() -> grid.followNewestProperty().set(false));
        robot.clickOn(grid).press(KeyCode.HOME).release(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> grid.selectedRowProperty().get().activity())).isEqualTo("activity 0");
        assertThat(onFx(grid::firstRowInView)).isZero();
        assertThat(scrolls).last().isEqualTo(false);

        robot.press(KeyCode.DOWN).release(KeyCode.DOWN).press(KeyCode.DOWN).release(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> grid.selectedRowProperty().get().activity())).isEqualTo("activity 2");

        robot.press(KeyCode.END).release(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> grid.selectedRowProperty().get().activity())).isEqualTo("activity 199");
        assertThat(scrolls).last().isEqualTo(true);
    }

    @Test
    void theSelectionStaysOnItsRowWhenTheOldestRowsAreLetGo(FxRobot robot) throws Exception {
        onFx(() -> grid.selectedRowProperty().set(rows.get(150)));

        onFx(() -> rows.remove(0, 100));
        onFx(() -> rows.add(row(200)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> grid.selectedRowProperty().get().activity())).isEqualTo("activity 150");
        onFx(grid::requestFocus);
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> grid.selectedRowProperty().get().activity())).isEqualTo("activity 151");
    }

    @Test
    void theSelectionIsClearedWhenItsRowIsLetGo() throws Exception {
        onFx(() -> grid.selectedRowProperty().set(rows.get(10)));

        onFx(() -> rows.remove(0, 50));

        assertThat(onFx(() -> grid.selectedRowProperty().get())).isNull();
    }

    @Test
    void clickingARowSelectsIt(FxRobot robot) throws Exception {
        onFx(() -> grid.followNewestProperty().set(false));
        robot.clickOn(grid).press(KeyCode.HOME).release(KeyCode.HOME);
        Point2D origin = onFx(() -> grid.localToScreen(0, 0));

        robot.clickOn(origin.add(50, MonitoringGrid.HEADER_HEIGHT + MonitoringGrid.ROW_HEIGHT * 3.5),
                MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> grid.selectedRowProperty().get().activity())).isEqualTo("activity 3");
    }

    @Test
    void draggingAHeaderBorderResizesTheColumn(FxRobot robot) throws Exception {
        Point2D border = onFx(() -> grid.localToScreen(200, MonitoringGrid.HEADER_HEIGHT / 2));

        robot.drag(border, MouseButton.PRIMARY).dropTo(border.add(60, 0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(grid::columnWidths).get(0)).isBetween(250.0, 270.0);
    }

    private static MonitoringRow row(int i) {
        Instant started = Instant.parse("2026-03-01T06:00:00Z").plusSeconds(i);
        return new MonitoringRow(OptionalLong.of(i + 1L), "run-1", "PROD", "Integration", "activity " + i,
                Optional.empty(), 1, i % 7 == 3 ? MonitoringStatus.FAILED : MonitoringStatus.SUCCEEDED,
                Optional.empty(), started, Optional.of(started.plusSeconds(1)), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), Optional.empty(), "test");
    }

    /** Waits until every change made to the grid so far is drawn. */
    private void awaitDrawn() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !grid.redrawPending()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable change) throws Exception {
        WaitForAsyncUtils.asyncFx(change).get(10, TimeUnit.SECONDS);
    }
}
