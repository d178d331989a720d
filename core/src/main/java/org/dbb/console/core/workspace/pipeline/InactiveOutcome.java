package org.dbb.console.core.workspace.pipeline;

import java.util.Arrays;
import java.util.Optional;

/** The status an inactive activity reports to its dependents instead of running ({@code onInactiveMarkAs}). Immutable. */
public enum InactiveOutcome {
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    SKIPPED("Skipped");

    private final String jsonName;

    InactiveOutcome(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<InactiveOutcome> fromJson(String text) {
        return Arrays.stream(values()).filter(o -> o.jsonName.equalsIgnoreCase(text)).findFirst();
    }
}
