package org.dbb.console.app.pages;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.params.ParameterMatrixView;

/** Page object for the Parameters page: what a test may read or do there, without knowing the layout. */
public final class ParameterMatrixScreen {

    private static final String CELL_EDITOR = "#cell-editor";
    private static final String HEADER_EDITOR = "#header-editor";

    private final FxRobot robot;

    public ParameterMatrixScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits until the matrix shows the file's entries and the first check is done. */
    public ParameterMatrixScreen waitUntilLoaded() throws Exception {
        try {
            waitFor(() -> robot.lookup(".param-cell").tryQuery().isPresent() && !problemsSummaryBusy());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the matrix did not load; the page says: " + onFx(this::status) + " cells "
                    + onFx(() -> robot.lookup(".param-cell").queryAll().size()) + " grids "
                    + onFx(() -> robot.lookup("#matrix").queryAll().size()) + " windows "
                    + onFx(() -> robot.listWindows().size()), e);
        }
        return this;
    }

    private boolean problemsSummaryBusy() {
        return status().startsWith("Reading");
    }

    /** The text a cell shows; {@code entry} as {@code key_value_replace-2}. */
    public String cellText(String entry, String environment) throws Exception {
        return onFx(() -> ((Label) robot.lookup(cell(entry, environment)).query()).getText());
    }

    /** Whether the environment column's header is shown. */
    public boolean hasEnvironment(String environment) throws Exception {
        return onFx(() -> robot.lookup("#env-" + environment).tryQuery().isPresent());
    }

    /** Double-clicks a cell, replaces its text as the operator would type it, and presses Enter. */
    public ParameterMatrixScreen editCell(String entry, String environment, String text) throws Exception {
        reveal(robot.lookup(cell(entry, environment)).query());
        robot.doubleClickOn(cell(entry, environment), MouseButton.PRIMARY);
        waitFor(() -> robot.lookup(CELL_EDITOR).tryQuery().isPresent());
        TextField field = robot.lookup(CELL_EDITOR).query();
        robot.interact(() -> field.setText(text));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Leaves the open cell editor without changing anything (Escape). */
    public ParameterMatrixScreen cancelEdit() {
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Renames an environment through its header's context menu and presses Enter. */
    public ParameterMatrixScreen renameEnvironment(String from, String to) throws Exception {
        String item = "Rename " + from + " …";
        Label header = robot.lookup("#env-" + from).query();
        // Monocle does not turn a secondary click into a context-menu request, so the menu is opened as it would be.
        robot.interact(() -> header.getContextMenu().show(header, Side.BOTTOM, 0, 0));
        waitFor(() -> robot.lookup(item).tryQuery().isPresent());
        robot.clickOn(item);
        waitFor(() -> robot.lookup(HEADER_EDITOR).tryQuery().isPresent());
        TextField field = robot.lookup(HEADER_EDITOR).query();
        robot.interact(() -> field.setText(to));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Waits until the refused-input banner says something matching {@code expected}, and returns it. */
    public String waitForRefusal(Predicate<String> expected) throws Exception {
        waitFor(() -> expected.test(refusal()));
        return refusal();
    }

    public String refusal() throws Exception {
        return onFx(() -> ((Label) robot.lookup("#" + ParameterMatrixView.INPUT_PROBLEM_ID).query()).getText());
    }

    /** The pending changes as listed. */
    public List<String> pendingChanges() throws Exception {
        return onFx(() -> {
            ListView<String> list = robot.lookup("#" + ParameterMatrixView.PENDING_ID).query();
            return List.copyOf(list.getItems());
        });
    }

    /** Types the reason for the audit trail. */
    public ParameterMatrixScreen reason(String text) {
        TextField field = robot.lookup("#" + ParameterMatrixView.REASON_ID).query();
        robot.interact(() -> field.setText(text));
        return this;
    }

    /** Waits until Save is enabled (the check of the pending text is done), then clicks it. */
    public ParameterMatrixScreen save() throws Exception {
        waitFor(() -> !((Button) robot.lookup("#" + ParameterMatrixView.SAVE_ID).query()).isDisabled());
        robot.clickOn("#" + ParameterMatrixView.SAVE_ID);
        return this;
    }

    public String status() {
        Label label = robot.lookup("#" + ParameterMatrixView.STATUS_ID).query();
        return label.getText();
    }

    /** Waits until the status bar says something matching {@code expected}. */
    public ParameterMatrixScreen waitForStatus(Predicate<String> expected) throws Exception {
        waitFor(() -> expected.test(status()));
        return this;
    }

    /** Scrolls the matrix so that {@code node} is in view, as the operator would before clicking it. */
    private void reveal(Node node) {
        robot.interact(() -> {
            Node parent = node.getParent();
            while (parent != null && !(parent instanceof ScrollPane)) {
                parent = parent.getParent();
            }
            if (parent instanceof ScrollPane scroll) {
                Bounds content = scroll.getContent().getLayoutBounds();
                Bounds inContent = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double viewport = scroll.getViewportBounds().getHeight();
                double room = content.getHeight() - viewport;
                if (room > 0) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (inContent.getMinY() - viewport / 3) / room)));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String cell(String entry, String environment) {
        return "#cell-" + entry + "-" + environment;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
