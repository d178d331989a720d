package org.dbb.console.app.params.picker;

import java.util.Optional;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.picker.CompletionCandidate;

/**
 * Shows {@code $items}/{@code $workspace} completions in a popup under a text field while a variable is typed;
 * choosing one replaces the value and, when more is to come (a type, then a name, then an attribute), offers the
 * next step. Binds a {@link VariableCompletionModel}; create and use on the FX thread.
 */
public final class VariableCompletionPopup {

    /** Style class of one completion, and of the menu. */
    public static final String CANDIDATE = "param-completion";
    public static final String MENU = "param-completions";

    private static final String STYLESHEET = VariableCompletionPopup.class
            .getResource("/org/dbb/console/app/theme/param-entries.css").toExternalForm();

    private final TextField field;
    private final VariableCompletionModel model;
    private final ContextMenu menu = new ContextMenu();

    private VariableCompletionPopup(TextField field, VariableCompletionModel model) {
        this.field = field;
        this.model = model;
        menu.getStyleClass().add(MENU);
        menu.getScene().getStylesheets().add(STYLESHEET);
        menu.setAutoHide(true);
        model.candidates().addListener((ListChangeListener<CompletionCandidate>) c -> refresh());
        field.textProperty().addListener(o -> typed());
        field.caretPositionProperty().addListener(o -> typed());
        field.focusedProperty().addListener((obs, old, now) -> {
            if (!now) {
                menu.hide();
            }
        });
    }

    /** Offers completions under {@code field} from the items {@code items} supplies when typing. */
    public static VariableCompletionPopup attach(TextField field, Supplier<Optional<ItemScan>> items) {
        return new VariableCompletionPopup(field, new VariableCompletionModel(items));
    }

    private void typed() {
        String text = field.getText() == null ? "" : field.getText();
        int caret = Math.min(field.getCaretPosition(), text.length());
        model.update(text.substring(0, caret));
    }

    private void refresh() {
        menu.getItems().clear();
        for (CompletionCandidate candidate : model.candidates()) {
            Label label = new Label(candidate.label());
            label.getStyleClass().add("param-completion-label");
            Label detail = new Label(candidate.problem().orElse(candidate.detail()));
            detail.getStyleClass().add("param-completion-detail");
            // The menu stays open on a choice: it then shows the next step (names after a type, and so on).
            CustomMenuItem item = new CustomMenuItem(new VBox(1, label, detail), false);
            item.getStyleClass().add(CANDIDATE);
            item.setDisable(!candidate.usable());
            candidate.problem().ifPresent(p -> Tooltip.install(item.getContent(), new Tooltip(p)));
            item.setOnAction(e -> choose(candidate));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty() || !field.isFocused() || field.getScene() == null) {
            menu.hide();
        } else if (!menu.isShowing()) {
            menu.show(field, Side.BOTTOM, 0, 0);
        }
    }

    private void choose(CompletionCandidate candidate) {
        String text = model.choose(candidate, field.getText());
        field.setText(text);
        field.positionCaret(text.length());
        field.requestFocus();
    }
}
