package org.dbb.console.core.workspace.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code IfCondition} activity: runs one of two branches depending on a boolean expression. Immutable.
 *
 * @param expression         the condition
 * @param ifTrueActivities   run when it is true
 * @param ifFalseActivities  run when it is false
 */
public record IfConditionDetails(DynamicValue expression, List<Activity> ifTrueActivities,
                                 List<Activity> ifFalseActivities) implements ActivityDetails {

    public IfConditionDetails {
        ifTrueActivities = List.copyOf(ifTrueActivities);
        ifFalseActivities = List.copyOf(ifFalseActivities);
    }

    @Override
    public List<Activity> childActivities() {
        List<Activity> all = new ArrayList<>(ifTrueActivities);
        all.addAll(ifFalseActivities);
        return List.copyOf(all);
    }
}
