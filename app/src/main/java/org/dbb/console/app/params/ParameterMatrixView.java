package org.dbb.console.app.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;

/**
 * The parameter.yml page: the matrix of entries × environments with in-place editing, a toolbar to add an
 * environment column, the problems fabric-cicd's check reports (line:col), the pending changes, a per-environment
 * preview of the item files they affect, a reason and Save. Binds to a {@link ParameterMatrixViewModel} and holds
 * no logic. Create and use on the FX thread.
 */
public final class ParameterMatrixView extends BorderPane {

    /** Node ids page objects look up. */
    public static final String STATUS_ID = "param-status";
    public static final String PROBLEMS_ID = "param-problems";
    public static final String INPUT_PROBLEM_ID = "param-input-problem";
    public static final String TYPING_PROBLEM_ID = "param-typing-problem";
    public static final String SAVE_ID = "param-save";
    public static final String DISCARD_ID = "param-discard";
    public static final String REASON_ID = "param-reason";
    public static final String NEW_ENVIRONMENT_ID = "param-new-environment";
    public static final String COPY_FROM_ID = "param-copy-from";
    public static final String ADD_ENVIRONMENT_ID = "param-add-environment";
    public static final String CHECK_FOR_ID = "param-check-for";
    public static final String PREVIEW_FOR_ID = "param-preview-for";
    public static final String PREVIEW_FILES_ID = "param-preview-files";
    public static final String PENDING_ID = "param-pending";
    public static final String STYLESHEET = "/org/dbb/console/app/theme/parameters.css";

    private static final String NO_ENVIRONMENT = "";
    /** Narrowest a choice of environments gets: enough to read a choice, not just "…". */
    private static final double CHOICE_MIN_WIDTH = 160;

    private final ParameterMatrixViewModel model;
    private final MatrixGrid grid;
    private final TextField newEnvironment = new TextField();

    public ParameterMatrixView(ParameterMatrixViewModel model) {
        this(model, MatrixTools.NONE);
    }

    /** The page with extra tools (entry form, pickers) hosted in the toolbar, beside the matrix and on entries. */
    public ParameterMatrixView(ParameterMatrixViewModel model, MatrixTools tools) {
        this.model = model;
        this.grid = new MatrixGrid(model, newEnvironment::requestFocus, tools);
        getStylesheets().add(ParameterMatrixView.class.getResource(STYLESHEET).toExternalForm());
        setTop(new VBox(header(), toolbar(tools), inputProblem()));
        setCenter(besideSidePanel(body(), tools.sidePanel()));
        setBottom(statusBar());
        model.rows().addListener((ListChangeListener<EntryRow>) c -> grid.rebuild());
        model.environments().addListener((ListChangeListener<String>) c -> grid.rebuild());
        grid.rebuild();
    }

    /**
     * The matrix with the tools' side panel on its right. Not the border pane's right: that would add the panel's
     * preferred width to the page's minimum, so a narrow window would be pushed wider instead of the panel giving
     * way down to its minimum.
     */
    private static Region besideSidePanel(Region body, Optional<Node> side) {
        if (side.isEmpty()) {
            return body;
        }
        // The panel keeps its preferred width while there is room; the matrix, which scrolls, takes the rest.
        body.setPrefWidth(0);
        HBox.setHgrow(body, Priority.ALWAYS);
        return new HBox(body, side.get());
    }

