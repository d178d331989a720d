package org.dbb.console.core.fabricruns;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of a Fabric run: the top-level activities the stage layout puts in it. Immutable; thread-safe.
 *
 * @param number     1-based position in run order
 * @param name       the stage name
 * @param status     derived from its activities
 * @param start      when its first activity started
 * @param end        when its last activity ended, once the stage is done
 * @param duration   from start to end (so far, while it runs)
 * @param activities its activities that ran, in layout order
 * @param notRun     names of its activities Fabric reports no run of (skipped, or not reached yet)
 */
public record FabricStageDetail(int number, String name, FabricStageStatus status, Optional<Instant> start,
        Optional<Instant> end, Optional<Duration> duration, List<FabricActivityDetail> activities,
        List<String> notRun) {

    public FabricStageDetail {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(duration, "duration");
        activities = List.copyOf(activities);
        notRun = List.copyOf(notRun);
    }

    /** The error of the first of its activities that failed. */
    public Optional<FabricRunError> error() {
        return activities.stream().map(FabricActivityDetail::error).flatMap(Optional::stream).findFirst();
    }
}
