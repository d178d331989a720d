package org.dbb.console.app.params.coverage;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.dbb.console.app.icons.AppIcon;

/**
 * The GUID coverage list: environment choice, progress, the counts, what is left out on purpose, and the GUIDs
 * grouped by file with their line, column, kind and the text around them. Binds to a {@link GuidCoverageViewModel}
 * and holds no logic. Create and use on the FX thread.
 */
public final class GuidCoverageView extends VBox {

    /** Node ids page objects look up. */
    public static final String ENVIRONMENT_ID = "coverage-environment";
    public static final String REFRESH_ID = "coverage-refresh";
    public static final String STATUS_ID = "coverage-status";
    public static final String SUMMARY_ID = "coverage-summary";
    public static final String EXCLUSIONS_ID = "coverage-exclusions";
    public static final String LIST_ID = "coverage-list";
    public static final String SHOW_COVERED_ID = "coverage-show-covered";
    public static final String HIDE_MODEL_IDS_ID = "coverage-hide-model-ids";
    /** Style class of one GUID's row, for page objects. */
    public static final String ROW_CLASS = "coverage-row";
    /** Style class of a row's link into the add-entry form. */
    public static final String ADD_ENTRY_CLASS = "coverage-add-entry";
    /** The action's words, on the row's link and its context menu. */
    public static final String ADD_ENTRY_TEXT = "Add find_replace entry for this GUID";

    private static final PseudoClass UNCOVERED = PseudoClass.getPseudoClass("uncovered");
    /** Room the tree takes left of a row's text: disclosure arrows, indentation, the scroll bar. */
    private static final int INDENT = 170;

    private final GuidCoverageViewModel model;
    private final TreeItem<Object> root = new TreeItem<>();

