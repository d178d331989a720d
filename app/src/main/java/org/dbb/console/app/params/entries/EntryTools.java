package org.dbb.console.app.params.entries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.params.EntryRow;
import org.dbb.console.app.params.MatrixCellView;
import org.dbb.console.app.params.MatrixState;
import org.dbb.console.app.params.MatrixTools;
import org.dbb.console.app.params.ParameterDraft;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.app.params.ParameterMatrixViewModel;
import org.dbb.console.app.params.picker.JsonPathPickerViewModel;
import org.dbb.console.app.params.picker.VariableCompletionPopup;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.JsonPathSyntax;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.picker.FindKeyMatches;
import org.dbb.console.core.workspace.params.picker.ItemDefinitionFiles;

/**
 * The entry tools of the parameter page: an "Add entry" menu and its side panel (form and JSONPath picker),
 * "Remove entry" and "Show find_key matches" on each entry, and {@code $items}/{@code $workspace} completion in
 * the cell editors of find_replace and key_value_replace values. Create and use on the FX thread.
 */
public final class EntryTools implements MatrixTools {

    /** Node ids page objects look up. */
    public static final String ADD_MENU_ID = "param-add-entry";

    private final ParameterMatrixViewModel matrix;
    private final EntryFormViewModel form;
    private final JsonPathPickerViewModel picker;
    private EntryFormView panel;

    /**
     * @param matrix     the page's view model
     * @param core       the parameter services
     * @param dialogs    confirmations
     * @param background reads files and runs checks
     * @param delayed    waits for a pause in typing
     * @param fx         the FX thread
     */
    public EntryTools(ParameterMatrixViewModel matrix, ParameterEditing core, Dialogs dialogs, Executor background,
                      DelayedExecutor delayed, Executor fx) {
        this.matrix = matrix;
        this.form = new EntryFormViewModel(matrix, core, dialogs, background, delayed, fx);
        this.picker = new JsonPathPickerViewModel(new ItemDefinitionFiles(), new FindKeyMatches(new JsonPathSyntax()),
                background, fx);
        form.openProperty().addListener((obs, old, now) -> {
            if (now) {
                items().ifPresent(picker::showItems);
            }
        });
    }

    /** The form's view model, for tests and for opening the form from elsewhere. */
    public EntryFormViewModel form() {
        return form;
    }

    public JsonPathPickerViewModel picker() {
        return picker;
    }

    @Override
    public List<Node> toolbarItems() {
        MenuButton add = new MenuButton("Add entry", AppIcon.ADD.graphic());
        add.setId(ADD_MENU_ID);
        for (ParameterKind kind : EntryFormViewModel.KINDS) {
            MenuItem item = new MenuItem(kind.key());
            item.setId(ADD_MENU_ID + "-" + kind.key());
            item.setOnAction(e -> form.start(kind));
            add.getItems().add(item);
        }
        add.disableProperty().bind(matrix.stateProperty().isNotEqualTo(
                MatrixState.READY));
        return List.of(add);
    }

    @Override
    public Optional<Node> sidePanel() {
        if (panel == null) {
            panel = new EntryFormView(form, picker, this::items);
        }
        return Optional.of(panel);
    }

    @Override
    public List<MenuItem> entryMenu(EntryRow row) {
        if (row.template()) {
            return List.of();
        }
        List<MenuItem> actions = new ArrayList<>();
        if (row.key().kind() == ParameterKind.KEY_VALUE_REPLACE) {
            MenuItem show = new MenuItem("Show find_key matches …", AppIcon.SEARCH.graphic());
            show.setOnAction(e -> inspect(row));
            actions.add(show);
        }
        MenuItem remove = new MenuItem("Remove entry …", AppIcon.REMOVE.graphic());
        remove.setOnAction(e -> form.remove(row));
        actions.add(remove);
        return actions;
    }

    @Override
    public void cellEditorOpened(TextField editor, EntryRow row, MatrixCellView cell) {
        ParameterKind kind = row.key().kind();
        if (kind == ParameterKind.FIND_REPLACE || kind == ParameterKind.KEY_VALUE_REPLACE) {
            VariableCompletionPopup.attach(editor, this::items);
        }
    }

    /** Opens the form on a copy of an existing key_value_replace entry's path, showing what it matches. */
    private void inspect(EntryRow row) {
        form.start(ParameterKind.KEY_VALUE_REPLACE);
        form.itemTypeProperty().set(filter(row.detail(), "item_type"));
        form.itemNameProperty().set(filter(row.detail(), "item_name"));
        form.filePathProperty().set(filter(row.detail(), "file_path"));
        form.findKeyProperty().set(row.label());
    }

    /** One filter's text from an entry's detail line ({@code item_type: X · item_name: Y}). */
    private static String filter(String detail, String name) {
        for (String part : detail.split(" · ")) {
            if (part.startsWith(name + ": ")) {
                return part.substring(name.length() + 2);
            }
        }
        return "";
    }

    private Optional<ItemScan> items() {
        return matrix.draft().flatMap(ParameterDraft::items);
    }
}
