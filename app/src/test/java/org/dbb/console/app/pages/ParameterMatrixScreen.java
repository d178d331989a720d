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
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.params.ParameterMatrixView;
import org.dbb.console.app.params.entries.EntryFormView;
import org.dbb.console.app.params.entries.EntryTools;
import org.dbb.console.app.params.picker.JsonPathPickerView;
import org.dbb.console.core.workspace.params.picker.DefinitionNode;

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

    /** Chooses {@code kind} from the "Add entry" menu and waits for the form. */
    public ParameterMatrixScreen openAddEntry(String kind) throws Exception {
        MenuButton menu = robot.lookup("#" + EntryTools.ADD_MENU_ID).query();
        waitFor(() -> !menu.isDisabled());
        // Monocle does not open menus on a click reliably, so the item is chosen as the menu would choose it.
        robot.interact(() -> menu.getItems().stream().filter(i -> i.getText().equals(kind)).findFirst()
                .orElseThrow().fire());
        waitFor(() -> robot.lookup("#" + EntryFormView.ID).query().isVisible());
        return this;
    }

    /** Types into a field of the entry form, by its id in {@link EntryFormView}. */
    public ParameterMatrixScreen entryField(String id, String text) throws Exception {
        TextField field = robot.lookup("#" + id).query();
        robot.interact(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Types one environment's value into the entry form. */
    public ParameterMatrixScreen entryValue(String environment, String text) throws Exception {
        return entryField(EntryFormView.VALUE_ID_PREFIX + environment, text);
    }

    /** The id of the entry form's field the cursor is in; empty when it is elsewhere. */
    public String focusedEntryField() throws Exception {
        return onFx(() -> {
            Node owner = robot.lookup("#" + EntryFormView.ID).query().getScene().getFocusOwner();
            return owner == null || owner.getId() == null ? "" : owner.getId();
        });
    }

    public String entryFieldText(String id) throws Exception {
        return onFx(() -> ((TextField) robot.lookup("#" + id).query()).getText());
    }

    /** Waits until the JSONPath picker shows a tree holding {@code findKey}, then picks that node. */
    public ParameterMatrixScreen pickJsonPath(String findKey) throws Exception {
        waitFor(() -> treeItem(findKey) != null);
        robot.interact(() -> {
            TreeView<DefinitionNode> tree = robot.lookup("#" + JsonPathPickerView.TREE_ID).query();
            TreeItem<DefinitionNode> item = treeItem(findKey);
            for (TreeItem<DefinitionNode> up = item.getParent(); up != null; up = up.getParent()) {
                up.setExpanded(true);
            }
            tree.getSelectionModel().select(item);
            tree.scrollTo(tree.getRow(item));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    private TreeItem<DefinitionNode> treeItem(String findKey) {
        TreeView<DefinitionNode> tree = robot.lookup("#" + JsonPathPickerView.TREE_ID).query();
        return tree.getRoot() == null ? null : find(tree.getRoot(), findKey);
    }

    private static TreeItem<DefinitionNode> find(TreeItem<DefinitionNode> item, String findKey) {
        if (item.getValue().findKey().equals(findKey)) {
            return item;
        }
        for (TreeItem<DefinitionNode> child : item.getChildren()) {
            TreeItem<DefinitionNode> found = find(child, findKey);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Waits until the picker's match line says something matching {@code expected}, and returns it. */
    public String waitForMatches(Predicate<String> expected) throws Exception {
        waitFor(() -> expected.test(labelText("#" + JsonPathPickerView.MATCHES_ID)));
        return labelText("#" + JsonPathPickerView.MATCHES_ID);
    }

    /** Waits until the picker's warning says something matching {@code expected}. */
    public ParameterMatrixScreen waitForPickerWarning(Predicate<String> expected) throws Exception {
        waitFor(() -> expected.test(labelText("#" + JsonPathPickerView.WARNING_ID)));
        return this;
    }

    public String pickerWarning() throws Exception {
        return onFx(() -> labelText("#" + JsonPathPickerView.WARNING_ID));
    }

    /** Clicks "Add entry" in the form. */
    public ParameterMatrixScreen submitEntry() throws Exception {
        waitFor(() -> robot.lookup("#" + EntryFormView.ADD_ID).query().isVisible());
        robot.clickOn("#" + EntryFormView.ADD_ID);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Waits until the form is closed (the entry was accepted) or shows a problem, and returns that problem. */
    public String waitForEntryVerdict() throws Exception {
        waitFor(() -> !robot.lookup("#" + EntryFormView.ID).query().isVisible()
                || !labelText("#" + EntryFormView.PROBLEM_ID).isEmpty());
        return onFx(() -> labelText("#" + EntryFormView.PROBLEM_ID));
    }

    /** Removes a main-file entry ({@code key_value_replace-4}) through its context menu. */
    public ParameterMatrixScreen removeEntry(String entry) throws Exception {
        Label label = robot.lookup("#entry-" + entry).query();
        reveal(label);
        robot.interact(() -> label.getContextMenu().show(label, Side.BOTTOM, 0, 0));
        waitFor(() -> robot.lookup("Remove entry …").tryQuery().isPresent());
        robot.clickOn("Remove entry …");
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Opens "Show find_key matches" on a key_value_replace entry. */
    public ParameterMatrixScreen showMatches(String entry) throws Exception {
        Label label = robot.lookup("#entry-" + entry).query();
        reveal(label);
        robot.interact(() -> label.getContextMenu().show(label, Side.BOTTOM, 0, 0));
        waitFor(() -> robot.lookup("Show find_key matches …").tryQuery().isPresent());
        robot.clickOn("Show find_key matches …");
        waitFor(() -> robot.lookup("#" + EntryFormView.ID).query().isVisible());
        return this;
    }

    /** Whether the matrix shows a main-file entry, e.g. {@code key_value_replace-7}. */
    public boolean hasEntry(String entry) throws Exception {
        return onFx(() -> robot.lookup("#entry-" + entry).tryQuery().isPresent());
    }

    /** Opens a cell's editor and puts {@code text} in it with the caret at its end, leaving the editor open. */
    public ParameterMatrixScreen typeInCell(String entry, String environment, String text) throws Exception {
        reveal(robot.lookup(cell(entry, environment)).query());
        robot.doubleClickOn(cell(entry, environment), MouseButton.PRIMARY);
        waitFor(() -> robot.lookup(CELL_EDITOR).tryQuery().isPresent());
        TextField field = robot.lookup(CELL_EDITOR).query();
        // Key-by-key writing would go to the completion popup's window once it shows; the field gets the text.
        robot.interact(() -> {
            field.setText(text);
            field.positionCaret(text.length());
        });
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Waits for the completion whose label is {@code label} under the focused field and chooses it. */
    public ParameterMatrixScreen acceptCompletion(String label) throws Exception {
        waitFor(() -> completion(label) != null);
        robot.clickOn(completion(label));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The completions shown now, by label. */
    public List<String> completions() throws Exception {
        return onFx(() -> robot.lookup(".param-completion-label").queryAll().stream()
                .filter(Node::isVisible).map(n -> ((Label) n).getText()).toList());
    }

    private Node completion(String label) {
        return robot.lookup(".param-completion-label").queryAll().stream()
                .filter(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow().isShowing()
                        && label.equals(((Label) n).getText())).findFirst().orElse(null);
    }

    /** The text of the open cell editor. */
    public String cellEditorText() throws Exception {
        return onFx(() -> ((TextField) robot.lookup(CELL_EDITOR).query()).getText());
    }

    /** Presses Enter in the open cell editor. */
    public ParameterMatrixScreen commitCellEditor() throws Exception {
        TextField field = robot.lookup(CELL_EDITOR).query();
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    private String labelText(String query) {
        return ((Label) robot.lookup(query).query()).getText();
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
