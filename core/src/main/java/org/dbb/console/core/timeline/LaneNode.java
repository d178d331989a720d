package org.dbb.console.core.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.engine.StepState;

/**
 * One stage lane while it changes, keeping the {@link StageLane} it last produced until it or one of its rows
 * changes. Confined to one thread.
 */
final class LaneNode {

    final int number;
    final String name;
    final List<RowNode> rows = new ArrayList<>();
    StepState state = StepState.PENDING;
    Optional<Instant> start = Optional.empty();
    Optional<Instant> end = Optional.empty();
    Optional<String> reason = Optional.empty();
    Optional<String> reusedFrom = Optional.empty();
    private final TimelineModel model;
    private StageLane snapshot;
    private Optional<Duration> snapshotEstimate = Optional.empty();
    private boolean dirty = true;

    LaneNode(int number, String name, TimelineModel model) {
        this.number = number;
        this.name = name;
        this.model = model;
    }

    void touched() {
        dirty = true;
        model.touched();
    }

    StageLane snapshot(Optional<Duration> estimate) {
        if (snapshot != null && !dirty && snapshotEstimate.equals(estimate)) {
            return snapshot;
        }
        StepRow[] steps = new StepRow[rows.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = rows.get(i).snapshot();
        }
        snapshot = new StageLane(number, name, state, start, end, estimate, reason, reusedFrom,
                Arrays.asList(steps));
        snapshotEstimate = estimate;
        dirty = false;
        return snapshot;
    }
}
