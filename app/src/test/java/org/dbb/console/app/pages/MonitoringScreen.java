package org.dbb.console.app.pages;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.monitoring.MonitoringGrid;
import org.dbb.console.app.monitoring.MonitoringView;
import org.dbb.console.core.monitoring.MonitoringRow;

/** Page object for the Monitoring page: what a test may read or do there, without knowing the layout. */
public final class MonitoringScreen {

    private static final long WAIT_SECONDS = 30;

    private final FxRobot robot;

    public MonitoringScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits until the table shows exactly {@code count} rows. */
    public MonitoringScreen waitForRowCount(int count) throws Exception {
        waitUntil(() -> grid().getItems().size() == count);
        return this;
    }

    /** Waits until the status bar's counts read {@code text}. */
    public MonitoringScreen waitForCounts(String text) throws Exception {
        waitUntil(() -> text.equals(label(MonitoringView.COUNTS_ID).getText()));
        return this;
    }

    /** How many rows the table holds (the filtered rows, not only those on screen). */
    public int rowCount() throws Exception {
        return onFx(() -> grid().getItems().size());
    }

    /** The status column of every row the table holds, oldest first. */
    public List<String> statuses() throws Exception {
        return onFx(() -> grid().getItems().stream().map(r -> r.status().wireName()).toList());
    }

    /** The rows the table holds, oldest first. */
    public List<MonitoringRow> rows() throws Exception {
        return onFx(() -> List.copyOf(grid().getItems()));
    }

    /** The texts of the table cells currently drawn on screen. */
    public List<String> visibleCellTexts() throws Exception {
        return onFx(() -> grid().visibleCellTexts());
    }

    /** Ticks one status in the status filter menu, by its table value ({@code Failed}, {@code Overrun}, …). */
    public MonitoringScreen tickStatus(String status) {
        robot.clickOn("#" + MonitoringView.STATUS_FILTER_ID);
        robot.clickOn("#status-" + status);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Presses Ctrl+F and types {@code text} into the field it focuses. */
    public MonitoringScreen search(String text) {
        robot.clickOn("#" + MonitoringView.TABLE_ID);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Whether the free-text filter has the keyboard focus. */
    public boolean searchFieldFocused() throws Exception {
        return onFx(() -> robot.lookup("#" + MonitoringView.TEXT_FILTER_ID).queryAs(TextField.class).isFocused());
    }

    /** Scrolls the table up by mouse wheel, away from the newest row. */
    public MonitoringScreen scrollUp(int notches) {
        robot.moveTo("#" + MonitoringView.TABLE_ID);
        robot.scroll(notches, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Clicks into the table and presses Home, as an operator going back to the oldest rows. */
    public MonitoringScreen goToOldestRow() {
        robot.clickOn("#" + MonitoringView.TABLE_ID);
        robot.press(KeyCode.HOME).release(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The paused banner's text; empty while following. */
    public String pausedText() throws Exception {
        return onFx(() -> {
            Label paused = label(MonitoringView.PAUSED_ID);
            return paused.getParent().isVisible() ? paused.getText() : "";
        });
    }

    /** Waits until the paused banner shows text that {@code test} accepts. */
    public MonitoringScreen waitForPaused(Predicate<String> test) throws Exception {
        waitUntil(() -> {
            Label paused = label(MonitoringView.PAUSED_ID);
            return paused.getParent().isVisible() && test.test(paused.getText());
        });
        return this;
    }

    /** Clicks the banner's Resume link. */
    public MonitoringScreen resume() {
        robot.clickOn("#" + MonitoringView.RESUME_ID);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Whether the newest row is drawn on screen. */
    public boolean newestRowVisible() throws Exception {
        return onFx(() -> grid().newestRowShown());
    }

    /** Waits until the newest row is drawn on screen. */
    public MonitoringScreen waitUntilNewestRowVisible() throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, this::newestRowVisible);
        return this;
    }

    /** Clicks Export and waits until the status bar reports the outcome. */
    public String export() throws Exception {
        robot.clickOn("#" + MonitoringView.EXPORT_ID);
        waitUntil(() -> !label(MonitoringView.EXPORT_RESULT_ID).getText().isEmpty());
        return onFx(() -> label(MonitoringView.EXPORT_RESULT_ID).getText());
    }

    public String counts() throws Exception {
        return onFx(() -> label(MonitoringView.COUNTS_ID).getText());
    }

    private MonitoringGrid grid() {
        return robot.lookup("#" + MonitoringView.TABLE_ID).queryAs(MonitoringGrid.class);
    }

    private Label label(String id) {
        Node node = robot.lookup("#" + id).query();
        return (Label) node;
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
