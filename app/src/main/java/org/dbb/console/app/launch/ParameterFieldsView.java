package org.dbb.console.app.launch;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import org.dbb.console.app.theme.Styles;

/**
 * The parameter fields of a launch or re-run form: name and type, the text (masked for securestrings) and the
 * inline message under it. Binds to a {@link ParameterForm}. Create and use on the FX thread.
 */
final class ParameterFieldsView extends GridPane {

    /** Node id of the text field of parameter {@code name}. */
    static String fieldId(String name) {
        return "param-" + name;
    }

    /** Node id of the inline message of parameter {@code name}. */
    static String messageId(String name) {
        return "param-" + name + "-message";
    }

    ParameterFieldsView(ParameterForm form) {
        getStyleClass().add("parameter-fields");
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().setAll(names, values);
        form.fields().addListener((ListChangeListener<ParameterField>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    rebuild(form);
                    return;
                }
            }
        });
        rebuild(form);
    }

    private void rebuild(ParameterForm form) {
        getChildren().clear();
        int row = 0;
        for (ParameterField field : form.fields()) {
            Label name = new Label(field.name());
            name.getStyleClass().add("parameter-name");
            Label type = new Label(field.type());
            type.getStyleClass().add(Styles.SUBTITLE);
            TextField text = field.secure() ? new PasswordField() : new TextField();
            text.setId(fieldId(field.name()));
            text.textProperty().bindBidirectional(field.textProperty());
            text.setPromptText(field.defaultText().isEmpty() ? field.expected() : "default " + field.defaultText());
            text.setTooltip(new Tooltip(field.name() + ": " + field.expected()
                    + (field.secure() || field.defaultText().isEmpty() ? "" : "; default " + field.defaultText())));
            Label message = new Label();
            message.setId(messageId(field.name()));
            message.getStyleClass().add("field-message");
            message.setWrapText(true);
            message.textProperty().bind(field.messageProperty());
            message.visibleProperty().bind(field.validProperty().not());
            message.managedProperty().bind(message.visibleProperty());
            field.validProperty().addListener((o, was, valid) -> text.pseudoClassStateChanged(Styles.ERROR, !valid));
            text.pseudoClassStateChanged(Styles.ERROR, !field.validProperty().get());
            add(name, 0, row);
            add(text, 1, row);
            add(type, 0, row + 1);
            add(message, 1, row + 1);
            row += 2;
        }
        if (form.fields().isEmpty()) {
            add(new Label("No parameters to set."), 0, 0, 2, 1);
        }
    }
}
