package org.dbb.console.app.params;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;

/**
 * Extra tools the parameter page hosts without knowing them: toolbar controls, a side panel, actions on an
 * entry's context menu, and a hook on the open cell editor. Every default adds nothing. Called on the FX thread.
 */
public interface MatrixTools {

    /** Tools that add nothing. */
    MatrixTools NONE = new MatrixTools() {
    };

    /** Controls placed at the start of the page's toolbar. */
    default List<Node> toolbarItems() {
        return List.of();
    }

    /** A panel shown beside the matrix, managing its own visibility. */
    default Optional<Node> sidePanel() {
        return Optional.empty();
    }

    /** Actions on one entry, shown on its label's context menu. */
    default List<MenuItem> entryMenu(EntryRow row) {
        return List.of();
    }

    /** Called when a cell's editor opens, before it takes focus. */
    default void cellEditorOpened(TextField editor, EntryRow row, MatrixCellView cell) {
    }
}
