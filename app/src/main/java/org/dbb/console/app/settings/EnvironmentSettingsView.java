package org.dbb.console.app.settings;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.core.workspace.config.edit.EnvironmentField;

/**
 * The "Environments" settings page: the list of environments with add, rename and remove, the selected
 * environment's form with each setting's validator message beside it, sign-in, the connection test, and the review
 * of the diff before a save. Binds to {@link EnvironmentSettingsViewModel} and holds no logic. Create and use on
 * the FX thread.
 */
public final class EnvironmentSettingsView extends BorderPane {

    public static final String STYLESHEET = "/org/dbb/console/app/theme/settings.css";
    public static final String LIST_ID = "settings-environments";
    public static final String NEW_NAME_ID = "settings-new-name";
    public static final String NEW_WORKSPACE_ID = "settings-new-workspace";
    public static final String ADD_ID = "settings-add";
    public static final String RENAME_ID = "settings-rename";
    public static final String REMOVE_ID = "settings-remove";
    public static final String PROTECTED_ID = "settings-protected";
    public static final String WEBHOOK_DISPLAY_ID = "settings-webhook-display";
    public static final String FORM_ERRORS_ID = "settings-form-errors";
    public static final String SAVE_ID = "settings-save";
    public static final String REVERT_ID = "settings-revert";
    public static final String TEST_ID = "settings-test";
    public static final String PROGRESS_ID = "settings-progress";
    public static final String TEST_RESULT_ID = "settings-test-result";
    public static final String MISSING_ID = "settings-missing";
    public static final String SIGN_IN_ID = "settings-sign-in";
    public static final String SIGN_OUT_ID = "settings-sign-out";
    public static final String SIGN_IN_TEXT_ID = "settings-sign-in-text";
    public static final String REVIEW_ID = "settings-review";
    public static final String DIFF_ID = "settings-diff";
    public static final String NOTES_ID = "settings-notes";
    public static final String REASON_ID = "settings-reason";
    public static final String WRITE_ID = "settings-write";
    public static final String BACK_ID = "settings-back";
    public static final String STATUS_ID = "settings-status";

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final String INHERIT = "as the top level says";

    private final EnvironmentSettingsViewModel model;
    private final BorderPane formHolder = new BorderPane();

    public EnvironmentSettingsView(EnvironmentSettingsViewModel model) {
        this.model = model;
        getStyleClass().add("settings-page");
        getStylesheets().add(EnvironmentSettingsView.class.getResource(STYLESHEET).toExternalForm());
        setLeft(environmentsPane());
        VBox review = reviewPane();
        ScrollPane formScroll = new ScrollPane(formHolder);
        formScroll.setFitToWidth(true);
        StackPane center = new StackPane(formScroll, review);
        formScroll.visibleProperty().bind(review.visibleProperty().not());
        setCenter(center);
        setBottom(statusBar());
        model.formProperty().addListener((o, was, now) -> showForm(now));
        showForm(model.formProperty().get());
    }

