package org.dbb.console.app.runs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.app.timeline.TimelinePane;
import org.dbb.console.core.history.RunHistoryEntry;
import org.dbb.console.core.history.RunHistoryStatus;
import org.dbb.console.core.history.RunOrigin;

/**
 * The Runs page: action bar with the live run's headline, the run history on the left (console and Fabric runs),
 * the stage timeline with step details in the middle, and the run's alerts below. Binds to {@link RunsViewModel};
 * holds no logic. Create and use on the FX thread.
 */
public final class RunsView extends BorderPane {

    public static final String LAUNCH_ID = "runs-launch";
    public static final String CANCEL_ID = "runs-cancel";
    public static final String RERUN_ID = "runs-rerun";
    public static final String RESUME_ID = "runs-resume";
    public static final String ROWS_ID = "runs-rows";
    public static final String HEADLINE_ID = "runs-headline";
    public static final String HISTORY_ID = "runs-history";
    public static final String ALERTS_ID = "runs-alerts";
    public static final String MESSAGE_ID = "runs-message";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm")
            .withZone(ZoneId.systemDefault());

    public RunsView(RunsViewModel model, TimelinePane timeline) {
        getStyleClass().add("runs-page");
        getStylesheets().add(RunsView.class.getResource("/org/dbb/console/app/theme/runs.css").toExternalForm());
        RunSessionViewModel active = model.active();

        Button launch = button(LAUNCH_ID, "Launch…", AppIcon.RUN, "Launch the master pipeline (Ctrl+L)");
        launch.setOnAction(e -> model.launch());
        launch.disableProperty().bind(active.runningProperty());
        Button cancel = button(CANCEL_ID, "Cancel run", AppIcon.CANCEL, "Cancel the active run (Ctrl+.)");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(active.runningProperty().not().or(active.cancellingProperty()));
        Button rerun = button(RERUN_ID, "Re-run…", AppIcon.RERUN,
                "Re-run the shown run's failed stage, from it onward, or only its failed items (Ctrl+Shift+R)");
        rerun.setOnAction(e -> model.rerun());
        Button resume = button(RESUME_ID, "Resume", AppIcon.RELOAD, "Resume an interrupted run under its own id");
        resume.setOnAction(e -> model.resume());
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || model.selectedProperty().get().status() != RunHistoryStatus.INTERRUPTED, model.selectedProperty()));
        Button rows = button(ROWS_ID, "Monitoring rows", AppIcon.MONITORING, "Show this run's monitoring rows");
        rows.setOnAction(e -> model.showRows());
        rows.disableProperty().bind(model.shownProperty().isNull());
        Button live = button("runs-live", "Live run", AppIcon.STAGE, "Show the run this window is running");
        live.setOnAction(e -> model.showActive());
        live.disableProperty().bind(active.runningProperty().not());

        Label headline = new Label();
        headline.setId(HEADLINE_ID);
        headline.textProperty().bind(active.headlineProperty());
        headline.getStyleClass().add("runs-headline");
        headline.setWrapText(true);
        headline.setMinWidth(0);
        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.SUBTITLE);
        VBox texts = new VBox(2, headline, message);
        HBox.setHgrow(texts, Priority.ALWAYS);
        HBox bar = new HBox(8, launch, cancel, rerun, resume, live, rows, texts);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        bar.getStyleClass().add("runs-bar");
        setTop(bar);

        ListView<RunHistoryEntry> history = new ListView<>(model.history());
        history.setId(HISTORY_ID);
        history.setCellFactory(list -> new HistoryCell());
        history.setPlaceholder(new Label("No runs yet in this environment."));
        history.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                model.selectedProperty().set(entry);
            }
        });
        model.selectedProperty().addListener((obs, old, entry) -> {
            if (entry == null) {
                history.getSelectionModel().clearSelection();
            }
        });
        Label historyTitle = new Label("Run history");
        historyTitle.getStyleClass().add(Styles.SECTION_TITLE);
        Label historyStatus = new Label();
        historyStatus.textProperty().bind(model.historyStatusProperty());
        historyStatus.getStyleClass().add(Styles.SUBTITLE);
        historyStatus.setWrapText(true);
        VBox left = new VBox(6, historyTitle, historyStatus, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(240);

        model.shownProperty().addListener((obs, old, run) -> {
            if (run != null) {
                timeline.show(run);
            }
        });
        ListView<RunAlert> alerts = new ListView<>(active.alerts());
        alerts.setId(ALERTS_ID);
        alerts.setCellFactory(list -> new AlertCell());
        alerts.setPlaceholder(new Label("No failures, overruns or breaches in this run."));
        alerts.setPrefHeight(110);
        Region placeholder = new VBox(new Label("Launch a run, or choose one in the history."));
        ((VBox) placeholder).setAlignment(Pos.CENTER);
        VBox center = new VBox(timeline, alerts);
        VBox.setVgrow(timeline, Priority.ALWAYS);

        SplitPane split = new SplitPane(left, center);
        split.setDividerPositions(0.24);
        setCenter(split);
    }

    private static Button button(String id, String text, AppIcon icon, String tip) {
        Button button = new Button(text, icon.graphic());
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** One history line: status, who started it, when, and how it links to other runs. */
    private static final class HistoryCell extends ListCell<RunHistoryEntry> {
        @Override
        protected void updateItem(RunHistoryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("run-failed", "run-succeeded", "run-running", "run-interrupted");
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String origin = entry.origin() == RunOrigin.FABRIC ? "Fabric" : "console";
            StringBuilder text = new StringBuilder(entry.status().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" · ").append(entry.start().map(WHEN::format).orElse("not started"))
                    .append(entry.duration().map(d -> " · " + Durations.words(d)).orElse(""))
                    .append('\n').append(origin).append(" · ").append(entry.startedBy()).append(" · ")
                    .append(entry.runId());
            entry.rerunOf().ifPresent(r -> text.append("\nre-runs ").append(r));
            if (!entry.rerunBy().isEmpty()) {
                text.append("\nre-run by ").append(String.join(", ", entry.rerunBy()));
            }
            setText(text.toString());
            setGraphic((switch (entry.status()) {
                case SUCCEEDED -> AppIcon.OK;
                case FAILED -> AppIcon.ERROR;
                case CANCELLED, DEDUPED -> AppIcon.CANCEL;
                case INTERRUPTED -> AppIcon.WARNING;
                default -> AppIcon.WAITING;
            }).graphic());
            getStyleClass().add(switch (entry.status()) {
                case SUCCEEDED -> "run-succeeded";
                case FAILED, CANCELLED -> "run-failed";
                case INTERRUPTED -> "run-interrupted";
                default -> "run-running";
            });
        }
    }

    /** One alert: its title and the service's detail. */
    private static final class AlertCell extends ListCell<RunAlert> {
        @Override
        protected void updateItem(RunAlert alert, boolean empty) {
            super.updateItem(alert, empty);
            if (empty || alert == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(alert.title() + (alert.detail().isEmpty() ? "" : " — " + alert.detail()));
            setGraphic((alert.kind() == RunAlert.Kind.OVERRUN || alert.kind() == RunAlert.Kind.BREACH
                    ? AppIcon.WARNING : AppIcon.ERROR).graphic());
        }
    }
}
