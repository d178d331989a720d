package org.dbb.console.core.engine;

/**
 * The lifecycle of a run: {@code PENDING → RUNNING → SUCCEEDED | FAILED | CANCELLED}; the last three are terminal.
 * Immutable.
 */
public enum RunState {
    /** Created, nothing sent to Fabric yet. */
    PENDING,
    RUNNING,
    /** Every stage succeeded (or was reused from the original run of a re-run). */
    SUCCEEDED,
    /** A stage failed; the stages after it were not started. */
    FAILED,
    /** An operator cancelled it; the Fabric jobs and refreshes it had started were cancelled. */
    CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
