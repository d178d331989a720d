package org.dbb.console.app.timeline;

import java.util.Optional;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.StepState;

/** What a bar on the timeline stands for, which decides how it is drawn. Immutable. */
public enum SegmentKind {
    /** An attempt still in flight. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** An attempt the console cancelled because it ran past its policy timeout. */
    TIMED_OUT,
    CANCELLED,
    /** A span the step spent waiting (upstream, slot, retry, throttling, busy model, queued in Fabric). */
    WAITING,
    /** An attempt of the original run whose result a re-run took over. */
    REUSED;

    /** The kind of an attempt bar; an attempt that ended without a recorded status counts as succeeded. */
    static SegmentKind ofAttempt(Optional<AttemptStatus> status, boolean running) {
        if (running) {
            return RUNNING;
        }
        return status.map(s -> switch (s) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case TIMED_OUT -> TIMED_OUT;
            case CANCELLED -> CANCELLED;
        }).orElse(SUCCEEDED);
    }

    /** The kind of a stage's summary bar; empty for states that draw none. */
    static Optional<SegmentKind> ofStage(StepState state) {
        return switch (state) {
            case RUNNING -> Optional.of(RUNNING);
            case WAITING -> Optional.of(WAITING);
            case SUCCEEDED -> Optional.of(SUCCEEDED);
            case FAILED -> Optional.of(FAILED);
            case CANCELLED -> Optional.of(CANCELLED);
            case PENDING, SKIPPED -> Optional.empty();
        };
    }
}
