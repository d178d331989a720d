package org.dbb.console.core.engine;

import java.util.Optional;

/**
 * Which steps a re-run takes from its original run instead of running them: those the original finished
 * SUCCEEDED. Immutable.
 */
@FunctionalInterface
interface ReusePolicy {

    ReusePolicy NONE = key -> Optional.empty();

    /** The original's record of {@code key}, when the step is to be reused. */
    Optional<RunRecord.StepRecord> reusable(StepKey key);
}
