package org.dbb.console.core.workspace.pipeline;

import java.util.Arrays;
import java.util.Optional;

/** Whether an activity runs ({@code Active}, also when the file says nothing) or is switched off ({@code Inactive}). Immutable. */
public enum ActivityState {
    ACTIVE("Active"),
    INACTIVE("Inactive");

    private final String jsonName;

    ActivityState(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<ActivityState> fromJson(String text) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equalsIgnoreCase(text)).findFirst();
    }
}
