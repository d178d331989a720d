package org.dbb.console.app.pages;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.retry.PolicyRow;
import org.dbb.console.app.retry.RetryPolicyView;

/** Page object for the retry-policy page: what a test may read or do there, without knowing the layout. */
public final class RetryPolicyScreen {

    private final FxRobot robot;

    public RetryPolicyScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits until the table lists the workspace's activities. */
    public RetryPolicyScreen waitUntilLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !table().getItems().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Types {@code text} into an activity's retries cell and presses Enter. */
    public RetryPolicyScreen typeRetries(String activity, String text) throws Exception {
        editCell(activity, RetryPolicyView.RETRY_COLUMN_ID, text);
        return this;
    }

    private void editCell(String activity, String columnId, String text) throws Exception {
        onFx(() -> {
            this.<TextField>node(RetryPolicyView.TEXT_FILTER_ID).setText(activity);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> cell(activity, columnId).isPresent()));
        // On a loaded machine a double-click can land before the table is ready to edit; try again until the
        // cell's editor has the focus.
        for (int tries = 0; tries < 5; tries++) {
            Node cell = onFx(() -> cell(activity, columnId).orElseThrow());
            robot.doubleClickOn(cell);
            WaitForAsyncUtils.waitForFxEvents();
            try {
                WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> onFx(() -> cell.getScene().getFocusOwner()
                        instanceof TextField field && field.getId() == null
                        && !RetryPolicyView.TEXT_FILTER_ID.equals(field.getId())));
                break;
            } catch (java.util.concurrent.TimeoutException notYet) {
                // try again
            }
        }
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The retries an activity's row holds now. */
    public String retries(String activity) throws Exception {
        return onFx(() -> row(activity).retryProperty().get());
    }

    /** The message under the table for each invalid pending edit. */
    public List<String> problems() throws Exception {
        return onFx(() -> List.copyOf(this.<ListView<String>>node(RetryPolicyView.PROBLEMS_ID).getItems()));
    }

    public String pending() throws Exception {
        return onFx(() -> this.<Label>node(RetryPolicyView.PENDING_ID).getText());
    }

    public String status() throws Exception {
        return onFx(() -> this.<Label>node(RetryPolicyView.STATUS_ID).getText());
    }

    public boolean canSave() throws Exception {
        return onFx(() -> !node(RetryPolicyView.SAVE_ID).isDisabled());
    }

    /** Reverts an activity's pending edit through the bulk bar. */
    public RetryPolicyScreen revert(String activity) throws Exception {
        onFx(() -> {
            TableView<PolicyRow> table = table();
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row(activity));
            return null;
        });
        robot.clickOn("#" + RetryPolicyView.REVERT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Opens the review and returns the diff shown. */
    public String review() throws Exception {
        robot.clickOn("#" + RetryPolicyView.SAVE_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> node(RetryPolicyView.REVIEW_ID).isVisible()));
        return onFx(() -> this.<TextArea>node(RetryPolicyView.DIFF_ID).getText());
    }

    /** Confirms the review and waits until the files are written and the page reloaded. */
    public RetryPolicyScreen write(String reason) throws Exception {
        robot.clickOn("#" + RetryPolicyView.REASON_ID).write(reason);
        robot.clickOn("#" + RetryPolicyView.WRITE_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status().startsWith("Saved "));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    private Optional<Node> cell(String activity, String columnId) {
        return robot.lookup(".policy-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && columnId.equals(c.getTableColumn().getId()) && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof PolicyRow r && r.activity().equals(activity))
                .findFirst();
    }

    private PolicyRow row(String activity) {
        return table().getItems().stream().filter(r -> r.activity().equals(activity)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + activity));
    }

    private TableView<PolicyRow> table() {
        return node(RetryPolicyView.TABLE_ID);
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T node(String id) {
        return (T) robot.lookup("#" + id).query();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
