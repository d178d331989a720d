package org.dbb.console.app.launch;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;

/**
 * The launch dialog: the master pipeline's parameters, maintenance, models, concurrency cap and reason on the left,
 * the dry run on the right, Preview and Launch below. Binds to a {@link LaunchViewModel}; the approved run goes to
 * the receiver the view model was given. Create and use on the FX thread.
 */
public final class LaunchDialog extends FramedDialog {

    /** Node ids that page objects look up. */
    public static final String ROOT_ID = "launch-dialog";
    public static final String PREVIEW_ID = "launch-preview";
    public static final String LAUNCH_ID = "launch-launch";
    public static final String CANCEL_ID = "launch-cancel";
    public static final String STATUS_ID = "launch-status";
    public static final String MAINTENANCE_ID = "launch-maintenance";
    public static final String MODELS_ID = "launch-models";
    public static final String CAP_ID = "launch-cap";
    public static final String REASON_ID = "launch-reason";

    private final LaunchViewModel model;

    public LaunchDialog(LaunchViewModel model) {
        this.model = model;
        frame(DialogWindow.framing(ROOT_ID, header(), form(), model.planPreview(), buttons(),
                model.titleProperty().get(), model.launchedProperty(), model::close));
    }

    private Region header() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(model.titleProperty());
        title.setGraphic(AppIcon.RUN.graphic());
        HBox header = new HBox(12, title);
        header.getStyleClass().add(Styles.HEADER);
        header.setAlignment(Pos.CENTER_LEFT);
        addProtectedBadge(header, model);
        return header;
    }

    private Region form() {
        Label parameters = section("Parameters");
        ParameterFieldsView fields = new ParameterFieldsView(model.form());

        Label options = section("Options");
        CheckBox maintenance = new CheckBox("Run the maintenance stage");
        maintenance.setId(MAINTENANCE_ID);
        maintenance.selectedProperty().bindBidirectional(model.maintenanceProperty());
        maintenance.disableProperty().bind(model.maintenanceAvailableProperty().not());

        Label modelsTitle = new Label("Semantic models to refresh");
        ListView<ModelChoice> models = new ListView<>(model.models());
        models.setId(MODELS_ID);
        models.setPrefHeight(150);
        models.setCellFactory(CheckBoxListCell.forListView(ModelChoice::selectedProperty));
        Button all = new Button("All");
        all.setOnAction(e -> model.selectAllModels());
        Button none = new Button("None");
        none.setOnAction(e -> model.selectNoModels());
        Label modelsNote = note(model.modelsNoteProperty().get());
        modelsNote.textProperty().bind(model.modelsNoteProperty());
        HBox modelButtons = new HBox(6, all, none, modelsNote);
        modelButtons.setAlignment(Pos.CENTER_LEFT);

        Label capTitle = new Label("Refreshes at once");
        Spinner<Integer> cap = new Spinner<>();
        cap.setId(CAP_ID);
        cap.setEditable(true);
        cap.setValueFactory(new CapValueFactory(model.defaultCapProperty()));
        cap.getValueFactory().valueProperty().bindBidirectional(model.capProperty());
        cap.getEditor().promptTextProperty().bind(model.defaultCapProperty().asString());
        Label capDefault = note("");
        capDefault.textProperty().bind(model.capDefaultProperty());
        Label capMessage = new Label();
        capMessage.getStyleClass().add("field-message");
        capMessage.textProperty().bind(model.capMessageProperty());
        capMessage.visibleProperty().bind(model.capMessageProperty().isNotEmpty());
        capMessage.managedProperty().bind(capMessage.visibleProperty());
        HBox capRow = new HBox(8, cap, capDefault);
        capRow.setAlignment(Pos.CENTER_LEFT);

        Label reasonTitle = new Label("Reason (for the audit trail and the release note)");
        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText("optional, e.g. reload after the ERP outage");
        reason.textProperty().bindBidirectional(model.reasonProperty());

        return scrollingForm(new VBox(8, parameters, fields, options, maintenance, modelsTitle, models,
                modelButtons, capTitle, capRow, capMessage, reasonTitle, reason), model);
    }

    private Region buttons() {
        Button launch = new Button("Launch", AppIcon.RUN.graphic());
        launch.setId(LAUNCH_ID);
        launch.setOnAction(e -> model.launch());
        return buttonRow(model, STATUS_ID, CANCEL_ID, PREVIEW_ID, launch);
    }
}
