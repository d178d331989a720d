package org.dbb.console.core.workspace.pipeline;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code dependsOn} entry: the upstream activity (a sibling, by name) and the outcomes of it that let the
 * dependent start. Immutable.
 *
 * @param activity   the upstream activity's name
 * @param conditions the outcomes that satisfy this dependency; Fabric requires at least one
 */
public record Dependency(String activity, Set<DependencyCondition> conditions) {

    public Dependency {
        Objects.requireNonNull(activity, "activity");
        // An EnumSet keeps the declared order, so the conditions print the same way every time.
        EnumSet<DependencyCondition> ordered = EnumSet.noneOf(DependencyCondition.class);
        ordered.addAll(conditions);
        conditions = Collections.unmodifiableSet(ordered);
    }

    /** Whether an upstream that ended with {@code outcome} satisfies this dependency. */
    public boolean isSatisfiedBy(DependencyCondition outcome) {
        if (conditions.contains(outcome)) {
            return true;
        }
        return conditions.contains(DependencyCondition.COMPLETED)
                && (outcome == DependencyCondition.SUCCEEDED || outcome == DependencyCondition.FAILED);
    }
}
