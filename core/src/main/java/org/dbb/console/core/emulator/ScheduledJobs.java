package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScheduledRun;

/**
 * The scenario's scheduled pipeline runs. No timer fires them: each is planned the first time anybody looks at
 * the emulator's state after it fell due, with its due time as its start, so attempt numbers follow the order in
 * which runs really started. Not thread-safe: guarded by the emulator's state lock.
 */
final class ScheduledJobs {

    private final Scenario scenario;
    private final JobPlanner planner;
    private final Optional<WorkspaceState> workspace;
    private final List<ScheduledRun> pending = new ArrayList<>();
    private Instant origin;

    /**
     * @param workspace where scheduled runs start: the sandbox workspace, if the repository has one
     */
    ScheduledJobs(Scenario scenario, JobPlanner planner, Optional<WorkspaceState> workspace) {
        this.scenario = scenario;
        this.planner = planner;
        this.workspace = workspace;
        scenario.schedule().stream().sorted(Comparator.comparingDouble(ScheduledRun::startAfterSeconds))
                .forEach(pending::add);
    }

    /** Starts counting {@code startAfterSeconds} from {@code start}. */
    void start(Instant start) {
        origin = start;
    }

    /** Plans every scheduled run due by {@code now} that is not planned yet. */
    void catchUp(Instant now) {
        if (origin == null || workspace.isEmpty()) {
            return;
        }
        while (!pending.isEmpty()) {
            ScheduledRun next = pending.get(0);
            Instant due = origin.plus(scenario.scaled(next.startAfterSeconds()));
            if (due.isAfter(now)) {
                return;
            }
            pending.remove(0);
            WorkspaceState ws = workspace.get();
            // A pipeline the repository lacks was already reported as a scenario warning; its entry never runs.
            ws.byName("DataPipeline", next.pipeline(), due)
                    .ifPresent(item -> planner.schedule(ws, item, next.parameters(), due));
        }
    }
}
