package org.dbb.console.core.fabricruns;

/**
 * Where one stage of a Fabric run stands, derived from its activities' latest attempts. Immutable; thread-safe.
 */
public enum FabricStageStatus {
    /** None of its activities ran yet and the run goes on. */
    NOT_STARTED,
    /** An activity runs, or some finished and others are still to come. */
    IN_PROGRESS,
    /** Every activity that ran succeeded and the stage is done. */
    SUCCEEDED,
    /** An activity failed after its retries. */
    FAILED,
    /** An activity was cancelled. */
    CANCELLED,
    /** The run ended and none of its activities ran (an upstream stage failed, or a condition skipped them). */
    SKIPPED
}
