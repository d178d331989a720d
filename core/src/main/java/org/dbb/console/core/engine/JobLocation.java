package org.dbb.console.core.engine;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.fabric.jobs.JobIdSource;
import org.dbb.console.core.fabric.jobs.JobInstanceRef;

/**
 * Where a submitted Fabric job can be found again: enough to poll or cancel it after a restart without submitting
 * it a second time. Immutable.
 *
 * @param workspaceId   the workspace
 * @param itemId        the item
 * @param jobInstanceId the job instance id Fabric gave it
 */
public record JobLocation(String workspaceId, String itemId, String jobInstanceId) {

    public JobLocation {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(jobInstanceId, "jobInstanceId");
    }

    static JobLocation of(JobInstanceRef ref) {
        return new JobLocation(ref.workspaceId(), ref.itemId(), ref.jobInstanceId());
    }

    /** The reference {@code FabricClient.awaitJobAsync} polls, to re-attach to the job. */
    public JobInstanceRef toRef() {
        return new JobInstanceRef(workspaceId, itemId, jobInstanceId, Optional.empty(),
                JobIdSource.CALLER);
    }
}
