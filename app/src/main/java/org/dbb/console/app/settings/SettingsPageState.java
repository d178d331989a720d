package org.dbb.console.app.settings;

/**
 * What the environment settings page is doing. {@code LOADING → READY | FAILED}; from {@code READY}:
 * {@code REVIEWING} (diff shown) {@code → SAVING → LOADING} (a rename or removal goes through {@code CHECKING}
 * first, back to {@code READY} when it is not possible), or {@code TESTING → READY}. Immutable.
 */
public enum SettingsPageState {
    /** Reading {@code dbb-console.yml}. */
    LOADING,
    /** Showing the environments; edits allowed. */
    READY,
    /** No workspace, no settings file, or the file has errors. */
    FAILED,
    /** Showing the diff of one change before writing it. */
    REVIEWING,
    /** Writing the file and the audit trail. */
    SAVING,
    /** Reading parameter.yml and computing a rename or removal over both files, before its review. */
    CHECKING,
    /** Testing the connection of the selected environment. */
    TESTING
}
