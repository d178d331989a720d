package org.dbb.console.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run looks like at one moment, for views: its state, its stages and every step it has looked at so far
 * (in the order they first appeared), each with its attempts. Immutable.
 *
 * @param runId  the run
 * @param state  the run's state
 * @param stages every stage of the plan, in run order
 * @param steps  the steps seen so far
 */
public record RunSnapshot(String runId, RunState state, List<StageView> stages, List<StepView> steps) {

    public RunSnapshot {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(state, "state");
        stages = List.copyOf(stages);
        steps = List.copyOf(steps);
    }

    /** The step with this key, if it has appeared. */
    public Optional<StepView> step(StepKey key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** One stage. Immutable. */
    public record StageView(int number, String name, StepState state, Optional<String> reason) {
        public StageView {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** One step, with its attempts so far. Immutable. */
    public record StepView(StepKey key, StepState state, Optional<WaitReason> waitReason, int attempt,
                           List<AttemptView> attempts, Optional<String> reusedFrom, Optional<String> message) {
        public StepView {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(waitReason, "waitReason");
            attempts = List.copyOf(attempts);
            Objects.requireNonNull(reusedFrom, "reusedFrom");
            Objects.requireNonNull(message, "message");
        }
    }

    /** One attempt; the end fields are empty while it runs. Immutable. */
    public record AttemptView(int attempt, Instant startedAt, Optional<String> jobInstanceId,
                              Optional<Instant> endedAt, Optional<AttemptStatus> status, Optional<String> errorCode,
                              Optional<String> message) {
        public AttemptView {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(jobInstanceId, "jobInstanceId");
            Objects.requireNonNull(endedAt, "endedAt");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
        }
    }
}
