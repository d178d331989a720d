package org.dbb.console.app.retry;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;

/**
 * The "Retry policies" page: filter bar, bulk-edit bar, the editable table of every activity, the selected
 * activity's attempt schedule, the push pane, and the review of the diffs before a save. Binds to
 * {@link RetryPolicyViewModel} and holds no logic. Create and use on the FX thread.
 */
public final class RetryPolicyView extends BorderPane {

    public static final String STYLESHEET = "/org/dbb/console/app/theme/retry.css";
    public static final String TABLE_ID = "retry-table";
    public static final String PIPELINE_FILTER_ID = "retry-pipeline-filter";
    public static final String TYPE_FILTER_ID = "retry-type-filter";
    public static final String TEXT_FILTER_ID = "retry-text-filter";
    public static final String CHANGED_ONLY_ID = "retry-changed-only";
    public static final String PENDING_ID = "retry-pending";
    public static final String BULK_RETRY_ID = "retry-bulk-retry";
    public static final String BULK_INTERVAL_ID = "retry-bulk-interval";
    public static final String BULK_TIMEOUT_ID = "retry-bulk-timeout";
    public static final String BULK_FILTERED_ID = "retry-bulk-filtered";
    public static final String BULK_SELECTED_ID = "retry-bulk-selected";
    public static final String RESET_ID = "retry-reset";
    public static final String REVERT_ID = "retry-revert";
    public static final String SCHEDULE_ID = "retry-schedule";
    public static final String WORST_CASE_ID = "retry-worst-case";
    public static final String PROBLEMS_ID = "retry-problems";
    public static final String STATUS_ID = "retry-status";
    public static final String SAVE_ID = "retry-save";
    public static final String REVIEW_ID = "retry-review";
    public static final String DIFF_ID = "retry-diff";
    public static final String REASON_ID = "retry-reason";
    public static final String WRITE_ID = "retry-write";
    public static final String BACK_ID = "retry-back";
    public static final String PUSH_ENV_ID = "retry-push-env";
    public static final String PUSH_ID = "retry-push";
    public static final String PROGRESS_ID = "retry-progress";
    public static final String PUSH_REPORT_ID = "retry-push-report";
    public static final String RETRY_COLUMN_ID = "retry-column";
    public static final String INTERVAL_COLUMN_ID = "interval-column";
    public static final String TIMEOUT_COLUMN_ID = "timeout-column";

    private static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");

    public RetryPolicyView(RetryPolicyViewModel model) {
        getStyleClass().add("retry-page");
        getStylesheets().add(RetryPolicyView.class.getResource(STYLESHEET).toExternalForm());
        setTop(new VBox(header(), filterBar(model), bulkBar(model)));
        TableView<PolicyRow> table = table(model);
        SplitPane split = new SplitPane(table, sidePane(model));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        VBox reviewPane = reviewPane(model);
        StackPane center = new StackPane(split, reviewPane);
        reviewPane.visibleProperty().bind(model.stateProperty().isEqualTo(RetryPageState.REVIEWING));
        split.disableProperty().bind(reviewPane.visibleProperty());
        setCenter(center);
        setBottom(footer(model));
    }

    private static Label header() {
        Label title = new Label("Retry policies", AppIcon.RETRY.graphic());
        title.getStyleClass().add(Styles.TITLE);
        return title;
    }

    private static HBox filterBar(RetryPolicyViewModel model) {
        ComboBox<String> pipeline = choice(model.pipelines(), "All pipelines");
        pipeline.setId(PIPELINE_FILTER_ID);
        pipeline.valueProperty().bindBidirectional(model.pipelineFilterProperty());
        ComboBox<String> type = choice(model.types(), "All types");
        type.setId(TYPE_FILTER_ID);
        type.valueProperty().bindBidirectional(model.typeFilterProperty());
        TextField text = new TextField();
        text.setId(TEXT_FILTER_ID);
        text.setPromptText("Filter by activity or type");
        text.textProperty().bindBidirectional(model.textFilterProperty());
        CheckBox changed = new CheckBox("Changed only");
        changed.setId(CHANGED_ONLY_ID);
        changed.selectedProperty().bindBidirectional(model.changedOnlyProperty());
        Label pending = new Label();
        pending.setId(PENDING_ID);
        pending.textProperty().bind(model.pendingSummaryProperty());
        pending.getStyleClass().add(Styles.BADGE);
        pending.pseudoClassStateChanged(Styles.ERROR, false);
        model.invalidProperty().addListener((o, a, b) -> pending.pseudoClassStateChanged(Styles.ERROR,
                b.intValue() > 0));
        HBox bar = new HBox(8, pipeline, type, text, changed, spacer(), pending);
        bar.getStyleClass().add("retry-bar");
        return bar;
    }

