package org.dbb.console.app.params.coverage;

/** Where the coverage view is. */
public enum CoverageViewState {
    /** No workspace is open, or no environment is chosen. */
    IDLE,
    /** Reading and applying parameter.yml to the item files. */
    SCANNING,
    /** The list shows the last scan. */
    READY,
    /** The scan could not be made; the status says why. */
    FAILED
}
