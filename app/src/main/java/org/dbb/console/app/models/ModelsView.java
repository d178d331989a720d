package org.dbb.console.app.models;

import java.util.Locale;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;

/**
 * The Models page: the checklist of the environment's semantic models with search, the refresh concurrency slider
 * with its live explanation, and the active run's refresh conductor. Binds to a {@link ModelsViewModel} and holds no
 * logic. Create and use on the FX thread.
 */
public final class ModelsView extends BorderPane {

    /** Node ids that page objects in tests look up. */
    public static final String STATUS_ID = "models-status";
    public static final String SEARCH_ID = "models-search";
    public static final String SELECT_ALL_ID = "models-select-all";
    public static final String SELECT_NONE_ID = "models-select-none";
    public static final String SELECTION_ID = "models-selection";
    public static final String SELECTION_NOTE_ID = "models-selection-note";
    public static final String TABLE_ID = "models-table";
    public static final String CAP_ID = "models-cap";
    public static final String CAP_VALUE_ID = "models-cap-value";
    public static final String EXPLANATION_ID = "models-explanation";
    public static final String SAVE_ID = "models-save-default";
    public static final String RUN_STATUS_ID = "models-run-status";
    public static final String SLOTS_ID = "models-slots";
    public static final String CONDUCTOR_ID = "models-conductor";

    static final String STYLESHEET = "/org/dbb/console/app/theme/models.css";
    private static final PseudoClass OVERRUN = PseudoClass.getPseudoClass("overrun");

    private final ModelsViewModel model;
    private final Timeline ticker;

    public ModelsView(ModelsViewModel model) {
        this.model = model;
        getStyleClass().add("models-page");
        getStylesheets().add(ModelsView.class.getResource(STYLESHEET).toExternalForm());
        setTop(header());
        SplitPane split = new SplitPane(checklist(), new VBox(12, capPane(), conductorPane()));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setCenter(split);
        // elapsed times move with the clock, not only with engine events
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        model.runActiveProperty().addListener((o, was, active) -> tick(active));
        tick(model.runActiveProperty().get());
    }

