package org.dbb.console.app.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.params.coverage.CoverageRow;
import org.dbb.console.app.params.coverage.GuidCoverageView;
import org.dbb.console.app.params.entries.EntryFormView;
import org.dbb.console.app.params.regex.RegexTesterView;
import org.dbb.console.app.params.tools.ParameterToolsPanel;
import org.dbb.console.core.workspace.params.regex.TrialFile;

/**
 * Page object for the helpers beside the parameter matrix (GUID coverage, find value tester): what a test may read
 * or do there, without knowing the layout.
 */
public final class ParameterToolsScreen {

    private final FxRobot robot;

    public ParameterToolsScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Shows the GUID coverage tab and waits until its first check is done. */
    public ParameterToolsScreen openCoverage() throws Exception {
        selectTab(0);
        waitFor(() -> !label(GuidCoverageView.SUMMARY_ID).getText().isEmpty()
                || label(GuidCoverageView.STATUS_ID).getText().startsWith("fabric-cicd refuses"));
        return this;
    }

    /** The counts line of the coverage list. */
    public String coverageSummary() throws Exception {
        return onFx(() -> label(GuidCoverageView.SUMMARY_ID).getText());
    }

    /** Waits until the counts line of the coverage list matches {@code expected}, and returns it. */
    public String waitForCoverageSummary(Predicate<String> expected) throws Exception {
        waitFor(() -> expected.test(label(GuidCoverageView.SUMMARY_ID).getText()));
        return coverageSummary();
    }

    /** What the coverage list says it leaves out on purpose. */
    public String coverageExclusions() throws Exception {
        return onFx(() -> label(GuidCoverageView.EXCLUSIONS_ID).getText());
    }

