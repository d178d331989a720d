package org.dbb.console.core.fabric.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A job instance Fabric accepted: enough to poll it. Immutable.
 *
 * @param workspaceId   the workspace
 * @param itemId        the item
 * @param jobInstanceId the job instance id
 * @param retryAfter    how long Fabric asked to wait before the first poll
 * @param idSource      where the id came from
 */
public record JobInstanceRef(String workspaceId, String itemId, String jobInstanceId, Optional<Duration> retryAfter,
        JobIdSource idSource) {

    public JobInstanceRef {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(jobInstanceId, "jobInstanceId");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(idSource, "idSource");
    }
}
