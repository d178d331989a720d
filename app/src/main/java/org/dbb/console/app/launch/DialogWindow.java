package org.dbb.console.app.launch;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.dbb.console.app.theme.Styles;

/**
 * The window a launch or re-run dialog lives in: modal to the console window, closed when the run was handed over
 * or the operator cancels, calling {@code onHidden} either way. Create and use on the FX thread.
 */
final class DialogWindow {

    static final String STYLESHEET = "/org/dbb/console/app/theme/launch.css";

    private final Stage stage = new Stage();

    DialogWindow(Parent root, String title, ObservableBooleanValue handedOver, Runnable onHidden) {
        root.getStylesheets().addAll(stylesheet(Styles.STYLESHEET), stylesheet(STYLESHEET));
        stage.setTitle(title);
        stage.setScene(new Scene(root, 1180, 760));
        stage.setOnHidden(e -> onHidden.run());
        handedOver.addListener((o, was, now) -> {
            if (now) {
                stage.close();
            }
        });
    }

    /**
     * The window of a launch-like dialog: the header on top, the form beside the plan preview, the buttons below.
     *
     * @param rootId the root node's id, for page objects
     */
    static DialogWindow framing(String rootId, Region header, Region form, PlanPreview preview, Region buttons,
                                String title, ObservableBooleanValue handedOver, Runnable onHidden) {
        BorderPane root = new BorderPane();
        root.setId(rootId);
        root.getStyleClass().add("launch-dialog");
        root.setTop(header);
        SplitPane body = new SplitPane(form, new PlanPreviewView(preview));
        body.setDividerPositions(0.42);
        root.setCenter(body);
        root.setBottom(buttons);
        return new DialogWindow(root, title, handedOver, onHidden);
    }

    private static String stylesheet(String resource) {
        return DialogWindow.class.getResource(resource).toExternalForm();
    }

    void show(Window owner) {
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.show();
        stage.toFront();
    }

    void close() {
        stage.close();
    }

    Stage stage() {
        return stage;
    }
}
