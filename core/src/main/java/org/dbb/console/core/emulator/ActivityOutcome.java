package org.dbb.console.core.emulator;

import org.dbb.console.core.workspace.pipeline.DependencyCondition;

/**
 * How an activity run ended; while it runs, its status reads {@code InProgress}. {@link #SKIPPED} never appears as
 * a run: it is what dependents see of an activity that did not run. Immutable.
 */
enum ActivityOutcome {
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    SKIPPED("Skipped");

    private final String jsonName;

    ActivityOutcome(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }

    /** The condition value a dependent's {@code dependsOn} is checked against. */
    DependencyCondition asCondition() {
        return switch (this) {
            case SUCCEEDED -> DependencyCondition.SUCCEEDED;
            case FAILED, CANCELLED -> DependencyCondition.FAILED;
            case SKIPPED -> DependencyCondition.SKIPPED;
        };
    }
}
