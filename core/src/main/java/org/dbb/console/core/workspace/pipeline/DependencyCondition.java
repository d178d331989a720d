package org.dbb.console.core.workspace.pipeline;

import java.util.Arrays;
import java.util.Optional;

/** The outcome of an upstream activity that lets a dependent activity start, as written in {@code dependsOn}. Immutable. */
public enum DependencyCondition {
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    SKIPPED("Skipped"),
    /** Succeeded or failed: the dependent runs either way. */
    COMPLETED("Completed");

    private final String jsonName;

    DependencyCondition(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The spelling in pipeline JSON, e.g. {@code Succeeded}. */
    public String jsonName() {
        return jsonName;
    }

    /** The condition spelled {@code text} (case-insensitively, as Fabric accepts), if it is one. */
    public static Optional<DependencyCondition> fromJson(String text) {
        return Arrays.stream(values()).filter(c -> c.jsonName.equalsIgnoreCase(text)).findFirst();
    }
}
