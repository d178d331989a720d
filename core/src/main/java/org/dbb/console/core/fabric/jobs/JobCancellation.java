package org.dbb.console.core.fabric.jobs;

import java.util.Objects;

/**
 * The answer to a cancel request. Immutable.
 *
 * @param job     the instance, with the {@code Retry-After} to wait before polling it
 * @param outcome whether the cancel was accepted or the job had already finished
 */
public record JobCancellation(JobInstanceRef job, CancelOutcome outcome) {

    public JobCancellation {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(outcome, "outcome");
    }
}
