package org.dbb.console.app.workspace;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;

/**
 * The Overview page: the items of the repository, the master pipeline's stages, problems, and a status bar. Binds to a {@link WorkspaceViewModel} and holds no logic. Create and use on the FX thread.
 */
public final class WorkspaceView extends BorderPane {

    /** Node ids that page objects in tests look up. */
    public static final String ITEMS_ID = "items";
    public static final String STATUS_ID = "status";
    public static final String PROBLEMS_ID = "problems";
    public static final String STAGES_ID = "stages";

    private final WorkspaceViewModel model;
    private final TreeView<Object> itemTree = new TreeView<>();
    private final TreeTableView<Object> stageTable = new TreeTableView<>();

    public WorkspaceView(WorkspaceViewModel model) {
        this.model = model;
        setBottom(statusBar());
        model.stateProperty().addListener((obs, old, state) -> showState(state));
        model.items().addListener((ListChangeListener<ItemRow>) change -> rebuildTree());
        model.stages().addListener((ListChangeListener<StageRow>) change -> rebuildStages());
        showState(model.stateProperty().get());
    }

    private Region statusBar() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }

    private void showState(LoadState state) {
        switch (state) {
            case LOADING -> setCenter(loadingPane());
            case READY -> setCenter(readyPane());
            case FAILED -> setCenter(errorPane());
        }
    }

    private Region loadingPane() {
        ProgressIndicator progress = new ProgressIndicator();
        Label what = new Label();
        what.textProperty().bind(model.statusProperty());
        VBox box = new VBox(12, progress, what);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Region readyPane() {
        itemTree.setId(ITEMS_ID);
        itemTree.setShowRoot(false);
        itemTree.setCellFactory(tree -> new ItemCell());
        rebuildTree();
        VBox left = section("Items", itemTree);

        stageTable.setId(STAGES_ID);
        stageTable.setShowRoot(false);
        stageTable.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stageTable.getColumns().setAll(List.of(
                column("Stage / activity", 250, WorkspaceView::nameOf),
                column("Type", 120, v -> v instanceof ActivityRow a ? a.type() : ""),
                column("Retry policy", 190, v -> v instanceof ActivityRow a ? a.retries() : ""),
                column("Interval", 80, v -> v instanceof ActivityRow a ? a.interval() : ""),
                column("Timeout", 110, v -> v instanceof ActivityRow a ? a.timeout() : "")));
        stageTable.setPlaceholder(new Label("The master pipeline could not be read; see Problems."));
        rebuildStages();
        Label stagesTitle = new Label();
        stagesTitle.getStyleClass().add(Styles.SECTION_TITLE);
        stagesTitle.textProperty().bind(model.masterPipelineProperty().map(n -> "Stages of " + n));
        VBox stagesBox = new VBox(6, stagesTitle, stageTable);
        stagesBox.setPadding(new Insets(8));
        VBox.setVgrow(stageTable, Priority.ALWAYS);

        ListView<String> problems = new ListView<>(model.problems());
        problems.setId(PROBLEMS_ID);
        problems.setCellFactory(list -> new WrappingCell());
        problems.setPlaceholder(new Label("No problems found in this workspace's items and stages."));
        VBox problemsBox = section("Problems", problems);

        SplitPane right = new SplitPane(stagesBox, problemsBox);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.72);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.26);
        return split;
    }

    private Region errorPane() {
        Label heading = new Label("This workspace could not be opened", AppIcon.ERROR.graphic());
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        Label advice = new Label("Fix the problems below (file:line:column), then open the workspace again.");
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId(PROBLEMS_ID);
        problems.setCellFactory(list -> new WrappingCell());
        VBox box = new VBox(10, heading, advice, problems);
        VBox.setVgrow(problems, Priority.ALWAYS);
        box.getStyleClass().add(Styles.ERROR_PANE);
        return new StackPane(box);
    }

    private static VBox section(String title, Region content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.SECTION_TITLE);
        VBox box = new VBox(6, label, content);
        box.setPadding(new Insets(8));
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static String nameOf(Object value) {
        if (value instanceof StageRow stage) {
            return stage.number() + ". " + stage.name();
        }
        if (value instanceof ActivityRow activity) {
            return activity.inactive() ? activity.name() + " (inactive)" : activity.name();
        }
        return "";
    }

    private static TreeTableColumn<Object, String> column(String title, double width,
                                                          java.util.function.Function<Object, String> text) {
        TreeTableColumn<Object, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue().getValue())));
        return column;
    }

    private void rebuildStages() {
        TreeItem<Object> root = new TreeItem<>("stages");
        for (StageRow stage : model.stages()) {
            TreeItem<Object> stageItem = new TreeItem<>(stage);
            stageItem.setExpanded(true);
            stage.activities().forEach(a -> stageItem.getChildren().add(new TreeItem<>(a)));
            root.getChildren().add(stageItem);
        }
        stageTable.setRoot(root);
    }

    private void rebuildTree() {
        Map<String, TreeItem<Object>> byType = new TreeMap<>();
        for (ItemRow row : model.items()) {
            byType.computeIfAbsent(row.type(), t -> {
                TreeItem<Object> group = new TreeItem<>(t);
                group.setExpanded(true);
                return group;
            }).getChildren().add(new TreeItem<>(row));
        }
        TreeItem<Object> root = new TreeItem<>("items");
        root.getChildren().setAll(byType.values());
        itemTree.setRoot(root);
    }

    /** Shows an item with its type's icon, or a type group with its item count. */
    private static final class ItemCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setText(null);
                setGraphic(null);
            } else if (value instanceof ItemRow row) {
                setText(row.displayName());
                setGraphic(AppIcon.forItemType(row.type()).graphic());
            } else {
                int count = getTreeItem() == null ? 0 : getTreeItem().getChildren().size();
                setText(value + " (" + count + ")");
                setGraphic(AppIcon.forItemType(value.toString()).graphic());
            }
        }
    }

    /** Shows a problem line wrapped to the list's width, so nothing is cut off. */
    private static final class WrappingCell extends ListCell<String> {
        WrappingCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }
    }
}