    private static ComboBox<String> choice(javafx.collections.ObservableList<String> values, String allLabel) {
        ComboBox<String> box = new ComboBox<>();
        Runnable fill = () -> {
            String keep = box.getValue();
            box.getItems().setAll(values);
            box.getItems().add(0, RetryPolicyViewModel.ALL);
            box.setValue(keep);
        };
        values.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? allLabel : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }

    private static HBox bulkBar(RetryPolicyViewModel model) {
        TextField retry = field(BULK_RETRY_ID, "retries", model.bulkRetryProperty(), 70);
        TextField interval = field(BULK_INTERVAL_ID, "interval s", model.bulkIntervalProperty(), 80);
        TextField timeout = field(BULK_TIMEOUT_ID, "D.HH:MM:SS", model.bulkTimeoutProperty(), 100);
        Button filtered = new Button("Set on filtered");
        filtered.setId(BULK_FILTERED_ID);
        filtered.disableProperty().bind(model.canBulkProperty().not());
        filtered.setOnAction(e -> model.applyBulk(BulkScope.FILTERED));
        Button selected = new Button("Set on selected");
        selected.setId(BULK_SELECTED_ID);
        selected.disableProperty().bind(model.canBulkProperty().not().or(Bindings.isEmpty(model.selection())));
        selected.setOnAction(e -> model.applyBulk(BulkScope.SELECTED));
        Button reset = new Button("Reset selected to 3 retries / 30 s");
        reset.setId(RESET_ID);
        reset.disableProperty().bind(Bindings.isEmpty(model.selection()));
        reset.setOnAction(e -> model.resetToDefault(BulkScope.SELECTED));
        Button revert = new Button("Revert selected");
        revert.setId(REVERT_ID);
        revert.disableProperty().bind(Bindings.isEmpty(model.selection()));
        revert.setOnAction(e -> model.revert(BulkScope.SELECTED));
        Label error = new Label();
        error.getStyleClass().add("retry-error");
        error.textProperty().bind(model.bulkErrorProperty());
        error.setWrapText(true);
        HBox bar = new HBox(8, new Label("Bulk:"), retry, interval, timeout, filtered, selected, reset, revert, error);
        bar.getStyleClass().add("retry-bar");
        return bar;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value,
                                   double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static TableView<PolicyRow> table(RetryPolicyViewModel model) {
        TableView<PolicyRow> table = new TableView<>(model.filteredRows());
        table.setId(TABLE_ID);
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No activity matches the filters."));
        table.getColumns().add(text("Pipeline", PolicyRow::pipeline, 190));
        table.getColumns().add(text("Activity", PolicyRow::path, 260));
        table.getColumns().add(text("Type", PolicyRow::type, 130));
        table.getColumns().add(editable("Retries", RETRY_COLUMN_ID, PolicyField.RETRY, 70));
        table.getColumns().add(editable("Interval (s)", INTERVAL_COLUMN_ID, PolicyField.INTERVAL, 85));
        table.getColumns().add(editable("Timeout", TIMEOUT_COLUMN_ID, PolicyField.TIMEOUT, 100));
        TableColumn<PolicyRow, String> attempts = new TableColumn<>("Attempts");
        attempts.setCellValueFactory(c -> c.getValue().wordingProperty());
        attempts.setPrefWidth(190);
        table.getColumns().add(attempts);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PolicyRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(INACTIVE, !empty && row != null && row.inactive());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<PolicyRow>) c ->
                model.selection().setAll(table.getSelectionModel().getSelectedItems()));
        return table;
    }

    private static TableColumn<PolicyRow, String> text(String title, Function<PolicyRow, String> value,
                                                       double width) {
        TableColumn<PolicyRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setEditable(false);
        return column;
    }

    private static TableColumn<PolicyRow, String> editable(String title, String id, PolicyField field,
                                                           double width) {
        TableColumn<PolicyRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(c -> switch (field) {
            case RETRY -> c.getValue().retryProperty();
            case INTERVAL -> c.getValue().intervalProperty();
            case TIMEOUT -> c.getValue().timeoutProperty();
        });
        column.setCellFactory(c -> new PolicyCell(field));
        column.setPrefWidth(width);
        column.setEditable(true);
        return column;
    }

    private static VBox sidePane(RetryPolicyViewModel model) {
        Label scheduleTitle = new Label("Attempt schedule");
        scheduleTitle.getStyleClass().add(Styles.SECTION_TITLE);
        Label worst = new Label();
        worst.setId(WORST_CASE_ID);
        worst.setWrapText(true);
        worst.getStyleClass().add("retry-worst-case");
        worst.textProperty().bind(model.worstCaseProperty());
        ListView<String> schedule = new ListView<>(model.schedule());
        schedule.setId(SCHEDULE_ID);
        schedule.setPrefHeight(170);
        Label pushTitle = new Label("Push to environment");
        pushTitle.getStyleClass().add(Styles.SECTION_TITLE);
        ComboBox<String> env = new ComboBox<>(model.environments());
        env.setId(PUSH_ENV_ID);
        env.valueProperty().bindBidirectional(model.pushEnvironmentProperty());
        Button push = new Button();
        push.setId(PUSH_ID);
        push.setGraphic(AppIcon.RUN.graphic());
        push.textProperty().bind(Bindings.when(model.canPushProperty()).then(model.pushTargetProperty())
                .otherwise("Push"));
        push.disableProperty().bind(model.canPushProperty().not());
        Label why = new Label();
        why.setWrapText(true);
        why.getStyleClass().add("retry-hint");
        why.textProperty().bind(Bindings.when(model.canPushProperty()).then("").otherwise(model.pushTargetProperty()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.stateProperty().isEqualTo(RetryPageState.PUSHING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = new Label();
        progress.setId(PROGRESS_ID);
        progress.setWrapText(true);
        progress.textProperty().bind(model.progressProperty());
        ListView<String> report = new ListView<>(model.pushReport());
        report.setId(PUSH_REPORT_ID);
        report.setPrefHeight(150);
        VBox side = new VBox(6, scheduleTitle, worst, schedule, pushTitle, new HBox(6, env, push), why,
                new HBox(6, spinner, progress), report);
        side.getStyleClass().add("retry-side");
        VBox.setVgrow(report, Priority.ALWAYS);
        return side;
    }

    private static VBox reviewPane(RetryPolicyViewModel model) {
        Label title = new Label("Review the changes before writing them");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        TextArea diff = new TextArea();
        diff.setId(DIFF_ID);
        diff.setEditable(false);
        diff.getStyleClass().add("retry-diff");
        diff.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n\n", model.diffs().stream()
                .map(FileDiff::text).toList()), model.diffs()));
        VBox.setVgrow(diff, Priority.ALWAYS);
        Button write = new Button("Write the files");
        write.setId(WRITE_ID);
        write.setDefaultButton(true);
        write.setOnAction(e -> model.confirmSave());
        Button back = new Button("Back to editing");
        back.setId(BACK_ID);
        back.setCancelButton(true);
        back.setOnAction(e -> model.cancelReview());
        VBox pane = new VBox(8, title, diff, new HBox(8, write, back));
        pane.setId(REVIEW_ID);
        pane.getStyleClass().add("retry-review");
        return pane;
    }

    private static VBox footer(RetryPolicyViewModel model) {
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId(PROBLEMS_ID);
        problems.setPrefHeight(70);
        problems.getStyleClass().add("retry-problems");
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText("Reason (optional, for the audit trail and the release note)");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button save = new Button("Review and save…");
        save.setId(SAVE_ID);
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.review());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.statusIsErrorProperty().addListener((o, a, b) -> status.pseudoClassStateChanged(Styles.ERROR, b));
        VBox footer = new VBox(6, problems, new HBox(8, reason, save), status);
        footer.getStyleClass().add(Styles.STATUS_BAR);
        return footer;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
