package org.dbb.console.core.workspace.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks a monitoring rule of {@code dbb-console.yml} can make; {@link #wireName()} is its {@code kind}.
 * Immutable.
 */
public enum MonitoringRuleKind {
    /** An activity expected in a stage has no Succeeded row in the run. */
    INCOMPLETE_LOAD("incomplete-load"),
    /** A stage (or one activity in it) took longer than its target. */
    DURATION_OVER_TARGET("duration-over-target"),
    /** A Copy activity copied fewer rows than its minimum. */
    ROWS_BELOW_MINIMUM("rows-below-minimum");

    private final String wireName;

    MonitoringRuleKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind a settings file names, exactly as written. */
    public static Optional<MonitoringRuleKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst();
    }

    /** Every kind as written in the file, for messages: {@code incomplete-load, duration-over-target, …}. */
    public static String choices() {
        return Arrays.stream(values()).map(MonitoringRuleKind::wireName).collect(Collectors.joining(", "));
    }
}
