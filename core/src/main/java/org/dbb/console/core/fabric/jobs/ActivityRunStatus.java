package org.dbb.console.core.fabric.jobs;

import org.dbb.console.core.fabric.http.WireEnum;

/**
 * Status of one activity run in a pipeline run. Fabric documents only {@code Succeeded}; the others follow Azure
 * Data Factory. Values not listed map to {@link #UNKNOWN}. Immutable.
 */
public enum ActivityRunStatus implements WireEnum {
    QUEUED("Queued"),
    IN_PROGRESS("InProgress"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELLING("Canceling"),
    CANCELLED("Cancelled"),
    SKIPPED("Skipped"),
    UNKNOWN("Unknown");

    private final String wireName;

    ActivityRunStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static ActivityRunStatus parse(String value) {
        return WireEnum.parse(ActivityRunStatus.class, value, UNKNOWN);
    }
}
