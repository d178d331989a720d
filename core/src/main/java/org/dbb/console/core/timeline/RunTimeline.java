package org.dbb.console.core.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.history.RunOrigin;

/**
 * A run laid out in time for the stage timeline, whatever it came from: a live console run (engine events), a past
 * console run (the journal) or a run Fabric started (activity runs). One lane per stage, each with its step rows.
 * Immutable; thread-safe.
 *
 * @param runId       the console run id, or the Fabric job instance id
 * @param origin      who started the run
 * @param environment the environment it ran in
 * @param state       the run's state; a Fabric run still going is RUNNING
 * @param start       when it started, once known
 * @param end         when it ended, once it has
 * @param rerunOf     the run this one re-runs (a console run id or a Fabric job instance id)
 * @param estimate    how long the whole run is expected to take, from past runs of the environment
 * @param notes       sentences the view shows above the lanes, e.g. that child runs were matched by time window
 * @param workspaceId the environment's Fabric workspace id, for portal links, when known
 * @param stages      every stage of the layout, in run order
 */
public record RunTimeline(String runId, RunOrigin origin, String environment, RunState state,
        Optional<Instant> start, Optional<Instant> end, Optional<String> rerunOf, Optional<Duration> estimate,
        List<String> notes, Optional<String> workspaceId, List<StageLane> stages) {

    public RunTimeline {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(rerunOf, "rerunOf");
        Objects.requireNonNull(estimate, "estimate");
        notes = List.copyOf(notes);
        Objects.requireNonNull(workspaceId, "workspaceId");
        stages = List.copyOf(stages);
    }

    public Optional<StageLane> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every step row of every stage, depth first, in display order. */
    public List<StepRow> allSteps() {
        return stages.stream().flatMap(s -> s.steps().stream()).flatMap(StepRow::flatten).toList();
    }
}
