package org.dbb.console.app.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.StepRow;

/**
 * Which rows are expanded, remembered by {@link RowId} so it survives every timeline update, and the flattening of
 * a timeline into its visible rows. Lane headers start expanded, rows with nested rows (fan-outs, branches, models,
 * child pipeline activities) start collapsed; expand all / collapse all change those defaults. Not thread-safe; the
 * view model confines it to the FX thread.
 */
final class RowExpansion {

    private final Map<RowId, Boolean> chosen = new HashMap<>();
    private boolean stagesExpanded = true;
    private boolean stepsExpanded;

    boolean isExpanded(RowId id) {
        return chosen.getOrDefault(id, id.isStage() ? stagesExpanded : stepsExpanded);
    }

    void set(RowId id, boolean expanded) {
        chosen.put(id, expanded);
    }

    void expandAll() {
        chosen.clear();
        stagesExpanded = true;
        stepsExpanded = true;
    }

    void collapseAll() {
        chosen.clear();
        stagesExpanded = false;
        stepsExpanded = false;
    }

    /** Expands the lane and every row above {@code id}, so the row itself is visible. */
    void reveal(RowId id) {
        set(RowId.stage(id.stage()), true);
        id.step().ifPresent(key -> {
            String path = key.path();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                set(RowId.step(new StepKey(key.stage(), path.substring(0, slash))), true);
            }
        });
    }

    /** Whether {@code row} is nested (at any depth) under {@code ancestor}. */
    static boolean isUnder(RowId row, RowId ancestor) {
        if (!row.stage().equals(ancestor.stage()) || row.equals(ancestor)) {
            return false;
        }
        if (ancestor.isStage()) {
            return true;
        }
        return row.step().map(key -> key.path().startsWith(ancestor.step().orElseThrow().path() + "/"))
                .orElse(false);
    }

    /** The rows to show, lane headers and expanded rows' nested rows, in display order. */
    List<TimelineRow> visibleRows(RunTimeline timeline) {
        List<TimelineRow> rows = new ArrayList<>();
        for (StageLane lane : timeline.stages()) {
            boolean expanded = isExpanded(RowId.stage(lane.name()));
            rows.add(TimelineRow.of(lane, expanded, summary(lane.steps(), "step", "steps")));
            if (expanded) {
                lane.steps().forEach(step -> addStep(rows, step, 1));
            }
        }
        return rows;
    }

    private void addStep(List<TimelineRow> rows, StepRow step, int depth) {
        boolean expanded = !step.children().isEmpty() && isExpanded(RowId.step(step.key()));
        rows.add(TimelineRow.of(step, depth, expanded, step.children().isEmpty() ? "" : childSummary(step)));
        if (expanded) {
            step.children().forEach(child -> addStep(rows, child, depth + 1));
        }
    }

    /** Finds a row anywhere in the timeline, shown or not. */
    static boolean contains(RunTimeline timeline, RowId id) {
        Optional<StageLane> lane = timeline.stage(id.stage());
        if (lane.isEmpty()) {
            return false;
        }
        return id.step().map(key -> find(lane.get().steps(), key).isPresent()).orElse(true);
    }

    /** The step row of {@code key}, descending only into rows whose path leads to it. */
    static Optional<StepRow> find(List<StepRow> rows, StepKey key) {
        for (StepRow row : rows) {
            String path = row.key().path();
            if (path.equals(key.path())) {
                return Optional.of(row);
            }
            if (key.path().startsWith(path + "/")) {
                Optional<StepRow> found = find(row.children(), key);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** One pass over the children: their noun (items, models or activities) and the states worth counting. */
    private static String childSummary(StepRow step) {
        boolean items = true;
        boolean models = true;
        for (StepRow child : step.children()) {
            String path = child.key().path();
            items &= path.startsWith("[", path.lastIndexOf('/') + 1);
            models &= child.type().contains("SemanticModel");
        }
        if (items) {
            return summary(step.children(), "item", "items");
        }
        return models ? summary(step.children(), "model", "models")
                : summary(step.children(), "activity", "activities");
    }

    /** E.g. {@code 24 items · 3 failed · 2 running}: the count, then the states an operator acts on. */
    static String summary(List<StepRow> rows, String one, String many) {
        int[] counts = new int[StepState.values().length];
        for (StepRow row : rows) {
            counts[row.state().ordinal()]++;
        }
        StringBuilder text = new StringBuilder().append(rows.size()).append(' ').append(rows.size() == 1 ? one : many);
        appendCount(text, counts[StepState.FAILED.ordinal()], "failed");
        appendCount(text, counts[StepState.RUNNING.ordinal()], "running");
        appendCount(text, counts[StepState.WAITING.ordinal()], "waiting");
        appendCount(text, counts[StepState.CANCELLED.ordinal()], "cancelled");
        return text.toString();
    }

    private static void appendCount(StringBuilder text, int count, String word) {
        if (count > 0) {
            text.append(" · ").append(count).append(' ').append(word);
        }
    }
}
