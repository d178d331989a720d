package org.dbb.console.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.fabric.jobs.InvokeType;

/**
 * One line of the run history: a run the console started or one Fabric started, with how the two link when the
 * console re-ran part of a Fabric run. Immutable; thread-safe.
 *
 * @param origin        who started it
 * @param runId         the console run id, or the Fabric job instance id
 * @param environment   where it ran
 * @param status        where it stands
 * @param statusText    that status as its source states it ({@code Completed}, {@code InProgress}, {@code FAILED}…)
 * @param startedBy     {@code Fabric schedule}, {@code Fabric (manual)}, or the OS user or account that launched a
 *                      console run
 * @param invokeType    for a Fabric run, how Fabric says it was started
 * @param start         when it started (a console run: when it was created)
 * @param end           when it ended
 * @param rerunOf       the run this one re-ran part of
 * @param rerunOfOrigin who started that run
 * @param rerunBy       the console runs that re-ran part of this one, newest first
 * @param failedStage   the first stage that failed, where known (console runs; Fabric runs in a detail)
 * @param failure       for a Fabric run, the error code and message Fabric gave its failure
 */
public record RunHistoryEntry(RunOrigin origin, String runId, String environment, RunHistoryStatus status,
        String statusText, String startedBy, Optional<InvokeType> invokeType, Optional<Instant> start,
        Optional<Instant> end, Optional<String> rerunOf, Optional<RunOrigin> rerunOfOrigin, List<String> rerunBy,
        Optional<String> failedStage, Optional<String> failure) {

    public RunHistoryEntry {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(invokeType, "invokeType");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(rerunOf, "rerunOf");
        Objects.requireNonNull(rerunOfOrigin, "rerunOfOrigin");
        rerunBy = List.copyOf(rerunBy);
        Objects.requireNonNull(failedStage, "failedStage");
        Objects.requireNonNull(failure, "failure");
    }

    /** How long it ran, once it has ended. */
    public Optional<Duration> duration() {
        return start.flatMap(s -> end.map(e -> Duration.between(s, e)));
    }
}
