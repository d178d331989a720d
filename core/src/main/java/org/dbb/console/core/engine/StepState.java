package org.dbb.console.core.engine;

/**
 * The lifecycle of a stage or a step: {@code PENDING → [WAITING ↔ RUNNING] → SUCCEEDED | FAILED | SKIPPED |
 * CANCELLED}. A {@code WAITING} step always carries a {@link WaitReason}. Immutable.
 */
public enum StepState {
    /** Not looked at yet. */
    PENDING,
    /** Cannot go on yet; the {@link WaitReason} says why. */
    WAITING,
    /** An attempt is in flight. */
    RUNNING,
    SUCCEEDED,
    /** Failed after its retries. */
    FAILED,
    /** Not run: its dependency conditions were not met, its stage was not started, or it is outside a re-run. */
    SKIPPED,
    /** Not run or stopped because the run was cancelled. */
    CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == CANCELLED;
    }
}
