package org.dbb.console.app.launch;

import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.core.engine.RerunOutline;

/**
 * The dry run of a launch or re-run dialog: what it waits for, then the plan as a tree and as the dry-run text, or
 * the problems and what to do. Binds to a {@link PlanPreview}. Create and use on the FX thread.
 */
final class PlanPreviewView extends VBox {

    static final String PROGRESS_ID = "preview-progress";
    static final String SUMMARY_ID = "preview-summary";
    static final String TREE_ID = "plan-tree";
    static final String TEXT_ID = "plan-text";
    static final String PROBLEMS_ID = "plan-problems";
    static final String ADVICE_ID = "plan-advice";

    private static final PseudoClass REUSED = PseudoClass.getPseudoClass("reused");
    private static final PseudoClass SKIPPED = PseudoClass.getPseudoClass("skipped");
    private static final PseudoClass STAGE = PseudoClass.getPseudoClass("stage");

    private final PlanPreview preview;
    private final TreeTableView<PlanNode> tree = new TreeTableView<>();

    PlanPreviewView(PlanPreview preview) {
        this.preview = preview;
        getStyleClass().add("plan-preview");
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("preview-busy");
        busy.visibleProperty().bind(preview.stateProperty().isEqualTo(PreviewState.PREPARING));
        busy.managedProperty().bind(busy.visibleProperty());
        Label progress = new Label();
        progress.setId(PROGRESS_ID);
        progress.setWrapText(true);
        progress.textProperty().bind(preview.progressProperty());
        preview.stateProperty().addListener((o, was, now) -> progress.pseudoClassStateChanged(Styles.ERROR,
                now == PreviewState.FAILED));
        Label idle = new Label("Preview plans the run exactly as it will be launched; nothing starts.");
        idle.getStyleClass().add(Styles.SUBTITLE);
        idle.visibleProperty().bind(preview.stateProperty().isEqualTo(PreviewState.NONE));
        idle.managedProperty().bind(idle.visibleProperty());
        HBox status = new HBox(8, busy, progress, idle);
        status.getStyleClass().add("preview-status");

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.SECTION_TITLE);
        summary.textProperty().bind(preview.summaryProperty());
        summary.visibleProperty().bind(preview.stateProperty().isEqualTo(PreviewState.READY));
        summary.managedProperty().bind(summary.visibleProperty());

        TabPane tabs = new TabPane(new Tab("Plan", tree()), new Tab("Dry-run text", text()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.visibleProperty().bind(preview.stateProperty().isEqualTo(PreviewState.READY));
        tabs.managedProperty().bind(tabs.visibleProperty());
        VBox.setVgrow(tabs, Priority.ALWAYS);

        ListView<String> problems = new ListView<>(preview.problems());
        problems.setId(PROBLEMS_ID);
        problems.getStyleClass().add("plan-problems");
        problems.visibleProperty().bind(preview.stateProperty().isEqualTo(PreviewState.FAILED));
        problems.managedProperty().bind(problems.visibleProperty());
        VBox.setVgrow(problems, Priority.ALWAYS);
        Label advice = new Label();
        advice.setId(ADVICE_ID);
        advice.setWrapText(true);
        advice.setGraphic(AppIcon.WARNING.graphic());
        advice.textProperty().bind(preview.adviceProperty());
        advice.visibleProperty().bind(preview.adviceProperty().isNotEmpty());
        advice.managedProperty().bind(advice.visibleProperty());

        ListView<String> warnings = new ListView<>(preview.warnings());
        warnings.getStyleClass().add("plan-warnings");
        warnings.setPrefHeight(72);
        warnings.visibleProperty().bind(preview.stateProperty().isEqualTo(PreviewState.READY)
                .and(Bindings.isNotEmpty(preview.warnings())));
        warnings.managedProperty().bind(warnings.visibleProperty());

        getChildren().setAll(status, summary, tabs, problems, advice, warnings);
        preview.stages().addListener((ListChangeListener<PlanNode>) change -> rebuild());
        rebuild();
    }

    private TreeTableView<PlanNode> tree() {
        tree.setId(TREE_ID);
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<PlanNode, String> name = new TreeTableColumn<>("Stage / step");
        name.setPrefWidth(260);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue() == null ? ""
                : c.getValue().getValue().label()));
        TreeTableColumn<PlanNode, String> detail = new TreeTableColumn<>("What it does");
        detail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue() == null ? ""
                : c.getValue().getValue().detail()));
        tree.getColumns().setAll(List.of(name, detail));
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(PlanNode node, boolean empty) {
                super.updateItem(node, empty);
                boolean none = empty || node == null;
                pseudoClassStateChanged(STAGE, !none && node.kind() == PlanNode.Kind.STAGE);
                pseudoClassStateChanged(REUSED, !none && node.fate().equals(
                        Optional.of(RerunOutline.Fate.REUSED)));
                pseudoClassStateChanged(SKIPPED, !none && node.fate().equals(
                        Optional.of(RerunOutline.Fate.SKIPPED)));
            }
        });
        return tree;
    }

    private static AppIcon icon(PlanNode node) {
        if (node.fate().isPresent()) {
            return switch (node.fate().get()) {
                case REUSED -> AppIcon.REUSED;
                case SKIPPED -> AppIcon.SKIPPED;
                case RUNS, RUNS_FAILED_ONLY -> AppIcon.RERUN;
            };
        }
        return switch (node.kind()) {
            case STAGE -> AppIcon.STAGE;
            case STEP, BRANCH -> AppIcon.ACTIVITY;
            case MODEL -> AppIcon.SEMANTIC_MODEL;
            case CAP -> AppIcon.WAITING;
        };
    }

    private TextArea text() {
        TextArea area = new TextArea();
        area.setId(TEXT_ID);
        area.getStyleClass().add("plan-text");
        area.setEditable(false);
        area.textProperty().bind(preview.planTextProperty());
        return area;
    }

    private void rebuild() {
        TreeItem<PlanNode> root = tree.getRoot();
        root.getChildren().setAll(preview.stages().stream().map(PlanPreviewView::item).toList());
    }

    private static TreeItem<PlanNode> item(PlanNode node) {
        TreeItem<PlanNode> item = new TreeItem<>(node, icon(node).graphic());
        item.getChildren().setAll(node.children().stream().map(PlanPreviewView::item).toList());
        item.setExpanded(node.kind() == PlanNode.Kind.STAGE);
        return item;
    }
}
