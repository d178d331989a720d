package org.dbb.console.core.fabricruns;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.jobs.JobStatus;

/**
 * One run of a pipeline as Fabric lists it, whoever started it (its schedule, the portal, the API). Immutable;
 * thread-safe.
 *
 * @param jobInstanceId the job instance id, which is also the pipeline run id
 * @param pipelineId    the pipeline item id
 * @param jobType       as Fabric reports it ({@code Pipeline}, {@code Execute}, …)
 * @param invokeType    {@link InvokeType#SCHEDULED} for runs its schedule started, {@link InvokeType#MANUAL} for
 *                      runs started on demand; Fabric says nothing more about who started a run
 * @param status        the status; {@link JobStatus#UNKNOWN} for values this console does not know
 * @param statusText    the status exactly as Fabric sent it
 * @param start         when it started; empty while Fabric has not said
 * @param end           when it ended; empty while it runs
 * @param failure       why it failed
 */
public record FabricRunSummary(String jobInstanceId, String pipelineId, String jobType, InvokeType invokeType,
        JobStatus status, String statusText, Optional<Instant> start, Optional<Instant> end,
        Optional<FabricRunError> failure) {

    public FabricRunSummary {
        Objects.requireNonNull(jobInstanceId, "jobInstanceId");
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(jobType, "jobType");
        Objects.requireNonNull(invokeType, "invokeType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(failure, "failure");
    }

    static FabricRunSummary of(JobInstance instance) {
        return new FabricRunSummary(instance.id(), instance.itemId(), instance.jobType(), instance.invokeType(),
                instance.status(), instance.statusText(), instance.startTime(), instance.endTime(),
                instance.failureReason().map(FabricRunError::of));
    }

    /** Whether the run has ended ({@code Completed}, {@code Failed}, {@code Cancelled} or {@code Deduped}). */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** Who started it, in an operator's words: the Fabric schedule, or someone on demand (portal or API). */
    public String startedBy() {
        return switch (invokeType) {
            case SCHEDULED -> "Fabric schedule";
            case MANUAL -> "Fabric (manual)";
            case UNKNOWN -> "Fabric";
        };
    }

    /** How long it ran, once it has ended. */
    public Optional<Duration> duration() {
        return start.flatMap(s -> end.map(e -> Duration.between(s, e)));
    }
}
