package org.dbb.console.core.plan;

/** Which part of an earlier run a re-run repeats. */
public enum RerunMode {
    /** Only the named (usually the failed) stage; later stages do not run. */
    STAGE_ONLY,
    /** The named stage and every stage after it. */
    FROM_STAGE,
    /** Only the items of fan-outs (e.g. semantic models) that failed, in the stage that failed. */
    ONLY_FAILED
}