    public GuidCoverageView(GuidCoverageViewModel model) {
        this.model = model;
        getStyleClass().add("param-tools");

        ComboBox<String> environment = new ComboBox<>(model.environments());
        environment.setId(ENVIRONMENT_ID);
        environment.valueProperty().bindBidirectional(model.environmentProperty());
        Button refresh = new Button("Check again", AppIcon.RELOAD.graphic());
        refresh.setId(REFRESH_ID);
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.stateProperty().isEqualTo(CoverageViewState.SCANNING));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.stateProperty().isEqualTo(CoverageViewState.SCANNING));
        Label title = new Label("GUIDs not replaced for");
        title.setMinWidth(Region.USE_PREF_SIZE);
        // A narrow panel puts the button under the choice rather than cutting it off.
        FlowPane top = new FlowPane(8, 6, title, environment, refresh, busy);
        top.setAlignment(Pos.CENTER_LEFT);

        Label status = wrapped(STATUS_ID, "tools-status");
        status.textProperty().bind(model.statusProperty());
        Label summary = wrapped(SUMMARY_ID, "tools-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        Label exclusions = wrapped(EXCLUSIONS_ID, "tools-note");
        exclusions.textProperty().bind(model.exclusionsProperty());

        CheckBox hide = new CheckBox("Hide TMDL object ids (lineage tags, relationship names)");
        hide.setId(HIDE_MODEL_IDS_ID);
        hide.selectedProperty().bindBidirectional(model.hideModelObjectIdsProperty());
        CheckBox covered = new CheckBox("Also list replaced GUIDs");
        covered.setId(SHOW_COVERED_ID);
        covered.selectedProperty().bindBidirectional(model.showCoveredProperty());
        for (CheckBox option : List.of(hide, covered)) {
            option.setWrapText(true);
            option.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox options = new VBox(4, hide, covered);

        TreeView<Object> list = new TreeView<>(root);
        list.setId(LIST_ID);
        list.setShowRoot(false);
        list.setCellFactory(tree -> new CoverageCell(model));
        Label empty = wrapped(null, "tools-empty");
        empty.setText("No GUID is left unreplaced.");
        empty.visibleProperty().bind(model.stateProperty().isEqualTo(CoverageViewState.READY)
                .and(javafx.beans.binding.Bindings.isEmpty(model.groups())));
        StackPane listPane = new StackPane(list, empty);
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        VBox.setVgrow(listPane, Priority.ALWAYS);

        getChildren().addAll(top, status, summary, exclusions, options, listPane);
        model.groups().addListener((ListChangeListener<CoverageFileGroup>) c -> rebuild());
        rebuild();
    }

    private static Label wrapped(String id, String styleClass) {
        Label label = new Label();
        if (id != null) {
            label.setId(id);
        }
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private void rebuild() {
        root.getChildren().clear();
        for (CoverageFileGroup group : model.groups()) {
            TreeItem<Object> file = new TreeItem<>(group);
            group.rows().forEach(r -> file.getChildren().add(new TreeItem<>(r)));
            file.setExpanded(true);
            root.getChildren().add(file);
        }
    }

    /** A file heading, or one GUID with its context and hints. */
    private static final class CoverageCell extends TreeCell<Object> {

        private final GuidCoverageViewModel model;

        CoverageCell(GuidCoverageViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            getStyleClass().remove(ROW_CLASS);
            if (empty || item == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            if (item instanceof CoverageFileGroup group) {
                Label file = new Label(group.relativePath());
                file.getStyleClass().add("tools-file");
                Label owner = new Label(group.itemLabel() + " · " + group.rows().size() + " GUID"
                        + (group.rows().size() == 1 ? "" : "s"));
                owner.getStyleClass().add("tools-file-item");
                setGraphic(flow(file, owner));
                setContextMenu(null);
                return;
            }
            CoverageRow row = (CoverageRow) item;
            getStyleClass().add(ROW_CLASS);
            Label location = new Label(row.location());
            location.getStyleClass().add("tools-location");
            Label guid = new Label(row.guid());
            guid.getStyleClass().add("coverage-guid");
            guid.setMinWidth(Region.USE_PREF_SIZE);
            Label kind = new Label(row.description());
            kind.getStyleClass().add("coverage-kind");
            kind.pseudoClassStateChanged(UNCOVERED, row.uncovered());
            Label by = new Label(row.uncovered() ? "not replaced" : "replaced by " + row.coveredBy());
            by.getStyleClass().add("coverage-by");
            by.pseudoClassStateChanged(UNCOVERED, row.uncovered());
            FlowPane head = flow(location, guid, kind, by);
            boolean canAdd = model.canAddEntry(row);
            if (canAdd) {
                Hyperlink add = new Hyperlink(ADD_ENTRY_TEXT + " …", AppIcon.ADD.graphic());
                add.getStyleClass().add(ADD_ENTRY_CLASS);
                add.setOnAction(e -> model.addFindReplaceEntry(row));
                head.getChildren().add(add);
            }

            TextFlow context = new TextFlow(text(row.contextBefore(), "context-text"),
                    text(row.guid(), "context-guid"), text(row.contextAfter(), "context-text"));
            if (getTreeView() != null) {
                context.maxWidthProperty().bind(getTreeView().widthProperty().subtract(INDENT));
                context.prefWidthProperty().bind(context.maxWidthProperty());
            }
            VBox box = new VBox(2, head, context);
            for (String hint : row.hints()) {
                Label label = new Label(hint, AppIcon.WARNING.graphic());
                label.getStyleClass().add("coverage-hint");
                label.setWrapText(true);
                if (getTreeView() != null) {
                    label.maxWidthProperty().bind(context.maxWidthProperty());
                }
                box.getChildren().add(label);
            }
            setGraphic(box);
            MenuItem copy = new MenuItem("Copy GUID", AppIcon.COPY_TEXT.graphic());
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(row.guid());
                Clipboard.getSystemClipboard().setContent(content);
            });
            ContextMenu menu = new ContextMenu(copy);
            if (canAdd) {
                MenuItem add = new MenuItem(ADD_ENTRY_TEXT + " …", AppIcon.ADD.graphic());
                add.setOnAction(e -> model.addFindReplaceEntry(row));
                menu.getItems().add(add);
            }
            setContextMenu(menu);
        }

        /** Laid out left to right, wrapping onto the next line when the list is narrow. */
        private FlowPane flow(Node... nodes) {
            FlowPane pane = new FlowPane(8, 2, nodes);
            pane.setAlignment(Pos.CENTER_LEFT);
            if (getTreeView() != null) {
                pane.prefWrapLengthProperty().bind(getTreeView().widthProperty().subtract(INDENT));
            }
            return pane;
        }

        private static Text text(String value, String styleClass) {
            Text text = new Text(value);
            text.getStyleClass().add(styleClass);
            return text;
        }
    }
}
