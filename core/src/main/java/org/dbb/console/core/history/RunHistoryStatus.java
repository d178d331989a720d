package org.dbb.console.core.history;

import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.fabric.jobs.JobStatus;

/**
 * Where a run of the history stands, in one vocabulary for the console's runs and Fabric's job instances. Console
 * {@code PENDING} and Fabric {@code NotStarted} are {@link #NOT_STARTED}, {@code RUNNING} and {@code InProgress} are
 * {@link #RUNNING}, {@code Completed} is {@link #SUCCEEDED}; {@link #DEDUPED} is Fabric's only,
 * {@link #INTERRUPTED} the console's only. Immutable.
 */
public enum RunHistoryStatus {
    /** Created or queued; nothing ran yet. */
    NOT_STARTED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** Fabric skipped the run because another run of the same pipeline was going. */
    DEDUPED,
    /** A console run the journal holds no end of: the console stopped while it was going ({@code dbb runs resume}). */
    INTERRUPTED,
    /** A Fabric status this console does not know. */
    UNKNOWN;

    /** Whether the run has ended, for good or not. */
    public boolean isTerminal() {
        return this != NOT_STARTED && this != RUNNING;
    }

    /**
     * A console run's status.
     *
     * @param ended whether the journal holds the run's end; a run without one never ended
     */
    public static RunHistoryStatus ofConsole(RunState state, boolean ended) {
        if (!ended) {
            return INTERRUPTED;
        }
        return switch (state) {
            case PENDING -> NOT_STARTED;
            case RUNNING -> RUNNING;
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    /** A Fabric job instance's status. */
    public static RunHistoryStatus ofFabric(JobStatus status) {
        return switch (status) {
            case NOT_STARTED -> NOT_STARTED;
            case IN_PROGRESS -> RUNNING;
            case COMPLETED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case DEDUPED -> DEDUPED;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
