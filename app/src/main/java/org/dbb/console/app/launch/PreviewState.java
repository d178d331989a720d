package org.dbb.console.app.launch;

/**
 * Where a dialog's dry run stands: {@code NONE → PREPARING → READY | FAILED}, back to {@code NONE} whenever an
 * input changes. Only {@code READY} allows the launch.
 */
public enum PreviewState {
    /** Nothing previewed for the current inputs. */
    NONE,
    /** Signing in, looking up the workspace, planning. */
    PREPARING,
    /** The plan for the current inputs is shown and can be launched. */
    READY,
    /** The inputs cannot be planned; the problems say why and what to do. */
    FAILED
}
