package org.dbb.console.core.emulator.scenario;

import java.util.Arrays;
import java.util.Optional;

/** The HTTP faults a scenario can script on a route. Immutable. */
public enum FaultKind {
    /** 429 with {@code Retry-After} and the service's throttling error body. */
    THROTTLE("throttle"),
    /** A 5xx answer with the service's error body. */
    SERVER_ERROR("serverError"),
    /** The connection is closed without an answer. */
    DROP("drop"),
    /** The normal answer, sent after a real-time delay. */
    SLOW("slow");

    private final String yamlName;

    FaultKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in scenario files. */
    public String yamlName() {
        return yamlName;
    }

    public static Optional<FaultKind> fromYaml(String text) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(text)).findFirst();
    }
}
