package org.dbb.console.core.fabric.jobs;

import org.dbb.console.core.fabric.http.WireEnum;

/**
 * Status of a Fabric job instance. Terminal: {@link #COMPLETED}, {@link #FAILED}, {@link #CANCELLED},
 * {@link #DEDUPED}; {@link #NOT_STARTED} and {@link #IN_PROGRESS} mean keep polling. A value Fabric adds later maps
 * to {@link #UNKNOWN}, which callers should treat as still running. Immutable.
 */
public enum JobStatus implements WireEnum {
    NOT_STARTED("NotStarted"),
    IN_PROGRESS("InProgress"),
    COMPLETED("Completed"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    /** Skipped because an instance of the same job type was already running. */
    DEDUPED("Deduped"),
    UNKNOWN("Unknown");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == DEDUPED;
    }

    public static JobStatus parse(String value) {
        return WireEnum.parse(JobStatus.class, value, UNKNOWN);
    }
}
