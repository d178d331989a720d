package org.dbb.console.core.fabric.jobs;

import java.util.List;
import java.util.Objects;

/**
 * One filter of an activity-run query, in Data Factory's terms. Only {@code Status} and {@code ActivityName} with
 * {@code Equals} have been seen to work against Fabric. Immutable.
 *
 * @param operand  e.g. {@code Status}, {@code ActivityName}, {@code ActivityType}
 * @param operator e.g. {@code Equals}, {@code NotEquals}, {@code In}, {@code NotIn}
 * @param values   the values to compare with
 */
public record ActivityRunFilter(String operand, String operator, List<String> values) {

    public ActivityRunFilter {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }

    public static ActivityRunFilter statusEquals(String status) {
        return new ActivityRunFilter("Status", "Equals", List.of(status));
    }

    public static ActivityRunFilter activityNameEquals(String activityName) {
        return new ActivityRunFilter("ActivityName", "Equals", List.of(activityName));
    }
}