    private Region header() {
        Label icon = new Label(null, AppIcon.PARAMETERS.graphic());
        Label title = new Label("Parameters");
        title.getStyleClass().add(Styles.TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label path = new Label();
        path.getStyleClass().add(Styles.SUBTITLE);
        path.textProperty().bind(model.fileNameProperty());
        VBox titles = new VBox(2, title, path);
        titles.setAlignment(Pos.CENTER_LEFT);
        ComboBox<String> checkFor = environmentChoice("no target environment (as dbb params check)");
        checkFor.setId(CHECK_FOR_ID);
        checkFor.valueProperty().addListener((obs, old, now) -> model.checkEnvironmentProperty()
                .set(now == null || now.isEmpty() ? null : now));
        checkFor.setMinWidth(CHOICE_MIN_WIDTH);
        Label checkLabel = new Label("Check rules for");
        checkLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox check = new HBox(12, checkLabel, checkFor);
        check.setAlignment(Pos.CENTER_LEFT);
        // The path gives up its room first; a narrow page puts the rule choice on a second line.
        WrappingToolbar box = new WrappingToolbar(12, 6);
        box.getChildren().addAll(icon, titles, check);
        box.fillRow(titles);
        box.getStyleClass().add(Styles.HEADER);
        return box;
    }

    private Region toolbar(MatrixTools tools) {
        newEnvironment.setId(NEW_ENVIRONMENT_ID);
        newEnvironment.setPromptText("new environment, e.g. UAT");
        ComboBox<String> copyFrom = new ComboBox<>(model.environments());
        copyFrom.setId(COPY_FROM_ID);
        copyFrom.setPromptText("copy values from");
        Button add = new Button("Add environment", AppIcon.ADD.graphic());
        add.setId(ADD_ENVIRONMENT_ID);
        add.setOnAction(e -> {
            if (model.addEnvironment(newEnvironment.getText(), Optional.ofNullable(copyFrom.getValue()),
                    Optional.empty())) {
                newEnvironment.clear();
            }
        });
        add.disableProperty().bind(newEnvironment.textProperty().isEmpty().or(copyFrom.valueProperty().isNull()));

        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText("reason for the audit trail");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button discard = new Button("Discard", AppIcon.DISCARD.graphic());
        discard.setId(DISCARD_ID);
        discard.disableProperty().bind(model.dirtyProperty().not());
        discard.setOnAction(e -> model.discard());
        Button save = new Button("Save", AppIcon.SAVE.graphic());
        save.setId(SAVE_ID);
        save.setDefaultButton(false);
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.save());

        Label reasonLabel = new Label("Reason");
        HBox reasonBox = new HBox(8, reasonLabel, reason);
        reasonBox.setAlignment(Pos.CENTER_LEFT);
        WrappingToolbar bar = new WrappingToolbar(8, 6);
        bar.getChildren().addAll(tools.toolbarItems());
        bar.getChildren().addAll(newEnvironment, copyFrom, add, reasonBox, discard, save);
        bar.fillRow(reasonBox);
        // Buttons and labels keep their words whole; a narrow page puts the rest of the bar on another row.
        for (Node item : bar.getChildren()) {
            if (item instanceof Region region && item != reasonBox && !(item instanceof TextField)) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        reasonLabel.setMinWidth(Region.USE_PREF_SIZE);
        newEnvironment.setMinWidth(90);
        newEnvironment.setPrefColumnCount(12);
        reason.setMinWidth(90);
        bar.setPadding(new Insets(6, 12, 6, 12));
        return bar;
    }

    private Region inputProblem() {
        Label refused = new Label();
        refused.setId(INPUT_PROBLEM_ID);
        refused.getStyleClass().add("param-problem");
        refused.setMaxWidth(Double.MAX_VALUE);
        refused.textProperty().bind(model.inputProblemProperty());
        refused.visibleProperty().bind(model.inputProblemProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        Label typing = new Label();
        typing.setId(TYPING_PROBLEM_ID);
        typing.getStyleClass().add("param-typing");
        typing.setPadding(new Insets(0, 12, 4, 12));
        typing.textProperty().bind(model.typingProblemProperty());
        typing.visibleProperty().bind(model.typingProblemProperty().isNotEmpty());
        typing.managedProperty().bind(typing.visibleProperty());
        return new VBox(refused, typing);
    }

    private Region body() {
        ScrollPane matrix = new ScrollPane(grid);
        matrix.setFitToWidth(true);

        ListView<ProblemRow> problems = new ListView<>(model.problems());
        problems.setId(PROBLEMS_ID);
        problems.getStyleClass().add("param-problems");
        problems.setCellFactory(list -> new ProblemCell());
        problems.setPlaceholder(new Label("fabric-cicd 1.3.0's check finds no problem in this file."));
        Label summary = new Label();
        summary.textProperty().bind(model.checkSummaryProperty());
        ProgressIndicator checking = new ProgressIndicator();
        checking.setPrefSize(16, 16);
        checking.visibleProperty().bind(model.validatingProperty());
        VBox problemsBox = new VBox(6, new HBox(8, summary, checking), problems);
        VBox.setVgrow(problems, Priority.ALWAYS);
        problemsBox.setPadding(new Insets(6));

        ListView<String> pending = new ListView<>(model.pendingChanges());
        pending.setId(PENDING_ID);
        pending.setPlaceholder(new Label("No pending changes: double-click a value to edit it."));

        TabPane tabs = new TabPane(new Tab("Problems", problemsBox), new Tab("Pending changes", pending),
                previewTab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() == 2) {
                model.previewSessionEnvironment();
            }
        });
        SplitPane split = new SplitPane(matrix, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        return split;
    }

    private Tab previewTab() {
        ComboBox<String> previewFor = environmentChoice("choose an environment");
        previewFor.setId(PREVIEW_FOR_ID);
        previewFor.valueProperty().addListener((obs, old, now) -> model.previewEnvironmentProperty()
                .set(now == null || now.isEmpty() ? null : now));
        model.previewEnvironmentProperty().addListener((obs, old, now) -> previewFor.setValue(now));
        Label status = new Label();
        status.textProperty().bind(model.previewStatusProperty());
        status.setWrapText(true);
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(16, 16);
        working.visibleProperty().bind(model.previewingProperty());

        ListView<PreviewFile> files = new ListView<>(model.previewFiles());
        files.setId(PREVIEW_FILES_ID);
        files.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PreviewFile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.path() + " — " + item.note());
            }
        });
        TextArea diff = new TextArea();
        diff.setEditable(false);
        diff.getStyleClass().add("param-diff");
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                diff.setText(now == null ? "" : now.diff()));
        SplitPane split = new SplitPane(files, diff);
        split.setDividerPositions(0.3);
        HBox top = new HBox(8, new Label("Preview for"), previewFor, working, status);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return new Tab("Preview", box);
    }

    /** A choice of the file's environments, with {@code none} shown for no choice. */
    private ComboBox<String> environmentChoice(String none) {
        ComboBox<String> box = new ComboBox<>();
        Runnable fill = () -> {
            String chosen = box.getValue();
            List<String> items = new ArrayList<>();
            items.add(NO_ENVIRONMENT);
            items.addAll(model.environments());
            box.getItems().setAll(items);
            box.setValue(chosen != null && items.contains(chosen) ? chosen : NO_ENVIRONMENT);
        };
        model.environments().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? none : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }

    private Region statusBar() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(model.stateProperty().isEqualTo(MatrixState.LOADING)
                .or(model.stateProperty().isEqualTo(MatrixState.SAVING)));
        HBox bar = new HBox(8, busy, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }

    /** A problem as {@code line:col  message}, coloured by severity. */
    private static final class ProblemCell extends ListCell<ProblemRow> {
        @Override
        protected void updateItem(ProblemRow item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(Styles.ERROR, !empty && item != null && item.error());
            pseudoClassStateChanged(Styles.WARNING, !empty && item != null && !item.error());
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.file() + ":" + item.location() + "  " + item.message());
            setGraphic((item.error() ? AppIcon.ERROR : AppIcon.WARNING).graphic());
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
