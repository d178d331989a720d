package org.dbb.console.core.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.history.RunOrigin;

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
 * @param rerunOfOrigin who started the run it re-ran part of: the console, or Fabric (then {@code rerunOf} is a
 *                      Fabric job instance id)
 */
public record RunSummary(String runId, String environment, String operator, RunState state, Instant createdAt,
                         Optional<Instant> endedAt, Optional<String> rerunOf, Optional<String> failedStage,
                         Optional<RunOrigin> rerunOfOrigin) {

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(rerunOf, "rerunOf");
        Objects.requireNonNull(failedStage, "failedStage");
        Objects.requireNonNull(rerunOfOrigin, "rerunOfOrigin");
        if (rerunOf.isPresent() != rerunOfOrigin.isPresent()) {
            throw new IllegalArgumentException("a re-run names its original's origin, and only a re-run does");
        }
    }

    /** A run that re-ran a console run, or none. */
    public RunSummary(String runId, String environment, String operator, RunState state, Instant createdAt,
                      Optional<Instant> endedAt, Optional<String> rerunOf, Optional<String> failedStage) {
        this(runId, environment, operator, state, createdAt, endedAt, rerunOf, failedStage,
                rerunOf.map(o -> RunOrigin.CONSOLE));
    }

    /** Whether it re-ran part of a run Fabric started. */
    public boolean rerunOfFabricRun() {
        return rerunOfOrigin.equals(Optional.of(RunOrigin.FABRIC));
    }

    /** Whether the run never reached an end: the console stopped while it was going. */
    public boolean interrupted() {
        return endedAt.isEmpty();
    }
}
