package org.dbb.console.app.pages;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.timeline.RowId;
import org.dbb.console.app.timeline.StepDetailView;
import org.dbb.console.app.timeline.TimelinePane;
import org.dbb.console.app.timeline.TimelineStyles;
import org.dbb.console.app.timeline.TimelineView;
import org.dbb.console.core.engine.StepState;

/**
 * Page object for the run timeline pane: the rows a test may read, expand, scroll to and select, the tooltip of a
 * bar, and the selected row's detail, without knowing the layout. The scene graph is only read on the FX thread.
 */
public final class TimelineScreen {

    private static final long TIMEOUT_SECONDS = 30;

    private final FxRobot robot;

    public TimelineScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits until the first rows are drawn. */
    public TimelineScreen waitUntilShown() throws Exception {
        waitFor(() -> !visibleRows().isEmpty());
        return this;
    }

    /** The labels of the rows in view, top to bottom. */
    public List<String> visibleRows() throws Exception {
        return onFx(() -> rowNames().stream().map(Label::getText).toList());
    }

    /** Clicks the expand arrow of the row labelled {@code label}, which must be in view, and waits for its rows. */
    public TimelineScreen expand(String label) throws Exception {
        int before = onFx(() -> rowCount());
        Node arrow = onFx(() -> cell(label).lookup("." + TimelineStyles.ROW_ARROW));
        robot.clickOn(arrow);
        waitFor(() -> rowCount() > before);
        return this;
    }

