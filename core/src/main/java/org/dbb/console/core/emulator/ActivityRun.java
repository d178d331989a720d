package org.dbb.console.core.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One planned run of a pipeline activity (one attempt of it, one iteration when inside a ForEach). What a client
 * sees depends on the time it asks: nothing before {@code start}, {@code InProgress} until {@code end}, then the
 * outcome. Immutable; a cancel replaces it with {@link #cancelledAt}.
 *
 * @param activityRunId the run id
 * @param activityName  the activity's name in the pipeline JSON
 * @param activityType  its {@code type}
 * @param start         when the run starts
 * @param end           when it ends
 * @param outcome       how it ends
 * @param input         what it received (its typeProperties as written)
 * @param output        what it produced, once ended
 * @param error         why it failed, if it did
 * @param retryAttempt  0 for the first attempt, then 1, 2, … for the policy's retries
 * @param iterationHash identifies the ForEach iteration; empty outside loops
 * @param sequence      the order in which the run was planned, which breaks ties between equal start times
 */
record ActivityRun(UUID activityRunId, String activityName, String activityType, Instant start, Instant end,
                   ActivityOutcome outcome, JsonNode input, JsonNode output, Optional<RunError> error,
                   int retryAttempt, String iterationHash, long sequence) {

    boolean visibleAt(Instant now) {
        return !start.isAfter(now);
    }

    boolean endedAt(Instant now) {
        return !end.isAfter(now);
    }

    String statusAt(Instant now) {
        return endedAt(now) ? outcome.jsonName() : "InProgress";
    }

    long durationMillis(Instant now) {
        Instant until = endedAt(now) ? end : now;
        return Math.max(0, Duration.between(start, until).toMillis());
    }

    /** Whether a client may see the output before the run ends: a child pipeline's run id is known at once. */
    boolean outputKnownEarly() {
        return activityType.equals("ExecutePipeline") || activityType.equals("InvokePipeline");
    }

    ActivityRun cancelledAt(Instant when) {
        return new ActivityRun(activityRunId, activityName, activityType, start, when, ActivityOutcome.CANCELLED,
                input, outputKnownEarly() ? output : JsonNodeFactory.instance.objectNode(), Optional.of(new RunError("Cancelled",
                "The activity was cancelled because its pipeline run was cancelled.", "UserError", activityName)),
                retryAttempt, iterationHash, sequence);
    }
}
