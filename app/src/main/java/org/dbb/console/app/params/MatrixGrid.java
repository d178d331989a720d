package org.dbb.console.app.params;

import java.util.List;
import java.util.Optional;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.dbb.console.core.workspace.params.ParameterKind;

/**
 * The entries × environments grid: one row per entry (grouped by parameter), one column per environment, an
 * {@code _ALL_} value spanning every environment column, cells edited in place, and a context menu on each
 * environment header to rename or remove the column. Rebuilt from the view model's rows; holds no state of its
 * own beyond the open editor. Create and use on the FX thread.
 */
final class MatrixGrid extends GridPane {

    /** Style class and ids page objects use. */
    static final String CELL = "param-cell";
    static final String EDITOR_ID = "cell-editor";
    static final String HEADER_EDITOR_ID = "header-editor";

    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
    private static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("readonly");
    private static final PseudoClass ALL = PseudoClass.getPseudoClass("all");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final int FIRST_ENVIRONMENT_COLUMN = 2;
    private static final double ENTRY_MIN_WIDTH = 170;
    private static final double SOURCE_MIN_WIDTH = 90;
    private static final double VALUE_MIN_WIDTH = 120;

    private final ParameterMatrixViewModel model;
    private final Runnable askForNewEnvironment;
    private final MatrixTools tools;
    private ChangeListener<String> editorListener;

    MatrixGrid(ParameterMatrixViewModel model, Runnable askForNewEnvironment, MatrixTools tools) {
        this.model = model;
        this.askForNewEnvironment = askForNewEnvironment;
        this.tools = tools;
        getStyleClass().add("param-matrix");
        setId("matrix");
    }

    /** Node id of a cell, e.g. {@code cell-key_value_replace-2-PROD}; {@code _ALL_} cells end in their key. */
    static String cellId(EntryKey key, String environment) {
        return "cell-" + key.id() + "-" + environment;
    }

    /** Node id of a main-file entry's label, which carries the entry's context menu. */
    static String entryLabelId(EntryKey key) {
        return "entry-" + key.id();
    }

    /** Node id of an environment column's header. */
    static String headerId(String environment) {
        return "env-" + environment;
    }

    void rebuild() {
        if (editorListener != null) {
            model.typingProblemProperty().removeListener(editorListener);
            editorListener = null;
        }
        getChildren().clear();
        getColumnConstraints().clear();
        List<String> environments = List.copyOf(model.environments());
        int width = FIRST_ENVIRONMENT_COLUMN + Math.max(1, environments.size());
        // Columns keep a readable width; a narrow window scrolls the matrix sideways instead of cutting to "…".
        getColumnConstraints().add(column(ENTRY_MIN_WIDTH, Priority.NEVER));
        getColumnConstraints().add(column(SOURCE_MIN_WIDTH, Priority.NEVER));
        for (int c = 0; c < Math.max(1, environments.size()); c++) {
            getColumnConstraints().add(column(VALUE_MIN_WIDTH, Priority.ALWAYS));
        }
        add(header("Entry"), 0, 0);
        add(header("Written in"), 1, 0);
        for (int c = 0; c < environments.size(); c++) {
            add(environmentHeader(environments.get(c)), FIRST_ENVIRONMENT_COLUMN + c, 0);
        }
        int line = 1;
        ParameterKind section = null;
        for (EntryRow row : model.rows()) {
            if (row.key().kind() != section) {
                section = row.key().kind();
                Label title = new Label(section.key());
                title.getStyleClass().add("param-section");
                add(title, 0, line++, width, 1);
            }
            add(entryLabel(row), 0, line);
            Label source = new Label(row.source() + (row.template() ? " (template)" : ""));
            source.getStyleClass().add("param-source");
            source.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            add(source, 1, line);
            if (row.all().isPresent()) {
                add(cell(row, row.all().get()), FIRST_ENVIRONMENT_COLUMN, line, Math.max(1, environments.size()), 1);
            } else {
                for (int c = 0; c < row.cells().size(); c++) {
                    add(cell(row, row.cells().get(c)), FIRST_ENVIRONMENT_COLUMN + c, line);
                }
            }
            line++;
        }
    }

    private static ColumnConstraints column(double minWidth, Priority grow) {
        ColumnConstraints column = new ColumnConstraints();
        column.setMinWidth(minWidth);
        column.setHgrow(grow);
        return column;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("param-header");
        label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return label;
    }