    private VBox environmentsPane() {
        Label title = new Label("Environments");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        ListView<String> list = new ListView<>(model.environments());
        list.setId(LIST_ID);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> list.getSelectionModel().select(now));
        list.getSelectionModel().select(model.selectedProperty().get());
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId(NEW_NAME_ID);
        name.setPromptText("Name (new, or new name)");
        name.textProperty().bindBidirectional(model.newNameProperty());
        TextField workspace = new TextField();
        workspace.setId(NEW_WORKSPACE_ID);
        workspace.setPromptText("Workspace of a new environment");
        workspace.textProperty().bindBidirectional(model.newWorkspaceProperty());
        Button add = button(ADD_ID, "Add", AppIcon.ADD_ENVIRONMENT, model::reviewAdd);
        Button rename = button(RENAME_ID, "Rename", AppIcon.RENAME, model::reviewRename);
        Button remove = button(REMOVE_ID, "Remove", AppIcon.REMOVE, model::reviewRemove);
        ObservableValue<Boolean> notReady = model.stateProperty().isNotEqualTo(SettingsPageState.READY);
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> notReady.getValue()
                || model.newNameProperty().get().isBlank(), model.stateProperty(), model.newNameProperty()));
        rename.disableProperty().bind(add.disableProperty().or(model.formProperty().isNull()));
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> notReady.getValue()
                || model.formProperty().get() == null, model.stateProperty(), model.formProperty()));
        VBox pane = new VBox(8, title, list, name, workspace, new HBox(6, add, rename, remove));
        pane.getStyleClass().add("settings-environments");
        // The column is as wide as its widest row, the buttons with their whole labels, and never narrower:
        // a fixed width truncates them as soon as the theme's font or padding grows.
        pane.setMinWidth(Region.USE_PREF_SIZE);
        return pane;
    }

    private void showForm(EnvironmentForm form) {
        if (form == null) {
            Label none = new Label("No environment is selected.");
            none.getStyleClass().add(Styles.SUBTITLE);
            formHolder.setCenter(none);
            return;
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-form");
        // The labels' column takes the widest label's width, so no label is cut short either.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new ColumnConstraints(200, 420,
                Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true));
        int row = 0;
        Label title = new Label(form.name() + (form.emulator() ? " · sandbox (built-in emulator)" : ""));
        title.getStyleClass().add(Styles.TITLE);
        grid.add(title, 0, row++, 2, 1);
        for (EnvironmentField field : EnvironmentField.values()) {
            Node control = control(form, field);
            Label label = new Label(field.label());
            label.setLabelFor(control);
            Label error = new Label();
            error.setId(errorId(field));
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(form.errorProperty(field));
            error.visibleProperty().bind(form.errorProperty(field).isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            control.pseudoClassStateChanged(Styles.ERROR, !form.errorProperty(field).get().isEmpty());
            form.errorProperty(field).addListener((o, was, now) ->
                    control.pseudoClassStateChanged(Styles.ERROR, !now.isEmpty()));
            grid.add(label, 0, row);
            grid.add(new VBox(2, control, error), 1, row++);
            if (field == EnvironmentField.WEBHOOK) {
                Label shown = new Label();
                shown.setId(WEBHOOK_DISPLAY_ID);
                shown.getStyleClass().add("webhook-display");
                shown.setWrapText(true);
                shown.textProperty().bind(form.webhookDisplayProperty());
                Label hint = new Label();
                hint.getStyleClass().add(Styles.SUBTITLE);
                hint.setWrapText(true);
                hint.textProperty().bind(model.inheritedWebhookProperty());
                grid.add(new VBox(2, shown, hint), 1, row++);
            }
        }
        ListView<String> formErrors = new ListView<>(form.formErrors());
        formErrors.setId(FORM_ERRORS_ID);
        formErrors.getStyleClass().add("form-errors");
        formErrors.setPrefHeight(70);
        formErrors.visibleProperty().bind(Bindings.isNotEmpty(form.formErrors()));
        formErrors.managedProperty().bind(formErrors.visibleProperty());
        grid.add(formErrors, 0, row++, 2, 1);
        formHolder.setCenter(new VBox(12, grid, actions(), connectionPane()));
    }

    private Node control(EnvironmentForm form, EnvironmentField field) {
        Control control;
        if (field == EnvironmentField.PROTECTED) {
            CheckBox box = new CheckBox("Actions and saves need the environment's name typed (production)");
            box.setId(PROTECTED_ID);
            box.selectedProperty().bindBidirectional(form.protectedProperty());
            control = box;
        } else if (field == EnvironmentField.AUTH || field == EnvironmentField.MONITORING_STORE) {
            List<String> choices = field == EnvironmentField.AUTH ? EnvironmentSettingsViewModel.AUTH_METHODS
                    : EnvironmentSettingsViewModel.MONITORING_STORES;
            ComboBox<String> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(choices));
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(String value) {
                    return value == null || value.isEmpty() ? INHERIT : value;
                }

                @Override
                public String fromString(String text) {
                    return INHERIT.equals(text) ? "" : text;
                }
            });
            box.valueProperty().bindBidirectional(form.valueProperty(field));
            control = box;
        } else {
            TextField text = new TextField();
            text.textProperty().bindBidirectional(form.valueProperty(field));
            if (field.secret()) {
                text.setPromptText("$ENV:NAME — the value stays in the variable group or the OS environment");
            }
            control = text;
        }
        control.setId(fieldId(field));
        control.setMaxWidth(Double.MAX_VALUE);
        return control;
    }

    private HBox actions() {
        Button save = button(SAVE_ID, "Review and save…", AppIcon.SAVE, model::review);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.canSaveProperty().not());
        Button revert = button(REVERT_ID, "Revert", AppIcon.RERUN, model::revert);
        revert.disableProperty().bind(Bindings.createBooleanBinding(() -> model.formProperty().get() == null
                || model.stateProperty().get() != SettingsPageState.READY, model.formProperty(),
                model.stateProperty()));
        HBox box = new HBox(8, save, revert);
        box.getStyleClass().add("settings-actions");
        return box;
    }

    private VBox connectionPane() {
        Label title = new Label("Connection");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label signInText = new Label();
        signInText.setId(SIGN_IN_TEXT_ID);
        signInText.setWrapText(true);
        signInText.textProperty().bind(model.signInTextProperty());
        Button signIn = button(SIGN_IN_ID, "Sign in", AppIcon.SIGN_IN, model::signIn);
        signIn.disableProperty().bind(model.canSignInProperty().not());
        Button signOut = button(SIGN_OUT_ID, "Sign out", AppIcon.SIGN_OUT, model::signOut);
        signOut.disableProperty().bind(model.canSignOutProperty().not());
        Button test = button(TEST_ID, "Test connection", AppIcon.TEST_CONNECTION, model::testConnection);
        test.disableProperty().bind(model.stateProperty().isNotEqualTo(SettingsPageState.READY));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.stateProperty().isEqualTo(SettingsPageState.TESTING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = new Label();
        progress.setId(PROGRESS_ID);
        progress.setWrapText(true);
        progress.textProperty().bind(model.progressProperty());
        Label result = new Label();
        result.setId(TEST_RESULT_ID);
        result.getStyleClass().add("test-result");
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        model.testFailedProperty().addListener((o, was, now) -> result.pseudoClassStateChanged(FAILED, now));
        ListView<String> missing = new ListView<>(model.missingItems());
        missing.setId(MISSING_ID);
        missing.setPrefHeight(110);
        missing.visibleProperty().bind(Bindings.isNotEmpty(model.missingItems()));
        missing.managedProperty().bind(missing.visibleProperty());
        HBox buttons = new HBox(8, signIn, signOut, test, spinner, progress);
        VBox pane = new VBox(6, title, signInText, buttons, result, missing);
        pane.getStyleClass().add("settings-connection");
        return pane;
    }

    private VBox reviewPane() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(model.reviewTitleProperty());
        TextArea diff = new TextArea();
        diff.setId(DIFF_ID);
        diff.getStyleClass().add("diff");
        diff.setEditable(false);
        diff.textProperty().bind(model.diffProperty());
        VBox.setVgrow(diff, Priority.ALWAYS);
        ListView<String> notes = new ListView<>(model.reviewNotes());
        notes.setId(NOTES_ID);
        notes.setPrefHeight(90);
        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText("Reason, for the audit trail (optional)");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        notes.setCellFactory(list -> new NoteCell());
        Button write = button(WRITE_ID, "Write", AppIcon.SAVE, model::write);
        write.textProperty().bind(model.writeTextProperty());
        write.getStyleClass().add("accent");
        Button back = button(BACK_ID, "Back", AppIcon.CANCEL, model::cancelReview);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox pane = new VBox(8, title, diff, notes, reason, new HBox(8, spacer, back, write));
        pane.setId(REVIEW_ID);
        pane.getStyleClass().add("settings-review");
        pane.visibleProperty().bind(model.stateProperty().isEqualTo(SettingsPageState.REVIEWING)
                .or(model.stateProperty().isEqualTo(SettingsPageState.SAVING)));
        write.disableProperty().bind(model.stateProperty().isNotEqualTo(SettingsPageState.REVIEWING));
        return pane;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.statusIsErrorProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(Styles.ERROR, now));
        status.pseudoClassStateChanged(Styles.ERROR, model.statusIsErrorProperty().get());
        HBox bar = new HBox(status);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private static Button button(String id, String text, AppIcon icon, Runnable action) {
        Button button = new Button(text, icon.graphic());
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A review note, wrapped to the list's width so a long one is read whole. */
    private static final class NoteCell extends ListCell<String> {

        private final Label text = new Label();

        NoteCell() {
            text.setWrapText(true);
            text.maxWidthProperty().bind(widthProperty().subtract(24));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty || item == null ? null : text);
        }
    }

    /** The node id of a setting's control, e.g. {@code settings-field-variableGroup-id}. */
    public static String fieldId(EnvironmentField field) {
        return "settings-field-" + field.path().replace('.', '-');
    }

    /** The node id of a setting's validator message. */
    public static String errorId(EnvironmentField field) {
        return "settings-error-" + field.path().replace('.', '-');
    }
}
