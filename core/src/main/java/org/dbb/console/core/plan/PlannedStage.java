package org.dbb.console.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * A stage of the run: a named group of top-level activities, in run order. Immutable.
 *
 * @param number 1-based position in run order
 * @param name   the stage name, e.g. {@code Transformation}
 * @param steps  its top-level steps
 */
public record PlannedStage(int number, String name, List<PlannedStep> steps) {

    public PlannedStage {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
    }
}
