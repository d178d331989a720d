package org.dbb.console.app.dialogs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} as modal JavaFX dialogs owned by the console window. Use on the FX thread. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to (may supply null before the window exists) */
    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Back", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message, yes, no);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public boolean confirmTypedName(String title, String message, String expectedName) {
        ButtonType go = new ButtonType("Continue", ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.WARNING, title, null, go, ButtonType.CANCEL);
        TextField typed = new TextField();
        typed.setId("typed-name");
        typed.setPromptText(expectedName);
        Label text = new Label(message + "\n\nType " + expectedName + " to continue.");
        text.setWrapText(true);
        VBox content = new VBox(10, text, typed);
        content.setPrefWidth(460);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().lookupButton(go).disableProperty().bind(typed.textProperty().isNotEqualTo(expectedName));
        alert.setOnShown(e -> typed.requestFocus());
        return alert.showAndWait().filter(go::equals).isPresent() && typed.getText().equals(expectedName);
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message, ButtonType.OK).showAndWait();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterDescription,
                                         String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterDescription, "*." + extension));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(java.io.File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, message == null ? "" : message, buttons);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.getDialogPane().setMinWidth(480);
        if (message != null) {
            Label body = new Label(message);
            body.setWrapText(true);
            body.setMaxWidth(560);
            alert.getDialogPane().setContent(body);
        }
        return alert;
    }
}
