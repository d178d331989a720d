package org.dbb.console.app.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window's keyboard shortcuts for actions that pages provide. Immutable. */
public enum ShellShortcut {
    LAUNCH("Launch a run", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN)),
    CANCEL("Cancel the active run", new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN)),
    RERUN("Re-run the failed stage", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN));

    private final String description;
    private final KeyCombination keys;

    ShellShortcut(String description, KeyCombination keys) {
        this.description = description;
        this.keys = keys;
    }

    public String description() {
        return description;
    }

    public KeyCombination keys() {
        return keys;
    }
}