    private Label environmentHeader(String environment) {
        Label label = header(environment);
        label.setId(headerId(environment));
        MenuItem rename = new MenuItem("Rename " + environment + " …");
        rename.setOnAction(e -> editHeader(label, environment));
        MenuItem remove = new MenuItem("Remove " + environment);
        remove.setOnAction(e -> model.removeEnvironment(environment));
        MenuItem add = new MenuItem("Add environment …");
        add.setOnAction(e -> askForNewEnvironment.run());
        label.setContextMenu(new ContextMenu(rename, remove, add));
        label.setTooltip(new Tooltip("Right-click to rename or remove the environment " + environment));
        return label;
    }

    private void editHeader(Label label, String environment) {
        TextField field = new TextField(environment);
        field.setId(HEADER_EDITOR_ID);
        field.setPrefColumnCount(Math.max(6, environment.length()));
        int column = GridPane.getColumnIndex(label);
        getChildren().remove(label);
        add(field, column, 0);
        field.setOnAction(e -> {
            if (!model.renameEnvironment(environment, field.getText())) {
                field.pseudoClassStateChanged(ERROR, true);
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                rebuild();
            }
        });
        field.requestFocus();
        field.selectAll();
    }

    private VBox entryLabel(EntryRow row) {
        Label label = new Label(row.key().label() + "  " + row.label());
        label.getStyleClass().add("param-label");
        VBox box = new VBox(2, label);
        if (!row.detail().isEmpty()) {
            Label detail = new Label(row.detail());
            detail.getStyleClass().add("param-detail");
            box.getChildren().add(detail);
        }
        box.getStyleClass().add("param-entry");
        box.setMaxWidth(520);
        label.setTooltip(new Tooltip(row.label()));
        List<MenuItem> actions = tools.entryMenu(row);
        if (!actions.isEmpty()) {
            label.setId(entryLabelId(row.key()));
            label.setContextMenu(new ContextMenu(actions.toArray(MenuItem[]::new)));
        }
        return box;
    }

    private Label cell(EntryRow row, MatrixCellView cell) {
        Label label = new Label(cell.state() == CellState.MISSING ? "—" : cell.text());
        label.getStyleClass().add(CELL);
        label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        label.setFocusTraversable(row.editable());
        if (!row.template()) {
            label.setId(cellId(row.key(), cell.environment()));
        }
        GridPane.setHgrow(label, Priority.SOMETIMES);
        label.pseudoClassStateChanged(PENDING, cell.state() == CellState.PENDING);
        label.pseudoClassStateChanged(MISSING, cell.state() == CellState.MISSING);
        label.pseudoClassStateChanged(READ_ONLY, cell.state() == CellState.READ_ONLY);
        label.pseudoClassStateChanged(ALL, row.all().isPresent());
        label.setTooltip(new Tooltip(tooltip(row, cell)));
        if (row.editable()) {
            label.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    openEditor(label, row, cell);
                }
            });
            label.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) {
                    openEditor(label, row, cell);
                }
            });
        }
        return label;
    }

    private static String tooltip(EntryRow row, MatrixCellView cell) {
        String what = row.all().isPresent() ? "every environment (" + cell.environment() + ")" : cell.environment();
        return switch (cell.state()) {
            case MISSING -> "No value for " + what + ": fabric-cicd skips this entry there. Double-click to add one.";
            case READ_ONLY -> row.template() ? "Written in " + row.source() + "; edit it there."
                    : "This entry has no environment mapping to edit.";
            case PENDING -> "Changed, not saved: " + cell.type() + " for " + what;
            case SAVED -> cell.type() + " for " + what + ". Double-click or Enter to edit.";
        };
    }

    private void openEditor(Label label, EntryRow row, MatrixCellView cell) {
        TextField field = new TextField(cell.text());
        field.setId(EDITOR_ID);
        field.getStyleClass().add("param-editor");
        Integer column = GridPane.getColumnIndex(label);
        Integer line = GridPane.getRowIndex(label);
        Integer span = Optional.ofNullable(GridPane.getColumnSpan(label)).orElse(1);
        getChildren().remove(label);
        add(field, column, line, span, 1);
        field.textProperty().addListener((obs, old, now) -> model.typing(row.key(), cell.environment(), now));
        if (editorListener != null) {
            model.typingProblemProperty().removeListener(editorListener);
        }
        editorListener = (obs, old, now) -> field.pseudoClassStateChanged(ERROR, !now.isEmpty());
        model.typingProblemProperty().addListener(editorListener);
        field.setOnAction(e -> {
            if (!model.commitCell(row.key(), cell.environment(), field.getText())) {
                field.pseudoClassStateChanged(ERROR, true);
            } else {
                model.stopTyping();
                rebuild();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.stopTyping();
                rebuild();
            }
        });
        tools.cellEditorOpened(field, row, cell);
        field.requestFocus();
        field.selectAll();
    }
}
