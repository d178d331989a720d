package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.time.Instant;

/**
 * Told what a conductor run does, model by model. Callbacks may come from any thread, but never two at once and
 * always in the order the run acted; they must be fast. Anything a callback throws is logged and ignored, so a bad
 * listener cannot break a run.
 */
public interface ConductorListener {

    /** A listener that ignores everything. */
    ConductorListener NONE = new ConductorListener() { };

    /** The model waits; see {@link ModelWait.Kind}. A model queued for a slot is reported once per queueing. */
    default void waiting(String model, ModelWait reason) {
    }

    /** Power BI accepted attempt {@code attempt} of the model as refresh {@code refreshId}. */
    default void attemptStarted(String model, int attempt, String refreshId, Instant at) {
    }

    /**
     * Attempt {@code attempt} ended. A request Power BI refused outright (not busy, not throttled) is a failed
     * attempt without a refresh id, and is reported here without an {@link #attemptStarted} before it.
     */
    default void attemptEnded(String model, int attempt, RefreshOutcome outcome, Instant at) {
    }

    /**
     * The model's own refresh (counted from its first attempt) has run longer than its target. Called at most
     * once per model; the refresh carries on.
     */
    default void overrun(String model, Duration elapsed, Duration target) {
    }
}
