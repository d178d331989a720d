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

    /**
     * Attempt {@code attempt} of the model is about to be requested (again, after a busy or throttled answer).
     * Called on the thread that sends the request, just before sending it, so a caller can record the request
     * ahead of making it. Unlike the other callbacks, what this one throws is not ignored: the request is not sent
     * and the attempt fails.
     */
    default void submitting(String model, int attempt, Instant at) {
    }

    /**
     * Power BI accepted attempt {@code attempt} of the model as refresh {@code refreshId}; also called for a
     * {@link CarriedRefresh} found again, with the time its request was sent.
     */
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
