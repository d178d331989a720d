package org.dbb.console.app.timeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.timeline.AttemptSpan;
import org.dbb.console.core.timeline.WaitSpan;

/**
 * One bar of a timeline row: an attempt, a wait, or a stage's overall span. An open segment (no end) reaches the
 * now-line. Immutable.
 *
 * @param kind     how it is drawn
 * @param start    where it begins
 * @param end      where it ends; empty while it is still going
 * @param attemptSpan the attempt it draws, for attempt bars
 * @param waitSpan    the wait it draws, for wait bars
 * @param attempts how many attempts the step made so far, for "attempt 2 of 4"
 */
public record TimelineSegment(SegmentKind kind, Instant start, Optional<Instant> end, Optional<AttemptSpan> attemptSpan,
                              Optional<WaitSpan> waitSpan, int attempts) {

    public TimelineSegment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(attemptSpan, "attemptSpan");
        Objects.requireNonNull(waitSpan, "waitSpan");
    }

    static TimelineSegment of(AttemptSpan attempt, int attempts, boolean reused) {
        SegmentKind kind = reused ? SegmentKind.REUSED : SegmentKind.ofAttempt(attempt.status(), attempt.running());
        return new TimelineSegment(kind, attempt.start(), attempt.end(), Optional.of(attempt), Optional.empty(),
                attempts);
    }

    static TimelineSegment of(WaitSpan wait) {
        return new TimelineSegment(SegmentKind.WAITING, wait.start(), wait.end(), Optional.empty(),
                Optional.of(wait), 0);
    }

    /** Where it ends on screen: its end, or {@code now} while it is still going (never before its start). */
    public Instant endOr(Instant now) {
        Instant to = end.orElse(now);
        return to.isBefore(start) ? start : to;
    }
}
