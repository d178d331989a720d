package org.dbb.console.core.fabric.jobs;

/** What a cancel request achieved. Immutable. */
public enum CancelOutcome {
    /** Fabric accepted the cancel (202); poll the instance until it reports {@code Cancelled}. */
    REQUESTED,
    /** The instance had already finished ({@code JobAlreadyCompleted}); nothing to cancel. */
    ALREADY_COMPLETED
}
