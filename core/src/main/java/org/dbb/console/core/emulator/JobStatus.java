package org.dbb.console.core.emulator;

/**
 * The status of a Fabric job instance. A job moves {@code NotStarted → InProgress → Completed | Failed |
 * Cancelled}, or {@code NotStarted → Deduped | Cancelled}; the last four are terminal. Immutable.
 */
enum JobStatus {
    NOT_STARTED("NotStarted"),
    IN_PROGRESS("InProgress"),
    COMPLETED("Completed"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    /** Skipped because a job of the same type was already running. */
    DEDUPED("Deduped");

    private final String jsonName;

    JobStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }

    boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == DEDUPED;
    }
}
