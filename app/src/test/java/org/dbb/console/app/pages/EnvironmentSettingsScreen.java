package org.dbb.console.app.pages;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.settings.EnvironmentSettingsView;
import org.dbb.console.core.workspace.config.edit.EnvironmentField;

/** Page object for the environment settings page: what a test may read or do there, without knowing the layout. */
public final class EnvironmentSettingsScreen {

    private final FxRobot robot;

    public EnvironmentSettingsScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits until the environments of the file are listed. */
    public EnvironmentSettingsScreen waitUntilLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() ->
                !this.<ListView<String>>node(EnvironmentSettingsView.LIST_ID).getItems().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Shows an environment's form by clicking it in the list. */
    public EnvironmentSettingsScreen select(String environment) throws Exception {
        Node cell = onFx(() -> robot.lookup("#" + EnvironmentSettingsView.LIST_ID + " .list-cell")
                .queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && environment.equals(c.getItem()))
                .findFirst().orElseThrow(() -> new AssertionError("no environment " + environment + " listed")));
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Replaces the text of a setting's field by typing, as an operator would. */
    public EnvironmentSettingsScreen type(EnvironmentField field, String text) throws Exception {
        robot.clickOn("#" + EnvironmentSettingsView.fieldId(field));
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The validator's message shown under a setting; empty when none is shown. */
    public String error(EnvironmentField field) throws Exception {
        return onFx(() -> {
            Label error = node(EnvironmentSettingsView.errorId(field));
            return error.isVisible() ? error.getText() : "";
        });
    }

    public boolean canSave() throws Exception {
        return onFx(() -> !node(EnvironmentSettingsView.SAVE_ID).isDisabled());
    }

    /** Opens the review and returns the diff shown. */
    public String review() throws Exception {
        robot.clickOn("#" + EnvironmentSettingsView.SAVE_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                node(EnvironmentSettingsView.REVIEW_ID).isVisible()));
        return onFx(() -> this.<TextArea>node(EnvironmentSettingsView.DIFF_ID).getText());
    }

    /** Types a new name for the shown environment and opens the review of the rename; returns the diff shown. */
    public String rename(String newName) throws Exception {
        robot.clickOn("#" + EnvironmentSettingsView.NEW_NAME_ID);
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(newName);
        robot.clickOn("#" + EnvironmentSettingsView.RENAME_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() ->
                node(EnvironmentSettingsView.REVIEW_ID).isVisible()));
        return onFx(() -> this.<TextArea>node(EnvironmentSettingsView.DIFF_ID).getText());
    }

    /** The notes shown with the change under review. */
    public List<String> reviewNotes() throws Exception {
        return onFx(() -> List.copyOf(this.<ListView<String>>node(EnvironmentSettingsView.NOTES_ID)
                .getItems()));
    }

    /** The label of the write button: which files the reviewed change writes. */
    public String writeLabel() throws Exception {
        return onFx(() -> this.<Button>node(EnvironmentSettingsView.WRITE_ID).getText());
    }

    /** Writes the reviewed change with a reason and waits until the page says it is saved. */
    public EnvironmentSettingsScreen write(String reason) throws Exception {
        robot.clickOn("#" + EnvironmentSettingsView.REASON_ID).write(reason);
        robot.clickOn("#" + EnvironmentSettingsView.WRITE_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status().startsWith("Saved "));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() ->
                !node(EnvironmentSettingsView.REVIEW_ID).isVisible()));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /**
     * The labels the Add, Rename and Remove buttons show as drawn: a button too narrow for its label shows it cut
     * short with an ellipsis.
     */
    public List<String> environmentButtonLabelsShown() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> Stream.of(EnvironmentSettingsView.ADD_ID, EnvironmentSettingsView.RENAME_ID,
                EnvironmentSettingsView.REMOVE_ID).map(id -> ((Text) node(id).lookup(".text")).getText()).toList());
    }

    /** Runs the connection test and waits for its outcome. */
    public String testConnection() throws Exception {
        robot.clickOn("#" + EnvironmentSettingsView.TEST_ID);
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> !testResult().isEmpty());
        return testResult();
    }

    public String testResult() throws Exception {
        return onFx(() -> this.<Label>node(EnvironmentSettingsView.TEST_RESULT_ID).getText());
    }

    public String status() throws Exception {
        return onFx(() -> this.<Label>node(EnvironmentSettingsView.STATUS_ID).getText());
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T node(String id) {
        return (T) robot.lookup("#" + id).query();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
