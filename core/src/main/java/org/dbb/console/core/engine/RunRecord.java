package org.dbb.console.core.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.plan.RunRequest;

/**
 * What a {@link RunJournal} holds about one run. Immutable.
 *
 * @param runId       the run
 * @param request     what the operator asked for
 * @param environment the environment it ran in
 * @param stageNames  the plan's stages, in run order
 * @param rerunOf     the original run, for a re-run
 * @param state       the run's state as last recorded
 * @param createdAt   when it was created
 * @param endedAt     when it ended
 * @param stages      the stages that ended, with their states
 * @param steps       every step that began or ended, in the order first recorded
 */
public record RunRecord(String runId, RunRequest request, String environment, List<String> stageNames,
                        Optional<String> rerunOf, RunState state, Instant createdAt, Optional<Instant> endedAt,
                        Map<String, StepState> stages, Map<StepKey, StepRecord> steps) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(environment, "environment");
        stageNames = List.copyOf(stageNames);
        Objects.requireNonNull(rerunOf, "rerunOf");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    public Optional<StepRecord> step(StepKey key) {
        return Optional.ofNullable(steps.get(key));
    }

    /** The first stage recorded FAILED, in run order. */
    public Optional<String> failedStage() {
        return stageNames.stream().filter(s -> stages.get(s) == StepState.FAILED).findFirst();
    }

    /** One step: its end state (empty while it runs), output, variables set and attempts. Immutable. */
    public record StepRecord(StepKey key, Optional<StepState> state, Optional<JsonNode> output,
                             Map<String, JsonNode> variablesSet, List<AttemptRecord> attempts) {
        public StepRecord {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(output, "output");
            variablesSet = Collections.unmodifiableMap(new LinkedHashMap<>(variablesSet));
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * One attempt: when it was about to be submitted, where its job is (once accepted), and how it ended. Immutable.
     */
    public record AttemptRecord(int attempt, Instant submittingAt, Optional<JobLocation> job,
                                Optional<String> refreshId, Optional<AttemptStatus> status,
                                Optional<String> errorCode, Optional<String> message, Optional<Instant> endedAt) {
        public AttemptRecord {
            Objects.requireNonNull(submittingAt, "submittingAt");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(refreshId, "refreshId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(endedAt, "endedAt");
        }
    }
}
