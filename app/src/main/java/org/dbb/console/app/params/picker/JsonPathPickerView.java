package org.dbb.console.app.params.picker;

import java.nio.file.Path;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.params.picker.DefinitionNode;
import org.dbb.console.core.workspace.params.picker.DefinitionTree;

/**
 * The JSONPath picker: an item and one of its JSON files, the file as a tree (nodes the current find_key matches
 * are highlighted), the match count and the warnings. Selecting a node picks it. Binds a
 * {@link JsonPathPickerViewModel} and holds no logic; create and use on the FX thread.
 */
public final class JsonPathPickerView extends VBox {

    /** Node ids page objects look up. */
    public static final String ITEM_ID = "picker-item";
    public static final String FILE_ID = "picker-file";
    public static final String TREE_ID = "picker-tree";
    public static final String MATCHES_ID = "picker-matches";
    public static final String WARNING_ID = "picker-warning";

    private static final PseudoClass MATCHED = PseudoClass.getPseudoClass("matched");
    private static final PseudoClass CONTAINER = PseudoClass.getPseudoClass("container");

    private final JsonPathPickerViewModel model;
    private final TreeView<DefinitionNode> tree = new TreeView<>();

    public JsonPathPickerView(JsonPathPickerViewModel model) {
        this.model = model;
        getStyleClass().add("param-picker");
        getStylesheets().add(JsonPathPickerView.class.getResource("/org/dbb/console/app/theme/param-entries.css")
                .toExternalForm());
        setSpacing(6);

        ComboBox<Item> item = new ComboBox<>(model.items());
        item.setId(ITEM_ID);
        item.setMaxWidth(Double.MAX_VALUE);
        item.setPromptText("item");
        item.valueProperty().bindBidirectional(model.selectedItemProperty());
        item.setConverter(new StringConverter<>() {
            @Override
            public String toString(Item value) {
                return value == null ? "" : value.label();
            }

            @Override
            public Item fromString(String text) {
                return null;
            }
        });
        item.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Item value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : value.label());
                setGraphic(empty || value == null ? null : AppIcon.forItemType(value.type()).graphic());
            }
        });

        ComboBox<Path> file = new ComboBox<>(model.files());
        file.setId(FILE_ID);
        file.setMaxWidth(Double.MAX_VALUE);
        file.setPromptText("JSON file");
        file.valueProperty().bindBidirectional(model.selectedFileProperty());
        file.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path value) {
                Item owner = model.selectedItemProperty().get();
                return value == null ? "" : owner != null && value.startsWith(owner.folder())
                        ? owner.folder().relativize(value).toString().replace('\\', '/') : value.toString();
            }

            @Override
            public Path fromString(String text) {
                return null;
            }
        });
        HBox.setHgrow(item, Priority.ALWAYS);
        HBox.setHgrow(file, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        HBox choose = new HBox(6, item, file, busy);
        choose.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.getStyleClass().add("param-picker-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        tree.setId(TREE_ID);
        tree.setShowRoot(true);
        tree.setPrefHeight(260);
        tree.setCellFactory(view -> new NodeCell());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getValue() != null && now.getValue() != model.pickedProperty().get()) {
                model.pick(now.getValue());
            }
        });
        model.treeProperty().addListener((obs, old, now) -> showTree(now));
        model.matchedPaths().addListener((ListChangeListener<String>) c -> {
            expandMatches(tree.getRoot());
            tree.refresh();
        });
        VBox.setVgrow(tree, Priority.ALWAYS);

        Label matches = new Label();
        matches.setId(MATCHES_ID);
        matches.setWrapText(true);
        matches.getStyleClass().add("param-picker-matches");
        matches.textProperty().bind(model.matchSummaryProperty());
        Label warning = new Label();
        warning.setId(WARNING_ID);
        warning.setWrapText(true);
        warning.getStyleClass().add("param-picker-warning");
        warning.setGraphic(AppIcon.WARNING.graphic());
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        getChildren().addAll(choose, status, tree, matches, warning);
        showTree(model.treeProperty().get());
    }

    private void showTree(DefinitionTree definition) {
        if (definition == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<DefinitionNode> root = item(definition.root());
        root.setExpanded(true);
        root.getChildren().forEach(child -> child.setExpanded(true));
        tree.setRoot(root);
        expandMatches(root);
    }

    private static TreeItem<DefinitionNode> item(DefinitionNode node) {
        TreeItem<DefinitionNode> item = new TreeItem<>(node);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }

    /** Opens the branches down to each matched node so the operator sees what the find_key selects. */
    private boolean expandMatches(TreeItem<DefinitionNode> item) {
        if (item == null) {
            return false;
        }
        boolean below = false;
        for (TreeItem<DefinitionNode> child : item.getChildren()) {
            below |= expandMatches(child);
        }
        if (below) {
            item.setExpanded(true);
        }
        return below || model.matchedPaths().contains(item.getValue().canonicalPath());
    }

    /** A node as {@code name  value}, marked when the find_key matches it. */
    private final class NodeCell extends TreeCell<DefinitionNode> {
        @Override
        protected void updateItem(DefinitionNode node, boolean empty) {
            super.updateItem(node, empty);
            boolean shown = !empty && node != null;
            pseudoClassStateChanged(MATCHED, shown && model.matchedPaths().contains(node.canonicalPath()));
            pseudoClassStateChanged(CONTAINER, shown && !node.isLeaf());
            if (!shown) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(node.label());
            name.getStyleClass().add("param-node-name");
            Label value = new Label(node.preview());
            value.getStyleClass().add("param-node-value");
            Label type = new Label(node.kind().noun());
            type.getStyleClass().add("param-node-type");
            HBox box = new HBox(8, name, value, type);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