    /** Drags the vertical scroll bar's thumb to the end of its track, so the last row is in view. */
    public TimelineScreen scrollToBottom() throws Exception {
        ScrollBar bar = robot.lookup("#" + TimelineView.VERTICAL_SCROLL_ID).queryAs(ScrollBar.class);
        Node thumb = robot.from(bar).lookup(".thumb").query();
        Bounds track = onFx(() -> bar.localToScreen(bar.getLayoutBounds()));
        robot.drag(thumb).moveTo(new Point2D(track.getCenterX(), track.getMaxY() + 40)).release(MouseButton.PRIMARY);
        waitFor(this::atBottom);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Clicks the vertical scroll bar's down arrow (one row a click) until {@code shown} holds or rows run out. */
    private void scrollDownUntil(Callable<Boolean> shown) throws Exception {
        ScrollBar bar = robot.lookup("#" + TimelineView.VERTICAL_SCROLL_ID).queryAs(ScrollBar.class);
        Node down = robot.from(bar).lookup(".increment-button").query();
        while (!onFx(shown) && !onFx(this::atBottom)) {
            robot.clickOn(down);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** How far the rows are scrolled, in pixels. */
    public double scrollOffset() throws Exception {
        return onFx(() -> robot.lookup("#" + TimelineView.VERTICAL_SCROLL_ID).queryAs(ScrollBar.class).getValue());
    }

    /** Clicks the row labelled {@code label}, scrolling down to it first when it is below the view. */
    public TimelineScreen select(String label) throws Exception {
        scrollDownUntil(() -> visibleRows().contains(label));
        robot.clickOn(onFx(() -> cell(label)));
        waitFor(() -> detailTitle().equals(label));
        return this;
    }

    /** Presses {@code key} with the timeline focused (arrows, Home/End, +/−). */
    public TimelineScreen press(KeyCode key) {
        robot.clickOn("." + TimelineStyles.LABELS_HEADER);
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /**
     * Points at the bar drawn at {@code time} in row {@code row} (scrolling down to it first) and returns the
     * tooltip that appears.
     */
    public String hover(RowId row, Instant time) throws Exception {
        scrollDownUntil(() -> timeline().locate(row, time).isPresent());
        Optional<Point2D> at = onFx(() -> timeline().locate(row, time));
        Point2D point = at.orElseThrow(() -> new AssertionError(row + " at " + time + " is not in view"));
        robot.moveTo(point.add(-3, 0));
        robot.moveTo(point);
        Tooltip tip = timeline().barTooltip();
        waitFor(tip::isShowing);
        return onFx(tip::getText);
    }

    public TimelineScreen zoomIn() {
        robot.clickOn("#" + TimelinePane.ZOOM_IN_ID);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public TimelineScreen fit() {
        robot.clickOn("#" + TimelinePane.FIT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The line above the rows: what links the run to others (e.g. {@code Re-run of <id>}) and its notes. */
    public String notes() throws Exception {
        return onFx(() -> {
            Label notes = robot.lookup("#" + TimelinePane.NOTES_ID).queryAs(Label.class);
            return notes.isVisible() ? notes.getText() : "";
        });
    }

    /** The run shown, as {@code stage name -> state}, in stage order. */
    public Map<String, StepState> stageStates() throws Exception {
        return onFx(() -> {
            Map<String, StepState> states = new LinkedHashMap<>();
            timeline().model().rows().stream().filter(row -> row.depth() == 0 && row.id().isStage())
                    .forEach(row -> states.put(row.id().stage(), row.state()));
            return states;
        });
    }

    /** Waits until the run shown is {@code runId}, e.g. after it was chosen in the history or just launched. */
    public TimelineScreen waitUntilShowing(String runId) throws Exception {
        waitFor(() -> timeline().model().timelineProperty().get() != null
                && timeline().model().timelineProperty().get().runId().equals(runId));
        return this;
    }

    public String elapsed() throws Exception {
        return onFx(() -> robot.lookup("#" + TimelinePane.ELAPSED_ID).queryAs(Label.class).getText());
    }

    public String detailTitle() throws Exception {
        return onFx(() -> robot.lookup("#" + StepDetailView.TITLE_ID).queryAs(Label.class).getText());
    }

    public String errorCode() throws Exception {
        return onFx(() -> robot.lookup("#" + StepDetailView.ERROR_CODE_ID).queryAs(TextField.class).getText());
    }

    public String requestId() throws Exception {
        return onFx(() -> robot.lookup("#" + StepDetailView.REQUEST_ID_ID).queryAs(TextField.class).getText());
    }

    public boolean errorShown() throws Exception {
        return onFx(() -> robot.lookup("#" + StepDetailView.ERROR_ID).query().isVisible());
    }

    public Window window() {
        return robot.lookup("#" + TimelineView.LABELS_ID).query().getScene().getWindow();
    }

    private TimelineView timeline() {
        return robot.lookup("." + TimelineStyles.TIMELINE).queryAs(TimelineView.class);
    }

    private int rowCount() {
        return timeline().model().rows().size();
    }

    private boolean atBottom() {
        ScrollBar bar = robot.lookup("#" + TimelineView.VERTICAL_SCROLL_ID).queryAs(ScrollBar.class);
        return bar.getValue() >= bar.getMax() - 0.5;
    }

    /** Name labels of the cells shown inside the label column, top to bottom. */
    private List<Label> rowNames() {
        Node column = robot.lookup("#" + TimelineView.LABELS_ID).query();
        Bounds inView = column.localToScene(column.getLayoutBounds());
        return robot.from(column).lookup("." + TimelineStyles.ROW_NAME).queryAllAs(Label.class).stream()
                .filter(label -> label.getParent().isVisible())
                .filter(label -> {
                    Bounds b = label.localToScene(label.getLayoutBounds());
                    return b.getMinY() >= inView.getMinY() + 20 && b.getMaxY() <= inView.getMaxY() + 1;
                })
                .sorted(Comparator.comparingDouble(label -> label.localToScene(0, 0).getY()))
                .toList();
    }

    private Node cell(String label) {
        return rowNames().stream().filter(name -> name.getText().equals(label)).findFirst()
                .map(Label::getParent)
                .orElseThrow(() -> new AssertionError("no row " + label + " in view: "
                        + rowNames().stream().map(Label::getText).toList()));
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
