package org.dbb.console.core.emulator;

/**
 * The state of a Fabric long-running operation: {@code NotStarted → Running → Succeeded | Failed}. Immutable.
 */
enum OperationStatus {
    NOT_STARTED("NotStarted"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed");

    private final String jsonName;

    OperationStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }

    boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
