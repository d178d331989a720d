package org.dbb.console.app.pages;

import javafx.scene.control.Label;
import org.dbb.console.app.shell.ShellView;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.workspace.EnvironmentRow;
import org.dbb.console.app.workspace.ItemRow;
import org.dbb.console.app.workspace.WorkspaceView;

/** Page object for the workspace screen: what a test may read or do there, without knowing the layout. */
public final class WorkspaceScreen {

    private final FxRobot robot;

    public WorkspaceScreen(FxRobot robot) {
        this.robot = robot;
    }

    /**
     * Waits until the item tree is shown (the workspace finished loading). The scene graph is only looked at on
     * the FX thread, because it changes there while loading.
     */
    public WorkspaceScreen waitUntilLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(
                () -> robot.lookup("#" + WorkspaceView.ITEMS_ID).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The type groups of the item tree as shown, e.g. {@code DataPipeline (4)}. */
    public List<String> itemGroups() {
        TreeView<Object> tree = robot.lookup("#" + WorkspaceView.ITEMS_ID).query();
        return tree.getRoot().getChildren().stream()
                .map(group -> group.getValue() + " (" + group.getChildren().size() + ")")
                .toList();
    }

    /** Display names of the items under one type group. */
    public List<String> itemsOfType(String type) {
        TreeView<Object> tree = robot.lookup("#" + WorkspaceView.ITEMS_ID).query();
        return tree.getRoot().getChildren().stream()
                .filter(group -> group.getValue().equals(type))
                .flatMap(group -> group.getChildren().stream())
                .map(TreeItem::getValue)
                .map(v -> ((ItemRow) v).displayName())
                .toList();
    }

    /** The environments offered by the switcher. */
    public List<String> environments() {
        ComboBox<EnvironmentRow> box = robot.lookup("#" + org.dbb.console.app.shell.ShellView.ENVIRONMENTS_ID).query();
        return box.getItems().stream().map(EnvironmentRow::name).toList();
    }

    /** Picks an environment in the switcher by clicking it. */
    public WorkspaceScreen chooseEnvironment(String name) {
        robot.clickOn("#" + org.dbb.console.app.shell.ShellView.ENVIRONMENTS_ID);
        robot.clickOn(name.equals("PROD") ? "PROD (protected)" : name);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The environment currently selected. */
    public String selectedEnvironment() {
        ComboBox<EnvironmentRow> box = robot.lookup("#" + org.dbb.console.app.shell.ShellView.ENVIRONMENTS_ID).query();
        return box.getValue() == null ? "" : box.getValue().name();
    }

    public String status() {
        Label label = robot.lookup("#" + WorkspaceView.STATUS_ID).query();
        return label.getText();
    }

    public Stage window() {
        return (Stage) robot.lookup("#" + WorkspaceView.ITEMS_ID).query().getScene().getWindow();
    }

    /** The sign-in line under the environment switcher. */
    public String signInState() throws Exception {
        return onFx(() -> robot.lookup("#" + ShellView.SIGN_IN_STATE_ID).queryAs(Label.class).getText());
    }

    public boolean signInButtonShown() throws Exception {
        return onFx(() -> robot.lookup("#" + ShellView.SIGN_IN_ID).query().isVisible());
    }

    public boolean protectedBadgeShown() throws Exception {
        return onFx(() -> robot.lookup(".protected-badge").query().isVisible());
    }

    public void toggleTheme() {
        robot.clickOn("#" + ShellView.THEME_ID);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window as the operator would. */
    public void closeWindow() throws Exception {
        onFx(() -> {
            window().hide();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
