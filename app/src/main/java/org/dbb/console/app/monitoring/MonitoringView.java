package org.dbb.console.app.monitoring;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

/**
 * The monitoring page: filter bar, a grid drawing only the rows in view, the selected row's details and a status bar.
 * Binds to a {@link MonitoringViewModel}; its only own work is telling the model when the operator scrolls and
 * keeping the newest row in view while following. Create and use on the FX thread.
 */
public final class MonitoringView extends BorderPane {

    /** Node ids that page objects in tests look up. */
    public static final String TABLE_ID = "monitoring-rows";
    public static final String RUN_FILTER_ID = "monitoring-run-filter";
    public static final String STAGE_FILTER_ID = "monitoring-stage-filter";
    public static final String STATUS_FILTER_ID = "monitoring-status-filter";
    public static final String TEXT_FILTER_ID = "monitoring-text-filter";
    public static final String CLEAR_FILTERS_ID = "monitoring-clear-filters";
    public static final String FOLLOW_ID = "monitoring-follow";
    public static final String EXPORT_ID = "monitoring-export";
    public static final String PAUSED_ID = "monitoring-paused";
    public static final String RESUME_ID = "monitoring-resume";
    public static final String COUNTS_ID = "monitoring-counts";
    public static final String SCOPE_ID = "monitoring-scope";
    public static final String WAITING_ID = "monitoring-waiting";
    public static final String EXPORT_RESULT_ID = "monitoring-export-result";
    public static final String DETAILS_ID = "monitoring-details";

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final MonitoringViewModel model;
    private final MonitoringGrid grid;
    private final TextField textFilter = new TextField();
    private final GridPane details = new GridPane();

