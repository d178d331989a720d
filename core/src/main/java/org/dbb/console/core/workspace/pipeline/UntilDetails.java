package org.dbb.console.core.workspace.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An {@code Until} activity: repeats its inner activities until an expression is true or a timeout passes.
 * Immutable.
 *
 * @param expression the exit condition
 * @param timeout    the loop's time limit as written (usually {@code D.HH:MM:SS}), if any
 * @param activities the inner activities
 */
public record UntilDetails(DynamicValue expression, Optional<DynamicValue> timeout, List<Activity> activities)
        implements ActivityDetails {

    public UntilDetails {
        activities = List.copyOf(activities);
    }

    /** The time limit when it is written as a literal time span; empty when absent or an expression. */
    public Optional<Duration> timeoutDuration() {
        return timeout.flatMap(DynamicValue::literalText).map(Timeouts::parse);
    }

    @Override
    public List<Activity> childActivities() {
        return activities;
    }
}
