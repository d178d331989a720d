package org.dbb.console.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import atlantafx.base.theme.PrimerLight;
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
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(grid::newestRowShown)).isTrue();
        assertThat(onFx(grid::visibleCellTexts)).contains("activity 202");
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

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable change) throws Exception {
        WaitForAsyncUtils.asyncFx(change).get(10, TimeUnit.SECONDS);
    }
}
