package org.dbb.console.app.shell;

import javafx.scene.control.ListCell;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.app.workspace.EnvironmentRow;

/** Shows an environment's name with a lock when it is protected. Use on the FX thread. */
final class EnvironmentCell extends ListCell<EnvironmentRow> {
    @Override
    protected void updateItem(EnvironmentRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setText(null);
            setGraphic(null);
            pseudoClassStateChanged(Styles.PROTECTED, false);
        } else {
            setText(row.protectedEnv() ? row.name() + " (protected)" : row.name());
            setGraphic(row.protectedEnv() ? AppIcon.PROTECTED.graphic() : AppIcon.ENVIRONMENT.graphic());
            pseudoClassStateChanged(Styles.PROTECTED, row.protectedEnv());
        }
    }
}
