package org.dbb.console.core.engine.refresh;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A running refresh of several semantic models under a concurrency cap. Thread-safe; no method blocks. */
public interface ConductorRun {

    /**
     * Changes the cap at once. Raising it starts queued models now; lowering it never cancels a running refresh,
     * it holds new starts until fewer than {@code cap} are in flight.
     *
     * @throws IllegalArgumentException when {@code cap} is below 1
     */
    void setCap(int cap);

    int cap();

    /**
     * Cancels the run: queued, busy and waiting models end {@code CANCELLED} at once; every refresh this run
     * started and that is still in flight is cancelled in Power BI ({@code DELETE}), and the model ends
     * {@code CANCELLED} when Power BI has answered. A refresh that already completed keeps its result. Idempotent.
     */
    void cancel();

    /** Completes when every model has ended; never completes exceptionally. */
    CompletableFuture<ConductorResult> completion();

    /** Every model's state now, in list order. */
    Map<String, ModelProgress> snapshot();
}
