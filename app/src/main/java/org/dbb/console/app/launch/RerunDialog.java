package org.dbb.console.app.launch;

import java.util.Locale;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.core.plan.RerunMode;

/**
 * The re-run dialog: the original run as a link, what to repeat (the stage only, from the stage on, only the
 * failed items) and which stage, the original's parameters to override and a reason on the left, the dry run with
 * what is reused and what runs again on the right. Binds to a {@link RerunViewModel}; the approved re-run goes to
 * the receiver the view model was given. Create and use on the FX thread.
 */
public final class RerunDialog extends FramedDialog {

    /** Node ids that page objects look up. */
    public static final String ROOT_ID = "rerun-dialog";
    public static final String ORIGINAL_ID = "rerun-original";
    public static final String STAGE_ID = "rerun-stage";
    public static final String PREVIEW_ID = "rerun-preview";
    public static final String RERUN_ID = "rerun-rerun";
    public static final String CANCEL_ID = "rerun-cancel";
    public static final String STATUS_ID = "rerun-status";
    public static final String REASON_ID = "rerun-reason";

    /** Node id of the choice for {@code mode}. */
    public static String modeId(RerunMode mode) {
        return "rerun-mode-" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final Map<RerunMode, String> MODE_WORDS = Map.of(
            RerunMode.STAGE_ONLY, "Only this stage",
            RerunMode.FROM_STAGE, "This stage and every later one",
            RerunMode.ONLY_FAILED, "Only the failed items of the failed stage");

    private final RerunViewModel model;

    public RerunDialog(RerunViewModel model) {
        this.model = model;
        frame(DialogWindow.framing(ROOT_ID, header(), form(), model.planPreview(), buttons(),
                model.titleProperty().get(), model.launchedProperty(), model::close));
    }

    private Region header() {
        Label title = new Label("Re-run part of run", AppIcon.RERUN.graphic());
        title.getStyleClass().add(Styles.TITLE);
        Hyperlink original = new Hyperlink(model.originalRunId());
        original.setId(ORIGINAL_ID);
        original.getStyleClass().add(Styles.TITLE);
        original.setDisable(!model.canOpenOriginal());
        original.setOnAction(e -> model.openOriginal());
        Label where = note("in " + model.environment());
        Label summary = note("");
        summary.textProperty().bind(model.originalSummaryProperty());
        HBox line = new HBox(6, title, original, where);
        line.setAlignment(Pos.BASELINE_LEFT);
        VBox header = new VBox(2, line, summary);
        header.getStyleClass().add(Styles.HEADER);
        addProtectedBadge(header, model);
        return header;
    }

    private Region form() {
        ToggleGroup modes = new ToggleGroup();
        VBox modeBox = new VBox(6);
        for (RerunMode mode : RerunMode.values()) {
            RadioButton choice = new RadioButton(MODE_WORDS.get(mode));
            choice.setId(modeId(mode));
            choice.setUserData(mode);
            choice.setToggleGroup(modes);
            choice.setSelected(model.modeProperty().get() == mode);
            if (mode == RerunMode.ONLY_FAILED) {
                choice.setDisable(!model.onlyFailedAvailable());
            }
            modeBox.getChildren().add(choice);
        }
        modes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.modeProperty().set((RerunMode) now.getUserData());
            }
        });
        model.modeProperty().addListener((o, was, now) -> modes.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        Label failed = note(model.onlyFailedAvailable()
                ? "Failed: " + String.join(", ", model.failedItems())
                : "No semantic model or fan-out item failed on its own in this run.");
        Label modeMessage = new Label();
        modeMessage.getStyleClass().add("field-message");
        modeMessage.textProperty().bind(model.modeMessageProperty());
        modeMessage.setWrapText(true);
        modeMessage.visibleProperty().bind(model.modeMessageProperty().isNotEmpty());
        modeMessage.managedProperty().bind(modeMessage.visibleProperty());

        ComboBox<String> stage = new ComboBox<>(model.stages());
        stage.setId(STAGE_ID);
        stage.valueProperty().bindBidirectional(model.stageProperty());
        stage.disableProperty().bind(model.stageChoosableProperty().not());
        HBox stageRow = new HBox(8, new Label("Stage"), stage);
        stageRow.setAlignment(Pos.CENTER_LEFT);

        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText("optional, e.g. dbt fix deployed");
        reason.textProperty().bindBidirectional(model.reasonProperty());

        return scrollingForm(new VBox(8, section("What to re-run"), modeBox, failed, modeMessage, stageRow,
                section("Parameters (the original run's values)"),
                new ParameterFieldsView(model.form()),
                note("Maintenance, models and the refresh cap stay as the original run had them."),
                new Label("Reason (for the audit trail and the release note)"), reason), model);
    }

    private Region buttons() {
        Button rerun = new Button("Re-run", AppIcon.RERUN.graphic());
        rerun.setId(RERUN_ID);
        rerun.setOnAction(e -> model.rerun());
        return buttonRow(model, STATUS_ID, CANCEL_ID, PREVIEW_ID, rerun);
    }
}
