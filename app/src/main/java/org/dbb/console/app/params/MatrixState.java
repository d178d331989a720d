package org.dbb.console.app.params;

/** The lifecycle of the parameter page. NO_WORKSPACE until a workspace is open; LOADING ↔ READY ↔ SAVING. */
public enum MatrixState {
    /** No workspace is open. */
    NO_WORKSPACE,
    /** The parameter file and its templates are being read. */
    LOADING,
    /** The matrix is shown and can be edited. */
    READY,
    /** The file could not be shown as a matrix (missing or not YAML); the problems say why. */
    UNREADABLE,
    /** Pending edits are being written. */
    SAVING
}
