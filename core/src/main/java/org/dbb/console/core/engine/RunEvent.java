package org.dbb.console.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.monitoring.MonitoringRow;

/**
 * Something that happened in a run, for listeners (UI, CLI, notifications). Every event carries the run id and when
 * it happened (UTC, on the engine's clock). Immutable.
 */
public sealed interface RunEvent {

    String runId();

    Instant at();

    /** The run moved to {@code state}; {@code message} says why it failed or was cancelled. */
    record RunStateChanged(String runId, Instant at, RunState state, Optional<String> message,
                           Optional<String> rerunOf) implements RunEvent {
        public RunStateChanged {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(rerunOf, "rerunOf");
        }
    }

    /** A stage moved to {@code state}; {@code reason} explains a skip ("stage Integration failed"). */
    record StageStateChanged(String runId, Instant at, String stage, StepState state, Optional<String> reason,
                             Optional<String> reusedFrom) implements RunEvent {
        public StageStateChanged {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(reusedFrom, "reusedFrom");
        }
    }

    /**
     * A step moved to {@code state}. {@code waitReason} is present exactly when the state is WAITING;
     * {@code attempt} is the attempt running or next (0 before the first); {@code reusedFrom} names the original
     * run when a re-run took the step's result from it; {@code message} explains a failure or a skip.
     */
    record StepStateChanged(String runId, Instant at, StepKey step, StepState state, Optional<WaitReason> waitReason,
                            int attempt, Optional<String> reusedFrom, Optional<String> message) implements RunEvent {
        public StepStateChanged {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(waitReason, "waitReason");
            Objects.requireNonNull(reusedFrom, "reusedFrom");
            Objects.requireNonNull(message, "message");
            if (waitReason.isPresent() != (state == StepState.WAITING)) {
                throw new IllegalArgumentException("a wait reason goes with WAITING and only with it");
            }
        }
    }

    /** An attempt began: the Fabric job instance id or Power BI refresh id when one was created. */
    record AttemptStarted(String runId, Instant at, StepKey step, int attempt, Optional<String> jobInstanceId,
                          Optional<String> item) implements RunEvent {
        public AttemptStarted {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(jobInstanceId, "jobInstanceId");
            Objects.requireNonNull(item, "item");
        }
    }

    /** An attempt ended; the error fields are the service's, for failures. */
    record AttemptEnded(String runId, Instant at, StepKey step, int attempt, AttemptStatus status,
                        Optional<String> errorCode, Optional<String> message, Optional<String> requestId,
                        Duration duration) implements RunEvent {
        public AttemptEnded {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** A semantic model's refresh has run longer than its target; it carries on. Reported once per model. */
    record Overrun(String runId, Instant at, StepKey step, String model, Duration elapsed, Duration target)
            implements RunEvent {
        public Overrun {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * Threshold breaches of one step: listed in a monitoring notebook's exit value, or found by the environment's
     * monitoring rules when the run's stages have ended (reported on the top-level activity they concern).
     */
    record BreachesFound(String runId, Instant at, StepKey step, List<Breach> breaches) implements RunEvent {
        public BreachesFound {
            Objects.requireNonNull(step, "step");
            breaches = List.copyOf(breaches);
        }
    }

    /** A row was stored in the monitoring table (with the id the store gave it). */
    record MonitoringRowWritten(String runId, Instant at, MonitoringRow row) implements RunEvent {
        public MonitoringRowWritten {
            Objects.requireNonNull(row, "row");
        }
    }

    /** A row could not be stored; the run goes on. */
    record MonitoringWriteFailed(String runId, Instant at, StepKey step, String message) implements RunEvent {
        public MonitoringWriteFailed {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(message, "message");
        }
    }
}
