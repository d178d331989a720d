package org.dbb.console.app.timeline;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.StepKey;

/**
 * Identifies a row of the timeline across updates: a stage's lane header, or a step by its {@link StepKey}.
 * Expansion and selection are remembered by it. Immutable.
 *
 * @param stage the stage name
 * @param step  the step, empty for the stage's lane header
 */
public record RowId(String stage, Optional<StepKey> step) {

    public RowId {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(step, "step");
        step.ifPresent(key -> {
            if (!key.stage().equals(stage)) {
                throw new IllegalArgumentException("step " + key + " is not in stage " + stage);
            }
        });
    }

    /** The lane header of {@code stage}. */
    public static RowId stage(String stage) {
        return new RowId(stage, Optional.empty());
    }

    /** The row of step {@code key}. */
    public static RowId step(StepKey key) {
        return new RowId(key.stage(), Optional.of(key));
    }

    public boolean isStage() {
        return step.isEmpty();
    }

    @Override
    public String toString() {
        return step.map(StepKey::toString).orElse(stage);
    }
}
