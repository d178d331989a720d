package org.dbb.console.app.workspace;

/** Where loading a workspace stands; the view switches panes on it. Immutable. */
public enum LoadState {
    LOADING,
    READY,
    FAILED
}