    /** Lists TMDL object ids too (they are hidden at first). */
    public ParameterToolsScreen showModelObjectIds() throws Exception {
        CheckBox box = robot.lookup("#" + GuidCoverageView.HIDE_MODEL_IDS_ID).query();
        if (onFx(box::isSelected)) {
            robot.clickOn(box);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The listed GUIDs as {@code file line:col guid kind}, in list order. */
    public List<String> coverageRows() throws Exception {
        return onFx(() -> {
            TreeView<Object> tree = robot.lookup("#" + GuidCoverageView.LIST_ID).query();
            List<String> rows = new ArrayList<>();
            for (TreeItem<Object> file : tree.getRoot().getChildren()) {
                String path = ((org.dbb.console.app.params.coverage.CoverageFileGroup) file.getValue()).relativePath();
                for (TreeItem<Object> item : file.getChildren()) {
                    CoverageRow row = (CoverageRow) item.getValue();
                    rows.add(path + " " + row.location() + " " + row.guid() + " " + row.kind().label());
                }
            }
            return rows;
        });
    }

    /** How many GUID rows the list draws on screen now. */
    public int coverageRowsShown() throws Exception {
        return onFx(() -> robot.lookup("." + GuidCoverageView.ROW_CLASS).queryAll().size());
    }

    /**
     * Chooses "Add find_replace entry for this GUID" on the listed row of {@code guid}, as the operator clicks the
     * row's link, and waits for the add-entry form.
     */
    public ParameterToolsScreen addEntryForGuid(String guid) throws Exception {
        onFx(() -> {
            TreeView<Object> tree = robot.lookup("#" + GuidCoverageView.LIST_ID).query();
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                if (tree.getTreeItem(i).getValue() instanceof CoverageRow row && row.guid().equals(guid)) {
                    tree.scrollTo(i);
                    return null;
                }
            }
            throw new AssertionError(guid + " is not listed");
        });
        waitFor(() -> link(guid) != null);
        robot.clickOn(onFx(() -> link(guid)));
        waitFor(() -> robot.lookup("#" + EntryFormView.ID).query().isVisible());
        return this;
    }

    /** The row link of {@code guid} drawn on screen now, or null. */
    private Node link(String guid) {
        return robot.lookup("." + GuidCoverageView.ROW_CLASS).queryAll().stream()
                .filter(n -> n instanceof TreeCell<?> cell && cell.getItem() instanceof CoverageRow row
                        && row.guid().equals(guid))
                .map(n -> n.lookup("." + GuidCoverageView.ADD_ENTRY_CLASS)).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** Whether the listed row of {@code guid} offers the add-entry link. */
    public boolean offersEntryFor(String guid) throws Exception {
        return onFx(() -> link(guid) != null);
    }

    /** Shows the find value tester tab. */
    public ParameterToolsScreen openTester() {
        selectTab(1);
        return this;
    }

    /** Clicks a matrix cell, as the operator selects an entry; {@code entry} as {@code find_replace-5}. */
    public ParameterToolsScreen clickMatrixCell(String entry, String environment) throws Exception {
        String id = "#cell-" + entry + "-" + environment;
        onFx(() -> {
            scrollIntoView(robot.lookup(id).query());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The tester's entry, as its chooser shows it. */
    public String testerEntry() throws Exception {
        return onFx(() -> {
            ComboBox<?> box = robot.lookup("#" + RegexTesterView.ENTRY_ID).query();
            return box.getValue() == null ? "" : box.getValue().toString();
        });
    }

    /** Waits until the tester's entry matches {@code expected}. */
    public ParameterToolsScreen waitForTesterEntry(Predicate<String> expected) throws Exception {
        waitFor(() -> expected.test(testerEntry()));
        return this;
    }

    /** Waits until the tester's counts line matches {@code expected}, and returns it. */
    public String waitForTesterSummary(Predicate<String> expected) throws Exception {
        waitFor(() -> expected.test(label(RegexTesterView.SUMMARY_ID).getText()));
        return onFx(() -> label(RegexTesterView.SUMMARY_ID).getText());
    }

    /** The files the tester lists with their match counts, as {@code path N}. */
    public List<String> testerFiles() throws Exception {
        return onFx(() -> {
            TreeView<Object> tree = robot.lookup("#" + RegexTesterView.RESULTS_ID).query();
            List<String> files = new ArrayList<>();
            for (TreeItem<Object> item : tree.getRoot().getChildren()) {
                TrialFile file = (TrialFile) item.getValue();
                files.add(file.relativePath() + " " + file.matchCount());
            }
            return files;
        });
    }

    /** The highlighted group 1 texts drawn on screen now. */
    public List<String> highlighted() throws Exception {
        return onFx(() -> {
            Set<Node> nodes = robot.lookup("." + RegexTesterView.HIGHLIGHT_CLASS).queryAll();
            return nodes.stream().map(n -> ((Text) n).getText()).toList();
        });
    }

    /** Replaces the trial pattern as the operator would type it. */
    public ParameterToolsScreen typeTrial(String pattern) {
        TextField field = robot.lookup("#" + RegexTesterView.TRIAL_ID).query();
        robot.interact(() -> field.setText(pattern));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Waits until a tester message matches {@code expected}, and returns them all. */
    public List<String> waitForTesterMessage(Predicate<String> expected) throws Exception {
        waitFor(() -> testerMessages().stream().anyMatch(expected));
        return testerMessages();
    }

    private List<String> testerMessages() {
        return robot.lookup("." + RegexTesterView.MESSAGE_CLASS).queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    /** Opens the side panel on a helper with its button on the right edge, unless that helper is already shown. */
    private void selectTab(int index) {
        boolean shown = robot.lookup("#" + ParameterToolsPanel.TABS_ID).tryQuery()
                .map(t -> ((TabPane) t).getSelectionModel().getSelectedIndex() == index).orElse(false);
        if (!shown) {
            robot.clickOn("#" + (index == 0 ? ParameterToolsPanel.OPEN_COVERAGE_ID : ParameterToolsPanel.OPEN_REGEX_ID));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Where the page and its parts lie across the window, in scene coordinates: what would show a page pushed past
     * the window's right edge, a panel squeezed out, or a matrix that stopped scrolling inside its area.
     */
    public record Widths(double scene, double pageRight, double matrixRight, double panelLeft, double panelRight,
                         double buttonsRight, double split, double panel, boolean matrixScrolls) {
    }

    /** How the page is laid out across the window now. */
    public Widths widths() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            Node page = robot.lookup("#" + ParameterToolsPanel.ID).query();
            Node panel = robot.lookup("#" + ParameterToolsPanel.TABS_ID).query();
            Node buttons = robot.lookup("#" + ParameterToolsPanel.OPEN_REGEX_ID).query();
            ScrollPane matrix = (ScrollPane) ancestor(robot.lookup("#matrix").query(), ScrollPane.class);
            SplitPane split = (SplitPane) ancestor(panel, SplitPane.class);
            Bounds panelBounds = inScene(panel);
            return new Widths(page.getScene().getWidth(), inScene(page).getMaxX(), inScene(matrix).getMaxX(),
                    panelBounds.getMinX(), panelBounds.getMaxX(), inScene(buttons).getMaxX(), split.getWidth(),
                    panelBounds.getWidth(),
                    matrix.getContent().getLayoutBounds().getWidth() > matrix.getViewportBounds().getWidth());
        });
    }

    /** Resizes the window the page is in, as the operator drags its corner, and waits for the new layout. */
    public ParameterToolsScreen resizeWindow(double width, double height) {
        Window window = robot.lookup("#" + ParameterToolsPanel.ID).query().getScene().getWindow();
        robot.interact(() -> {
            window.setWidth(width);
            window.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private static Node ancestor(Node node, Class<?> type) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (type.isInstance(up)) {
                return up;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " around " + node);
    }

    private Label label(String id) {
        return robot.lookup("#" + id).query();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Scrolls the matrix sideways so {@code node} is in view, as an operator would before clicking it. */
    private static void scrollIntoView(javafx.scene.Node node) {
        for (javafx.scene.Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                double contentWidth = pane.getContent().getLayoutBounds().getWidth();
                double viewport = pane.getViewportBounds().getWidth();
                if (contentWidth > viewport) {
                    double x = pane.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinX();
                    pane.setHvalue(Math.min(1, Math.max(0, x / (contentWidth - viewport))));
                    pane.layout();
                }
                return;
            }
        }
    }
}
