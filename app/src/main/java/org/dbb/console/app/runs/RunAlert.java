package org.dbb.console.app.runs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.StepKey;

/**
 * An in-app notification about a run: a step that failed after its retries, a run that failed, a refresh that
 * overran its target, threshold breaches a monitoring notebook found. Immutable.
 *
 * @param kind   what happened
 * @param at     when
 * @param runId  the run
 * @param step   the step it concerns, when it concerns one
 * @param title  one line, e.g. "Transformation: Run transformation pipeline failed"
 * @param detail the service's error or the figures, e.g. "DbtJobFailed: model fct_sales failed (attempt 3 of 3)"
 */
public record RunAlert(Kind kind, Instant at, String runId, Optional<StepKey> step, String title, String detail) {

    /** What an alert is about. Immutable. */
    public enum Kind {
        RUN_FAILED,
        STEP_FAILED,
        OVERRUN,
        BREACH
    }

    public RunAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }
}
