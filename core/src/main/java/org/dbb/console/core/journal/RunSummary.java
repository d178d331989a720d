package org.dbb.console.core.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.RunState;

/**
 * One line of the run history: a run the journal holds, without its steps. Immutable.
 *
 * @param runId       the run id
 * @param environment where it ran
 * @param operator    who launched it
 * @param state       its state as last recorded; RUNNING or PENDING for a run the console stopped in the middle of
 * @param createdAt   when it was created
 * @param endedAt     when it ended
 * @param rerunOf     the run it re-ran part of
 * @param failedStage the first stage that failed
 */
public record RunSummary(String runId, String environment, String operator, RunState state, Instant createdAt,
                         Optional<Instant> endedAt, Optional<String> rerunOf, Optional<String> failedStage) {

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(rerunOf, "rerunOf");
        Objects.requireNonNull(failedStage, "failedStage");
    }

    /** Whether the run never reached an end: the console stopped while it was going. */
    public boolean interrupted() {
        return endedAt.isEmpty();
    }
}
