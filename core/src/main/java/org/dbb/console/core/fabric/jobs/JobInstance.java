package org.dbb.console.core.fabric.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.fabric.http.ServiceError;

/**
 * A Fabric job instance as last read. Immutable.
 *
 * @param id             the job instance id (for pipelines also the pipeline run id)
 * @param itemId         the item the job runs
 * @param jobType        as Fabric reports it; opaque (a pipeline run may say {@code Pipeline} or {@code Execute})
 * @param invokeType     manual or scheduled
 * @param status         the status; {@link JobStatus#UNKNOWN} for values this console does not know
 * @param statusText     the status exactly as Fabric sent it
 * @param rootActivityId Fabric's trace id across services
 * @param startTime      when it started (UTC)
 * @param endTime        when it ended; empty while running
 * @param failureReason  why it failed
 * @param exitValue      a notebook's exit value; only the notebook endpoint reports it (see
 *                       {@code FabricClient.getNotebookJobInstance}), and only once the run completed
 * @param retryAfter     how long Fabric asked to wait before polling again (only on a single-instance read)
 */
public record JobInstance(String id, String itemId, String jobType, InvokeType invokeType, JobStatus status,
        String statusText, Optional<String> rootActivityId, Optional<Instant> startTime, Optional<Instant> endTime,
        Optional<ServiceError> failureReason, Optional<String> exitValue, Optional<Duration> retryAfter) {

    public JobInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(jobType, "jobType");
        Objects.requireNonNull(invokeType, "invokeType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(rootActivityId, "rootActivityId");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(exitValue, "exitValue");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }
}
