package org.dbb.console.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended. Immutable.
 *
 * @param runId       the run
 * @param state       SUCCEEDED, FAILED or CANCELLED
 * @param startedAt   when it started
 * @param endedAt     when it ended
 * @param failedSteps the steps that failed after their retries, in the order they failed
 * @param message     why it failed or was cancelled
 * @param rerunOf     the original run, for a re-run
 */
public record RunOutcome(String runId, RunState state, Instant startedAt, Instant endedAt, List<StepKey> failedSteps,
                         Optional<String> message, Optional<String> rerunOf) {

    public RunOutcome {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        failedSteps = List.copyOf(failedSteps);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rerunOf, "rerunOf");
        if (!state.isTerminal()) {
            throw new IllegalArgumentException("an outcome needs a terminal state, not " + state);
        }
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
