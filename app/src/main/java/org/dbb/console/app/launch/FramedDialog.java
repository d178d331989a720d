package org.dbb.console.app.launch;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;

/**
 * A launch-style dialog living in a {@link DialogWindow}: opening, closing and the window, plus the parts the launch
 * and re-run dialogs lay out alike (protected badge, scrolling form, status and button row); they build their
 * content and hand the frame over once. Create and use on the FX thread.
 */
public abstract class FramedDialog {

    private DialogWindow window;

    /** Called once from the subclass's constructor, when its content is built. */
    final void frame(DialogWindow framed) {
        this.window = framed;
    }

    /** Opens the dialog modal to {@code owner} (the console window) and returns at once. */
    public void show(Window owner) {
        window.show(owner);
    }

    /** Closes the dialog; a run previewed and not started is closed with it. */
    public void close() {
        window.close();
    }

    /** The dialog's window, e.g. to wait for it to close. */
    public Stage stage() {
        return window.stage();
    }

    /** Adds the badge that warns Preview will ask for the name of a protected environment; none elsewhere. */
    static void addProtectedBadge(Pane header, PreviewedRunViewModel model) {
        if (model.protectedEnvironment()) {
            Label badge = new Label("protected: Preview asks for the environment's name", AppIcon.PROTECTED.graphic());
            badge.getStyleClass().add(Styles.BADGE);
            badge.pseudoClassStateChanged(Styles.PROTECTED, true);
            header.getChildren().add(badge);
        }
    }

    /** The form in a scroll pane, disabled until the parameters are read and once the run is handed over. */
    static ScrollPane scrollingForm(VBox form, PreviewedRunViewModel model) {
        form.getStyleClass().add("launch-form");
        form.disableProperty().bind(model.loadedProperty().not().or(model.launchedProperty()));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /**
     * The bottom row: the status sentence, Cancel, Preview and the button that hands the run over ({@code handOver},
     * with its id, label and action set), each enabled by the view model's rules.
     */
    final Region buttonRow(PreviewedRunViewModel model, String statusId, String cancelId, String previewId,
                           Button handOver) {
        Label status = new Label();
        status.setId(statusId);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId(cancelId);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close());
        Button preview = new Button("Preview", AppIcon.PREVIEW.graphic());
        preview.setId(previewId);
        preview.disableProperty().bind(model.canPreviewProperty().not());
        preview.setOnAction(e -> model.preview());
        handOver.setDefaultButton(true);
        handOver.disableProperty().bind(model.canHandOver().not());
        HBox bar = new HBox(8, status, cancel, preview, handOver);
        bar.getStyleClass().add("dialog-buttons");
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SECTION_TITLE);
        return label;
    }

    static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SUBTITLE);
        label.setWrapText(true);
        return label;
    }
}
