package org.dbb.console.core.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.StepState;

/**
 * When each stage of a journal record ran. The record keeps attempt times, not stage times, so a stage's span is
 * worked out the way the engine runs stages, one after the other: a stage that ran attempts starts where the stage
 * before it ended (the run's creation for the first), which counts waits before its first attempt (a busy model, a
 * held slot), and ends with its last attempt once the record says it ended. Immutable; thread-safe.
 */
final class RecordedStageSpans {

    /** One stage's span; both ends empty for a stage that ran nothing (skipped, reused, not reached). */
    record Span(Optional<Instant> start, Optional<Instant> end) {

        static final Span NONE = new Span(Optional.empty(), Optional.empty());

        Optional<Duration> duration() {
            return start.flatMap(s -> end.map(e -> Duration.between(s, e)));
        }
    }

    private final Map<String, Span> spans;

    private RecordedStageSpans(Map<String, Span> spans) {
        this.spans = spans;
    }

    static RecordedStageSpans of(RunRecord record) {
        Map<String, Instant> firstStart = new HashMap<>();
        Map<String, Instant> lastEnd = new HashMap<>();
        for (RunRecord.StepRecord step : record.steps().values()) {
            String stage = step.key().stage();
            for (RunRecord.AttemptRecord attempt : step.attempts()) {
                firstStart.merge(stage, attempt.submittingAt(), (a, b) -> a.isBefore(b) ? a : b);
                attempt.endedAt().ifPresent(end -> lastEnd.merge(stage, end, (a, b) -> a.isAfter(b) ? a : b));
            }
        }
        Map<String, Span> spans = new HashMap<>();
        Instant cursor = record.createdAt();
        for (String stage : record.stageNames()) {
            Instant first = firstStart.get(stage);
            if (first == null) {
                spans.put(stage, Span.NONE);
                continue;
            }
            Instant start = cursor.isBefore(first) ? cursor : first;
            StepState state = record.stages().get(stage);
            Optional<Instant> end = state != null && state.isTerminal() ? Optional.ofNullable(lastEnd.get(stage))
                    : Optional.empty();
            spans.put(stage, new Span(Optional.of(start), end));
            if (end.isPresent()) {
                cursor = end.get();
            }
        }
        return new RecordedStageSpans(spans);
    }

    Span stage(String name) {
        return spans.getOrDefault(name, Span.NONE);
    }
}
