package org.dbb.console.app.models;

import java.util.Objects;

/**
 * One model's row in the conductor view of the active run. Immutable.
 *
 * @param model    the model name
 * @param state    where it is
 * @param detail   why it waits, which attempt runs, or why it failed
 * @param elapsed  how long its refresh has taken so far (first attempt's start to now or to its end), or a dash
 * @param target   its target duration, or a dash when unknown
 * @param overrun  whether it took longer than its target
 */
public record ConductorRow(String model, ConductorState state, String detail, String elapsed, String target,
                           boolean overrun) {

    public ConductorRow {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(target, "target");
    }

    /** Elapsed against target, e.g. {@code 4 min 12 s of 20 min}, with a mark when overrun. */
    public String elapsedVsTarget() {
        return elapsed + " of " + target + (overrun ? "  ⚠ over target" : "");
    }
}