    private void tick(boolean active) {
        if (active) {
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    private Region header() {
        Label title = new Label("Semantic models", AppIcon.SEMANTIC_MODEL.graphic());
        title.getStyleClass().add(Styles.TITLE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add(Styles.SUBTITLE);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Button reload = new Button("Reload", AppIcon.RELOAD.graphic());
        reload.disableProperty().bind(model.loadingProperty());
        reload.setOnAction(e -> model.reload());
        HBox statusLine = new HBox(6, busy, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, spacer, reload);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, top, statusLine);
        header.getStyleClass().add(Styles.HEADER);
        return header;
    }

    private Region checklist() {
        TextField search = new TextField();
        search.setId(SEARCH_ID);
        search.setPromptText("Search models");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button all = new Button("Select all");
        all.setId(SELECT_ALL_ID);
        all.setOnAction(e -> model.selectAll());
        Button none = new Button("Select none");
        none.setId(SELECT_NONE_ID);
        none.setOnAction(e -> model.selectNone());
        HBox tools = new HBox(6, search, all, none);
        tools.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId(SELECTION_ID);
        summary.getStyleClass().add(Styles.SECTION_TITLE);
        summary.textProperty().bind(model.selectionSummaryProperty());
        Label warning = new Label();
        warning.getStyleClass().add("models-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(model.selectionWarningProperty());
        warning.visibleProperty().bind(model.selectionWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        Label note = new Label();
        note.setId(SELECTION_NOTE_ID);
        note.getStyleClass().add("models-note");
        note.setWrapText(true);
        note.setGraphic(AppIcon.WARNING.graphic());
        note.textProperty().bind(model.selectionNoteProperty());
        note.visibleProperty().bind(model.selectionNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        TableView<ModelRow> table = new TableView<>(model.shownRows());
        table.setId(TABLE_ID);
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No models to show"));
        TableColumn<ModelRow, Boolean> pick = new TableColumn<>("Refresh");
        pick.setCellValueFactory(c -> c.getValue().selectedProperty());
        pick.setCellFactory(CheckBoxTableCell.forTableColumn(pick));
        pick.setEditable(true);
        pick.setMaxWidth(70);
        pick.setMinWidth(60);
        table.getColumns().add(pick);
        table.getColumns().add(text("Model", r -> r.name()));
        table.getColumns().add(text("Target", ModelRow::target));
        TableColumn<ModelRow, String> last = new TableColumn<>("Last refresh");
        last.setCellValueFactory(c -> c.getValue().lastStatusProperty());
        last.setCellFactory(c -> new HistoryCell());
        table.getColumns().add(last);
        TableColumn<ModelRow, String> ended = new TableColumn<>("Ended");
        ended.setCellValueFactory(c -> c.getValue().lastEndProperty());
        table.getColumns().add(ended);
        TableColumn<ModelRow, String> took = new TableColumn<>("Took");
        took.setCellValueFactory(c -> c.getValue().lastDurationProperty());
        table.getColumns().add(took);
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox box = new VBox(8, tools, summary, warning, note, table);
        box.setPadding(new Insets(12));
        return box;
    }

    private Region capPane() {
        Label title = new Label("Refresh concurrency");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Slider slider = new Slider(1, 1, 1);
        slider.setId(CAP_ID);
        slider.maxProperty().bind(model.maxCapProperty());
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setValue(model.capProperty().get());
        slider.disableProperty().bind(Bindings.isEmpty(model.rows()).and(model.runActiveProperty().not()));
        // the slider's value follows the view model; the cap is taken on release (or at once from the keyboard)
        slider.valueProperty().addListener((o, was, now) -> {
            model.capProperty().set((int) Math.round(now.doubleValue()));
            if (!slider.isValueChanging()) {
                model.commitCap();
            }
        });
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                model.commitCap();
            }
        });
        model.capProperty().addListener((o, was, now) -> {
            if (Math.round(slider.getValue()) != now.intValue()) {
                slider.setValue(now.intValue());
            }
        });
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label value = new Label();
        value.setId(CAP_VALUE_ID);
        value.getStyleClass().add("models-cap-value");
        value.textProperty().bind(model.capProperty().asString("%d at once"));
        HBox row = new HBox(12, slider, value);
        row.setAlignment(Pos.CENTER_LEFT);

        Label defaults = new Label();
        defaults.getStyleClass().add(Styles.SUBTITLE);
        defaults.setWrapText(true);
        defaults.textProperty().bind(model.defaultCapTextProperty());
        Label explanation = new Label();
        explanation.setId(EXPLANATION_ID);
        explanation.setWrapText(true);
        explanation.textProperty().bind(model.explanationProperty());
        Button save = new Button("Save as default in dbb-console.yml…");
        save.setId(SAVE_ID);
        save.disableProperty().bind(model.canSaveDefaultProperty().not());
        save.setOnAction(e -> model.saveCapAsDefault());
        VBox box = new VBox(8, title, row, defaults, explanation, save);
        box.setPadding(new Insets(12, 12, 0, 12));
        return box;
    }

    private Region conductorPane() {
        Label title = new Label("Refresh conductor");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label run = new Label();
        run.setId(RUN_STATUS_ID);
        run.setWrapText(true);
        run.getStyleClass().add(Styles.SUBTITLE);
        run.textProperty().bind(model.runStatusProperty());
        Label slots = new Label();
        slots.setId(SLOTS_ID);
        slots.getStyleClass().add("models-slots");
        slots.textProperty().bind(model.slotsProperty());

        TableView<ConductorRow> table = new TableView<>(model.conductorRows());
        table.setId(CONDUCTOR_ID);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No run has reached its semantic refresh"));
        table.getColumns().add(conductor("Model", ConductorRow::model));
        table.getColumns().add(conductor("State", r -> r.state().label()));
        table.getColumns().add(conductor("Elapsed / target", ConductorRow::elapsedVsTarget));
        table.getColumns().add(conductor("Detail", ConductorRow::detail));
        table.setRowFactory(t -> new ConductorTableRow());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, title, run, slots, table);
        box.setPadding(new Insets(0, 12, 12, 12));
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static TableColumn<ModelRow, String> text(String title, java.util.function.Function<ModelRow, String> read) {
        TableColumn<ModelRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(read.apply(c.getValue())).getReadOnlyProperty());
        column.setEditable(false);
        return column;
    }

    private static TableColumn<ConductorRow, String> conductor(String title,
                                                                java.util.function.Function<ConductorRow, String> read) {
        TableColumn<ConductorRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(read.apply(c.getValue())).getReadOnlyProperty());
        return column;
    }

    /** The last-refresh cell, styled by how the refresh went. */
    private static final class HistoryCell extends TableCell<ModelRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            for (ModelRow.HistoryState state : ModelRow.HistoryState.values()) {
                pseudoClassStateChanged(pseudo(state.name()), false);
            }
            TableRow<ModelRow> row = getTableRow();
            if (empty || item == null || row == null || row.getItem() == null) {
                setText(null);
                return;
            }
            setText(item);
            pseudoClassStateChanged(pseudo(row.getItem().historyProperty().get().name()), true);
        }
    }

    /** A conductor row, styled by its state and overrun. */
    private static final class ConductorTableRow extends TableRow<ConductorRow> {
        @Override
        protected void updateItem(ConductorRow item, boolean empty) {
            super.updateItem(item, empty);
            for (ConductorState state : ConductorState.values()) {
                pseudoClassStateChanged(pseudo(state.name()), false);
            }
            pseudoClassStateChanged(OVERRUN, !empty && item != null && item.overrun());
            if (!empty && item != null) {
                pseudoClassStateChanged(pseudo(item.state().name()), true);
            }
        }
    }

    private static PseudoClass pseudo(String state) {
        return PseudoClass.getPseudoClass(state.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
