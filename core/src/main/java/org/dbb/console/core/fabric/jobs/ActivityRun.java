package org.dbb.console.core.fabric.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One activity run inside a pipeline run. {@code input} and {@code output} are free-form, so they are kept as JSON
 * text; the figures the console needs are lifted out. Immutable.
 *
 * @param activityRunId the activity run id
 * @param activityName  the activity name in the pipeline
 * @param activityType  e.g. {@code TridentNotebook}, {@code ExecutePipeline}, {@code Copy}
 * @param pipelineRunId the pipeline run (job instance) id
 * @param pipelineName  the pipeline; Fabric puts an id here, not the display name
 * @param status        the status; {@link ActivityRunStatus#UNKNOWN} for values this console does not know
 * @param statusText    the status as Fabric sent it
 * @param start         when it started (UTC)
 * @param end           when it ended; empty while running
 * @param durationMs    how long it ran
 * @param retryAttempt  which retry of the activity this is, when Fabric says
 * @param inputJson     the activity input as JSON text ({@code null} input gives {@code "null"})
 * @param outputJson    the activity output as JSON text
 * @param rowsRead      rows read, from a Copy activity's output
 * @param rowsWritten   rows written ({@code rowsCopied}), from a Copy activity's output
 * @param exitValue     a notebook's exit value ({@code output.result.exitValue})
 * @param childRunId    the pipeline run an Execute/Invoke Pipeline activity started ({@code output.pipelineRunId},
 *                      as Azure Data Factory reports it), to drill into the child run
 * @param error         why it failed; empty when the error fields are blank
 */
public record ActivityRun(String activityRunId, String activityName, String activityType, String pipelineRunId,
        String pipelineName, ActivityRunStatus status, String statusText, Optional<Instant> start,
        Optional<Instant> end, OptionalLong durationMs, OptionalInt retryAttempt, String inputJson,
        String outputJson, OptionalLong rowsRead, OptionalLong rowsWritten, Optional<String> exitValue,
        Optional<String> childRunId, Optional<ActivityRunError> error) {

    public ActivityRun {
        Objects.requireNonNull(activityRunId, "activityRunId");
        Objects.requireNonNull(activityName, "activityName");
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(pipelineRunId, "pipelineRunId");
        Objects.requireNonNull(pipelineName, "pipelineName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(durationMs, "durationMs");
        Objects.requireNonNull(retryAttempt, "retryAttempt");
        Objects.requireNonNull(inputJson, "inputJson");
        Objects.requireNonNull(outputJson, "outputJson");
        Objects.requireNonNull(rowsRead, "rowsRead");
        Objects.requireNonNull(rowsWritten, "rowsWritten");
        Objects.requireNonNull(exitValue, "exitValue");
        Objects.requireNonNull(childRunId, "childRunId");
        Objects.requireNonNull(error, "error");
    }
}
