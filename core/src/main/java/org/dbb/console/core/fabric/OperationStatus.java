package org.dbb.console.core.fabric;

import org.dbb.console.core.fabric.http.WireEnum;

/** Status of a Fabric long-running operation. Terminal: {@link #SUCCEEDED}, {@link #FAILED}. Immutable. */
public enum OperationStatus implements WireEnum {
    UNDEFINED("Undefined"),
    NOT_STARTED("NotStarted"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    UNKNOWN("Unknown");

    private final String wireName;

    OperationStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }

    public static OperationStatus parse(String value) {
        return WireEnum.parse(OperationStatus.class, value, UNKNOWN);
    }
}
