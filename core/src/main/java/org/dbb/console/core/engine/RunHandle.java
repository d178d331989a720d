package org.dbb.console.core.engine;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** A run in progress (or finished). Thread-safe; no method blocks. */
public interface RunHandle {

    String runId();

    RunState state();

    /** Completes when the run has ended; never completes exceptionally. */
    CompletableFuture<RunOutcome> completion();

    /**
     * Cancels the run: every Fabric job in flight is cancelled in Fabric, the refresh conductor cancels its
     * refreshes, steps not started end CANCELLED. The run ends CANCELLED once the cancels are sent and each
     * attempt in flight has settled (its job reached a terminal state, or a grace period passed). Idempotent.
     */
    void cancel();

    /**
     * Changes the semantic refresh concurrency cap at once, for the refresh running now and for one that starts
     * later in this run.
     *
     * @throws IllegalArgumentException when {@code cap} is below 1
     */
    void setRefreshConcurrency(int cap);

    /**
     * The semantic refresh cap this run works with now: the last one {@link #setRefreshConcurrency} set, else the
     * plan's. Empty when the run has no semantic refresh the console conducts (or the handle cannot tell).
     */
    default OptionalInt refreshConcurrency() {
        return OptionalInt.empty();
    }

    /** The run as it is now; each step is as it was at some moment during the call. */
    RunSnapshot snapshot();
}
