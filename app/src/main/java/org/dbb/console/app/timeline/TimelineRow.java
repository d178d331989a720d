package org.dbb.console.app.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.timeline.AttemptSpan;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.StepRow;
import org.dbb.console.core.timeline.WaitSpan;

/**
 * One visible row of the flattened timeline: a stage's lane header (depth 0) or a step row (depth 1 and deeper),
 * with what its label column and its bars show. Immutable.
 *
 * @param id         the row's identity across updates
 * @param depth      0 for a lane header, 1 for a stage's top-level step, more for nested rows
 * @param label      the row's text
 * @param type       the activity type, or {@code Stage}
 * @param state      the stage's or step's state
 * @param expandable whether it has nested rows
 * @param expanded   whether its nested rows are shown
 * @param summary    for rows with nested rows, their count and trouble, e.g. "24 items · 3 failed"; else empty
 * @param retries    how many times the step was retried (attempts after the first)
 * @param reusedFrom the original run a re-run took its result from
 * @param segments   its bars: waits first, then attempts (drawn on top), or the stage's span for a lane header
 * @param target     for a refresh that overran its target duration, when the target was passed
 */
public record TimelineRow(RowId id, int depth, String label, String type, StepState state, boolean expandable,
                          boolean expanded, String summary, int retries, Optional<String> reusedFrom,
                          List<TimelineSegment> segments, Optional<Instant> target) {

    public TimelineRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(reusedFrom, "reusedFrom");
        segments = List.copyOf(segments);
        Objects.requireNonNull(target, "target");
    }

    static TimelineRow of(StageLane lane, boolean expanded, String summary) {
        List<TimelineSegment> span = lane.start()
                .flatMap(start -> SegmentKind.ofStage(lane.state()).map(kind -> new TimelineSegment(kind, start,
                        lane.end(), Optional.empty(), Optional.empty(), 0)))
                .stream().toList();
        return new TimelineRow(RowId.stage(lane.name()), 0, lane.number() + " · " + lane.name(), "Stage",
                lane.state(), !lane.steps().isEmpty(), expanded, summary, 0, lane.reusedFrom(), span,
                Optional.empty());
    }

    static TimelineRow of(StepRow step, int depth, boolean expanded, String summary) {
        boolean reused = step.reusedFrom().isPresent();
        int attempts = step.attempts().size();
        TimelineSegment[] segments = new TimelineSegment[step.waits().size() + attempts];
        int i = 0;
        for (WaitSpan wait : step.waits()) {
            segments[i++] = TimelineSegment.of(wait);
        }
        for (AttemptSpan attempt : step.attempts()) {
            segments[i++] = TimelineSegment.of(attempt, attempts, reused);
        }
        return new TimelineRow(RowId.step(step.key()), depth, step.label(), step.type(), step.state(),
                !step.children().isEmpty(), expanded, summary, Math.max(0, attempts - 1), step.reusedFrom(),
                List.of(segments), step.overrunTarget().flatMap(target -> step.attempts().stream().findFirst()
                        .map(first -> first.start().plus(target))));
    }

    public boolean isStage() {
        return id.isStage();
    }
}
