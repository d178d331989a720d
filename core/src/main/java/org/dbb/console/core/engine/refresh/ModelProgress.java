package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's state at the moment of a {@link ConductorRun#snapshot()}, for views. Immutable.
 *
 * @param model     the model
 * @param state     where it is
 * @param attempt   the attempt running or last made; 0 before the first
 * @param refreshId the refresh id of that attempt, once Power BI accepted it
 * @param since     when the model entered {@code state}
 * @param waiting   why it waits, in {@code QUEUED}, {@code BUSY} and {@code WAITING}
 * @param elapsed   time since our first attempt started (to its end once terminal); zero before
 * @param target    the model's target duration
 * @param overran   whether {@code elapsed} passed {@code target} (reported once through the listener)
 */
public record ModelProgress(String model, ModelState state, int attempt, Optional<String> refreshId, Instant since,
        Optional<ModelWait> waiting, Duration elapsed, Duration target, boolean overran) {

    public ModelProgress {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(refreshId, "refreshId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(waiting, "waiting");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(target, "target");
    }
}
