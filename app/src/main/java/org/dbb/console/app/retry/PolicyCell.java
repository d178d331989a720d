package org.dbb.console.app.retry;

import java.util.Optional;

import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * A retry-policy value in the table: edited in place, marked invalid while the text typed breaks Fabric's limits
 * (checked at every keystroke), marked changed when it differs from the file. Commits on Enter or when focus
 * leaves; Escape cancels. FX thread only.
 */
final class PolicyCell extends TableCell<PolicyRow, String> {

    static final String STYLE_CLASS = "policy-cell";
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final PolicyField field;
    private TextField editor;

    PolicyCell(PolicyField field) {
        this.field = field;
        getStyleClass().add(STYLE_CLASS);
    }

    @Override
    public void startEdit() {
        if (!isEditable() || !getTableView().isEditable() || !getTableColumn().isEditable() || row() == null
                || !row().retryable()) {
            return;
        }
        super.startEdit();
        editor = new TextField(getItem());
        editor.getStyleClass().add("policy-editor");
        editor.textProperty().addListener((o, a, b) -> mark(editor, field.problem(b)));
        editor.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commitEdit(editor.getText());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            }
        });
        editor.focusedProperty().addListener((o, was, now) -> {
            if (!now && isEditing()) {
                commitEdit(editor.getText());
            }
        });
        mark(editor, field.problem(editor.getText()));
        setText(null);
        setGraphic(editor);
        editor.requestFocus();
        editor.selectAll();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        show(getItem());
    }

    @Override
    public void commitEdit(String value) {
        super.commitEdit(value);
        show(value);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || row() == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            pseudoClassStateChanged(INVALID, false);
            pseudoClassStateChanged(CHANGED, false);
            return;
        }
        if (isEditing() && editor != null) {
            editor.setText(item);
            return;
        }
        show(item);
    }

    private void show(String item) {
        PolicyRow row = row();
        setGraphic(null);
        if (row == null || item == null) {
            setText(null);
            return;
        }
        if (!row.retryable()) {
            setText("—");
            setTooltip(new Tooltip(row.type() + " activities have no retry policy"));
            pseudoClassStateChanged(INVALID, false);
            pseudoClassStateChanged(CHANGED, false);
            return;
        }
        setText(item);
        mark(this, field.problem(item));
        pseudoClassStateChanged(CHANGED, row.isChanged());
    }

    private void mark(javafx.scene.control.Control control, Optional<String> problem) {
        control.pseudoClassStateChanged(INVALID, problem.isPresent());
        control.setTooltip(problem.map(Tooltip::new).orElse(null));
    }

    private PolicyRow row() {
        return getTableRow() == null ? null : getTableRow().getItem();
    }
}
