package org.dbb.console.core.fabricruns;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.fabric.jobs.ActivityRunStatus;

/**
 * One activity of a Fabric pipeline run, as its latest attempt stands. Immutable; thread-safe.
 *
 * @param activityName  the activity's name in the pipeline
 * @param activityType  e.g. {@code Lookup}, {@code InvokePipeline}, {@code TridentNotebook}
 * @param activityRunId the latest attempt's activity run id
 * @param status        the latest attempt's status
 * @param statusText    that status exactly as Fabric sent it
 * @param start         when the latest attempt started
 * @param end           when it ended; empty while it runs
 * @param duration      how long it ran (so far, while running)
 * @param attempts      how many runs Fabric reports for the activity: the attempts its retry policy made (inside
 *                      a loop, every iteration counts too)
 * @param error         why the latest attempt failed
 * @param inputJson     the latest attempt's input as Fabric evaluated it, JSON text
 * @param outputJson    the latest attempt's output, JSON text
 * @param child         for Execute/Invoke Pipeline activities, the pipeline run the latest attempt started
 */
public record FabricActivityDetail(String activityName, String activityType, String activityRunId,
        ActivityRunStatus status, String statusText, Optional<Instant> start, Optional<Instant> end,
        Optional<Duration> duration, int attempts, Optional<FabricRunError> error, String inputJson,
        String outputJson, Optional<FabricChildRun> child) {

    public FabricActivityDetail {
        Objects.requireNonNull(activityName, "activityName");
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(activityRunId, "activityRunId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(inputJson, "inputJson");
        Objects.requireNonNull(outputJson, "outputJson");
        Objects.requireNonNull(child, "child");
        if (attempts < 1) {
            throw new IllegalArgumentException("an activity that ran has at least one attempt, not " + attempts);
        }
    }

    /** Whether Fabric still reports the activity as running (queued, in progress, cancelling or unknown). */
    public boolean isRunning() {
        return switch (status) {
            case SUCCEEDED, FAILED, CANCELLED, SKIPPED -> false;
            case QUEUED, IN_PROGRESS, CANCELLING, UNKNOWN -> true;
        };
    }

    /** Whether this activity starts a child pipeline run. */
    public boolean startsPipeline() {
        return activityType.equals("ExecutePipeline") || activityType.equals("InvokePipeline");
    }

    FabricActivityDetail withChild(FabricChildRun run) {
        return new FabricActivityDetail(activityName, activityType, activityRunId, status, statusText, start, end,
                duration, attempts, error, inputJson, outputJson, Optional.of(run));
    }
}
