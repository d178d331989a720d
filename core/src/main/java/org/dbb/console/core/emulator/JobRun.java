package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One Fabric job instance with its whole timeline planned when it was submitted: when it starts running, when it
 * ends and how, and for pipelines every activity run and child pipeline job. Its status at any moment follows
 * from the clock, so no thread drives it. Not thread-safe: guarded by the emulator's state lock.
 */
final class JobRun {

    private final UUID id;
    private final UUID workspaceId;
    private final UUID itemId;
    private final String itemName;
    private final String jobType;
    private final String invokeType;
    private final UUID rootActivityId;
    private final Instant createdAt;
    private final Instant runningAt;
    private Instant endAt;
    private JobStatus outcome;
    private Optional<RunError> failure = Optional.empty();
    private Optional<String> exitValue = Optional.empty();
    private final List<ActivityRun> activityRuns = new ArrayList<>();
    private final List<JobRun> children = new ArrayList<>();
    private boolean discarded;

    JobRun(UUID id, UUID workspaceId, UUID itemId, String itemName, String jobType, String invokeType,
           UUID rootActivityId, Instant createdAt, Instant runningAt) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.itemId = itemId;
        this.itemName = itemName;
        this.jobType = jobType;
        this.invokeType = invokeType;
        this.rootActivityId = rootActivityId;
        this.createdAt = createdAt;
        this.runningAt = runningAt;
        this.endAt = runningAt;
        this.outcome = JobStatus.COMPLETED;
    }

    /** Sets how the planned run ends. */
    void finish(Instant end, JobStatus result, Optional<RunError> why) {
        if (!result.isTerminal()) {
            throw new IllegalArgumentException("a job ends in a terminal status, not " + result);
        }
        this.endAt = end.isBefore(runningAt) ? runningAt : end;
        this.outcome = result;
        this.failure = why;
    }

    void exitValue(Optional<String> value) {
        this.exitValue = value;
    }

    void addActivityRun(ActivityRun run) {
        activityRuns.add(run);
    }

    void addChild(JobRun child) {
        children.add(child);
    }

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    UUID itemId() {
        return itemId;
    }

    String itemName() {
        return itemName;
    }

    String jobType() {
        return jobType;
    }

    /** {@code Manual} for runs started through the API or by a parent pipeline, {@code Scheduled} otherwise. */
    String invokeType() {
        return invokeType;
    }

    UUID rootActivityId() {
        return rootActivityId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant endAt() {
        return endAt;
    }

    JobStatus outcome() {
        return outcome;
    }

    Optional<RunError> failure() {
        return failure;
    }

    /** Child pipeline runs exist from their planned start; before it, and once discarded, nobody sees them. */
    boolean visibleAt(Instant now) {
        return !discarded && !createdAt.isAfter(now);
    }

    JobStatus statusAt(Instant now) {
        if (now.isBefore(runningAt) && now.isBefore(endAt)) {
            return JobStatus.NOT_STARTED;
        }
        return now.isBefore(endAt) ? JobStatus.IN_PROGRESS : outcome;
    }

    Optional<Instant> endTimeAt(Instant now) {
        return now.isBefore(endAt) ? Optional.empty() : Optional.of(endAt);
    }

    Optional<RunError> failureAt(Instant now) {
        return statusAt(now) == JobStatus.FAILED ? failure : Optional.empty();
    }

    Optional<String> exitValueAt(Instant now) {
        return statusAt(now) == JobStatus.COMPLETED ? exitValue : Optional.empty();
    }

    List<ActivityRun> activityRunsAt(Instant now) {
        return activityRuns.stream().filter(r -> r.visibleAt(now)).toList();
    }

    /**
     * Ends the run as cancelled at {@code effectiveAt}: running activities and child runs end cancelled then,
     * later ones never happen. A run that ends on its own before that is left alone (it wins the race).
     */
    void cancel(Instant effectiveAt) {
        if (!endAt.isAfter(effectiveAt)) {
            return;
        }
        endAt = effectiveAt.isBefore(createdAt) ? createdAt : effectiveAt;
        outcome = JobStatus.CANCELLED;
        failure = Optional.empty();
        exitValue = Optional.empty();
        List<ActivityRun> kept = new ArrayList<>();
        for (ActivityRun run : activityRuns) {
            if (!run.start().isBefore(effectiveAt)) {
                continue;
            }
            kept.add(run.end().isAfter(effectiveAt) ? run.cancelledAt(effectiveAt) : run);
        }
        activityRuns.clear();
        activityRuns.addAll(kept);
        for (JobRun child : children) {
            if (!child.createdAt.isBefore(effectiveAt)) {
                child.discard();
            } else {
                child.cancel(effectiveAt);
            }
        }
    }

    private void discard() {
        discarded = true;
        children.forEach(JobRun::discard);
    }
}
