package org.dbb.console.core.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.history.RunOrigin;

/**
 * A console run's timeline while it is put together, from engine events or a journal record: lanes in run order,
 * rows found by their step key, nested rows hung under the row their path names, in the order their source gives
 * (plan order, a fan-out item's index) or else in the order they first appear. Producing a {@link RunTimeline}
 * rebuilds only what changed since the last one. Confined to one thread.
 */
final class TimelineModel {

    final String runId;
    final String environment;
    RunState state = RunState.PENDING;
    Optional<Instant> start = Optional.empty();
    Optional<Instant> end = Optional.empty();
    Optional<String> rerunOf = Optional.empty();
    Optional<String> workspaceId = Optional.empty();
    final List<String> notes = new ArrayList<>();
    private final RowTypes types;
    private final Map<String, LaneNode> lanes = new LinkedHashMap<>();
    private final Map<StepKey, RowNode> rows = new HashMap<>();
    private TimelineEstimates estimates = TimelineEstimates.NONE;
    private RunTimeline snapshot;

    TimelineModel(String runId, String environment, RowTypes types) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.types = Objects.requireNonNull(types, "types");
    }

    /** Something about the run changed: the next snapshot is built again (reusing unchanged lanes and rows). */
    void touched() {
        snapshot = null;
    }

    void estimates(TimelineEstimates estimates) {
        this.estimates = Objects.requireNonNull(estimates, "estimates");
        touched();
    }

    /** The lane of {@code stage}, appended after the others when the layout did not have it. */
    LaneNode lane(String stage) {
        LaneNode lane = lanes.get(stage);
        if (lane == null) {
            lane = new LaneNode(lanes.size() + 1, stage, this);
            lanes.put(stage, lane);
            touched();
        }
        return lane;
    }

    Collection<LaneNode> lanes() {
        return lanes.values();
    }

    Optional<RowNode> find(StepKey key) {
        return Optional.ofNullable(rows.get(key));
    }

    /**
     * The row of {@code key}, created when it is new: under the row of its parent path (created too when missing),
     * after the rows already there.
     */
    RowNode row(StepKey key) {
        RowNode row = rows.get(key);
        if (row != null) {
            return row;
        }
        LaneNode lane = lane(key.stage());
        RowNode parent = null;
        if (!key.isTopLevel()) {
            String path = key.path();
            parent = row(new StepKey(key.stage(), path.substring(0, path.lastIndexOf('/'))));
        }
        row = new RowNode(key, parent, lane);
        RowTypes.Described described = types.describe(key);
        row.type = described.type();
        row.itemId = described.itemId();
        row.position = described.position() >= 0 ? described.position() : itemIndex(key.name());
        rows.put(key, row);
        insert(parent == null ? lane.rows : parent.children, row);
        row.touched();
        return row;
    }

    /**
     * Puts {@code row} among its siblings: rows whose source gives their order keep it however their events arrive,
     * and come before the rows it does not give, which stay in first-seen order. Rows usually arrive in order, so
     * this is an append.
     */
    private static void insert(List<RowNode> siblings, RowNode row) {
        int at = siblings.size();
        if (row.position >= 0) {
            while (at > 0 && (siblings.get(at - 1).position > row.position || siblings.get(at - 1).position < 0)) {
                at--;
            }
        }
        siblings.add(at, row);
    }

    /** The index of a fan-out item segment ({@code [3] fct_sales} → 3), or -1 for any other segment. */
    static int itemIndex(String segment) {
        int close = segment.indexOf(']');
        if (!segment.startsWith("[") || close < 2) {
            return -1;
        }
        try {
            return Integer.parseInt(segment.substring(1, close));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Rows of this lane and everything under them, depth first. */
    List<RowNode> rowsOf(LaneNode lane) {
        List<RowNode> all = new ArrayList<>();
        for (RowNode row : lane.rows) {
            collect(row, all);
        }
        return all;
    }

    RunTimeline timeline() {
        if (snapshot == null) {
            List<StageLane> stages = new ArrayList<>(lanes.size());
            for (LaneNode lane : lanes.values()) {
                stages.add(lane.snapshot(estimates.stage(lane.name)));
            }
            snapshot = new RunTimeline(runId, RunOrigin.CONSOLE, environment, state, start, end, rerunOf,
                    estimates.run(), notes, workspaceId, stages);
        }
        return snapshot;
    }

    private static void collect(RowNode row, List<RowNode> into) {
        into.add(row);
        for (RowNode child : row.children) {
            collect(child, into);
        }
    }
}
