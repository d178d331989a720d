package org.dbb.console.core.monitoring;

/** The status column of {@code meta.monitoring_integration}; {@link #wireName()} is what the table holds. */
public enum MonitoringStatus {
    /** Written when an attempt starts. */
    IN_PROGRESS("InProgress"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    /** The attempt ran longer than its policy timeout and was cancelled. */
    TIMED_OUT("TimedOut"),
    /** A step that did not run because its dependency conditions were not met. */
    SKIPPED("Skipped"),
    /** A monitoring check found a value outside its threshold. */
    THRESHOLD_BREACH("ThresholdBreach"),
    /** A console-side check found an activity without a Succeeded row. */
    INCOMPLETE_LOAD("IncompleteLoad"),
    /** A refresh or job ran longer than its target duration (it was not cancelled). */
    OVERRUN("Overrun");

    private final String wireName;

    MonitoringStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The status a table value names. */
    public static MonitoringStatus parse(String value) {
        for (MonitoringStatus s : values()) {
            if (s.wireName.equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown monitoring status '" + value + "'");
    }
}
