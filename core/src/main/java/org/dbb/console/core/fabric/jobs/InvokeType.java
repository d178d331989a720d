package org.dbb.console.core.fabric.jobs;

import org.dbb.console.core.fabric.http.WireEnum;

/** How a job instance was started. Immutable. */
public enum InvokeType implements WireEnum {
    SCHEDULED("Scheduled"),
    MANUAL("Manual"),
    UNKNOWN("Unknown");

    private final String wireName;

    InvokeType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static InvokeType parse(String value) {
        return WireEnum.parse(InvokeType.class, value, UNKNOWN);
    }
}
