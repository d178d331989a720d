package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one model ended in a conductor run, with every attempt. Immutable.
 *
 * @param model    the model
 * @param state    {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
 * @param attempts every attempt, in order
 * @param elapsed  from our first attempt's start to the model's end; zero when none started
 * @param target   the model's target duration
 * @param overran  whether the model ran past its target
 */
public record ModelResult(String model, ModelState state, List<RefreshOutcome> attempts, Duration elapsed,
        Duration target, boolean overran) {

    public ModelResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(state, "state");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(target, "target");
        if (!state.isTerminal()) {
            throw new IllegalArgumentException("a result needs a terminal state, not " + state);
        }
    }

    /** The last attempt, if any was made. */
    public Optional<RefreshOutcome> lastAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    /** The error code of the last attempt, when it failed. */
    public Optional<String> errorCode() {
        return lastAttempt().flatMap(RefreshOutcome::errorCode);
    }

    /** The error message of the last attempt, when it failed. */
    public Optional<String> errorMessage() {
        return lastAttempt().flatMap(RefreshOutcome::errorMessage);
    }
}