    public MonitoringView(MonitoringViewModel model) {
        this.model = model;
        this.grid = new MonitoringGrid(model.rows(), columns());
        getStyleClass().add(MonitoringStyles.PAGE);
        getStylesheets().add(MonitoringView.class.getResource(MonitoringStyles.STYLESHEET).toExternalForm());
        setTop(new VBox(filterBar(), pausedBar()));
        setCenter(body());
        setBottom(statusBar());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                textFilter.requestFocus();
                textFilter.selectAll();
                event.consume();
            }
        });
    }

    /** The grid of rows, for the page's keyboard focus. */
    public MonitoringGrid grid() {
        return grid;
    }

    private Region filterBar() {
        TextField runFilter = new TextField();
        runFilter.setId(RUN_FILTER_ID);
        runFilter.setPromptText("Run id");
        runFilter.setPrefColumnCount(14);
        runFilter.textProperty().bindBidirectional(model.runIdFilterProperty());

        ComboBox<String> stageFilter = new ComboBox<>(model.stages());
        stageFilter.setId(STAGE_FILTER_ID);
        stageFilter.setPromptText("All stages");
        stageFilter.valueProperty().bindBidirectional(model.stageFilterProperty());

        MenuButton statusFilter = new MenuButton();
        statusFilter.setId(STATUS_FILTER_ID);
        statusFilter.setGraphic(AppIcon.FILTER.graphic());
        statusFilter.textProperty().bind(model.statusSummaryProperty());
        for (MonitoringStatus status : MonitoringViewModel.statuses()) {
            CheckMenuItem item = new CheckMenuItem(status.wireName());
            item.setId("status-" + status.wireName());
            item.setSelected(model.statusFilter().contains(status));
            item.selectedProperty().addListener((obs, was, selected) -> {
                if (selected) {
                    model.statusFilter().add(status);
                } else {
                    model.statusFilter().remove(status);
                }
            });
            model.statusFilter().addListener((SetChangeListener<MonitoringStatus>) change ->
                    item.setSelected(model.statusFilter().contains(status)));
            statusFilter.getItems().add(item);
        }

        textFilter.setId(TEXT_FILTER_ID);
        textFilter.setPromptText("Activity, item or message (Ctrl+F)");
        textFilter.textProperty().bindBidirectional(model.textFilterProperty());
        HBox.setHgrow(textFilter, Priority.ALWAYS);

        Button clear = new Button("Clear filters");
        clear.setId(CLEAR_FILTERS_ID);
        clear.setOnAction(event -> model.clearFilters());

        ToggleButton follow = new ToggleButton("Follow", AppIcon.FOLLOW.graphic());
        follow.setId(FOLLOW_ID);
        follow.setTooltip(new Tooltip("Keep the newest row in view (End)"));
        follow.selectedProperty().bindBidirectional(model.followingProperty());

        Button export = new Button("Export CSV…", AppIcon.EXPORT.graphic());
        export.setId(EXPORT_ID);
        export.setTooltip(new Tooltip("Save the rows the filters show as a CSV file"));
        export.disableProperty().bind(model.canExportProperty().not());
        export.setOnAction(event -> model.export());

        // Buttons keep their labels whole; the text fields give up the room when the window is narrow.
        for (Region keep : List.of(statusFilter, clear, follow, export)) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        runFilter.setMinWidth(90);
        textFilter.setMinWidth(120);
        HBox bar = new HBox(new Label(null, AppIcon.SEARCH.graphic()), runFilter, stageFilter, statusFilter,
                textFilter, clear, new Separator(Orientation.VERTICAL), follow, export);
        bar.getStyleClass().add(MonitoringStyles.FILTER_BAR);
        return bar;
    }

    private Region pausedBar() {
        Label paused = new Label();
        paused.setId(PAUSED_ID);
        paused.textProperty().bind(model.pausedTextProperty());
        Hyperlink resume = new Hyperlink("Resume");
        resume.setId(RESUME_ID);
        resume.setOnAction(event -> model.resume());
        HBox bar = new HBox(paused, resume);
        bar.getStyleClass().add(MonitoringStyles.PAUSED_BAR);
        bar.visibleProperty().bind(model.followingProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Node body() {
        grid.setId(TABLE_ID);
        grid.selectedRowProperty().bindBidirectional(model.selectedRowProperty());
        grid.followNewestProperty().bind(model.followingProperty());
        grid.setOnOperatorScroll(newestShown -> {
            if (newestShown) {
                model.scrolledToNewest();
            } else {
                model.scrolledAwayFromNewest();
            }
        });
        StackPane placeholder = new StackPane();
        placeholder.getStyleClass().add(MonitoringStyles.PLACEHOLDER_LAYER);
        placeholder.setPickOnBounds(false);
        placeholder.visibleProperty().bind(Bindings.isEmpty(model.rows()));
        model.stateProperty().addListener((obs, old, state) -> placeholder.getChildren().setAll(placeholder(state)));
        placeholder.getChildren().setAll(placeholder(model.stateProperty().get()));
        StackPane rows = new StackPane(grid, placeholder);

        details.setId(DETAILS_ID);
        details.getStyleClass().add(MonitoringStyles.DETAILS);
        model.details().addListener((ListChangeListener<DetailField>) change -> showDetails());
        showDetails();
        ScrollPane detailPane = new ScrollPane(details);
        detailPane.setFitToWidth(true);
        Label detailTitle = new Label("Row details");
        detailTitle.getStyleClass().add(Styles.SECTION_TITLE);
        VBox detailBox = new VBox(6, detailTitle, detailPane);
        detailBox.setPadding(new Insets(8));
        VBox.setVgrow(detailPane, Priority.ALWAYS);

        SplitPane split = new SplitPane(rows, detailBox);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(detailBox, false);
        return split;
    }

    private Region statusBar() {
        Label counts = new Label();
        counts.setId(COUNTS_ID);
        counts.textProperty().bind(model.countsProperty());
        Label scope = new Label();
        scope.setId(SCOPE_ID);
        scope.textProperty().bind(model.scopeProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(model.waitingForProperty().isNotEmpty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label waiting = new Label();
        waiting.setId(WAITING_ID);
        waiting.textProperty().bind(model.waitingForProperty());
        ProgressBar exportProgress = new ProgressBar();
        exportProgress.progressProperty().bind(model.exportProgressProperty());
        exportProgress.visibleProperty().bind(model.exportingProperty());
        exportProgress.managedProperty().bind(exportProgress.visibleProperty());
        Label exportResult = new Label();
        exportResult.setId(EXPORT_RESULT_ID);
        exportResult.textProperty().bind(model.exportResultProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, counts, new Separator(Orientation.VERTICAL), scope, spacer, busy, waiting,
                exportProgress, exportResult);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }

    private Node placeholder(MonitoringState state) {
        VBox box = new VBox();
        box.getStyleClass().add(MonitoringStyles.PLACEHOLDER);
        switch (state) {
            case NO_ENVIRONMENT -> box.getChildren().add(boundLabel(model.scopeProperty()));
            case LOADING -> box.getChildren().addAll(new ProgressIndicator(), boundLabel(model.waitingForProperty()));
            case LIVE -> box.getChildren().add(new Label("No rows to show. Rows appear here as runs write them;"
                    + " clear the filters to see every row read."));
            case FAILED -> {
                Label failure = boundLabel(model.failureProperty());
                failure.setGraphic(AppIcon.ERROR.graphic());
                Button retry = new Button("Read the rows again", AppIcon.RELOAD.graphic());
                retry.setOnAction(event -> model.reload());
                box.getChildren().addAll(failure, retry);
            }
        }
        return box;
    }

    private static Label boundLabel(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        return label;
    }

    private void showDetails() {
        details.getChildren().clear();
        if (model.details().isEmpty()) {
            Label hint = new Label("Select a row to see every column of it.");
            hint.getStyleClass().add(MonitoringStyles.DETAIL_NAME);
            details.add(hint, 0, 0);
            return;
        }
        int line = 0;
        for (DetailField field : model.details()) {
            Label name = new Label(field.name());
            name.getStyleClass().add(MonitoringStyles.DETAIL_NAME);
            name.setMinWidth(Region.USE_PREF_SIZE);
            details.add(name, 0, line);
            details.add(valueNode(field), 1, line);
            line++;
        }
    }

    /** A read-only text control, so an operator can copy a job id or a message into a ticket. */
    private static Node valueNode(DetailField field) {
        if (field.value().contains("\n") || field.value().length() > 60) {
            TextArea area = new TextArea(field.value());
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(Math.min(8, 1 + field.value().length() / 50));
            GridPane.setHgrow(area, Priority.ALWAYS);
            return area;
        }
        TextField text = new TextField(field.value());
        text.setEditable(false);
        GridPane.setHgrow(text, Priority.ALWAYS);
        return text;
    }

    private static List<MonitoringGrid.Column> columns() {
        return List.of(
                MonitoringGrid.Column.of("Started (UTC)", 160, MonitoringCells::time),
                MonitoringGrid.Column.of("Run", 170, MonitoringRow::runId),
                MonitoringGrid.Column.of("Stage", 120, MonitoringRow::stage),
                MonitoringGrid.Column.of("Activity", 200, MonitoringRow::activity),
                MonitoringGrid.Column.of("Item", 150, row -> row.item().orElse("")),
                MonitoringGrid.Column.of("Attempt", 72, row -> Integer.toString(row.attempt())),
                new MonitoringGrid.Column("Status", 130, row -> row.status().wireName(), true),
                MonitoringGrid.Column.of("Duration", 90, MonitoringCells::duration),
                MonitoringGrid.Column.of("Rows", 120, MonitoringCells::rows),
                MonitoringGrid.Column.of("Message", 320, MonitoringCells::message));
    }
}
