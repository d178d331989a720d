package org.dbb.console.core.emulator;

/**
 * Power BI's {@code extendedStatus} of a refresh: {@code NotStarted → InProgress → Completed | Failed | TimedOut
 * | Cancelled}. {@code Unknown} and {@code Disabled} exist in the service's enum but the emulator never plans them.
 * Immutable.
 */
enum ExtendedStatus {
    UNKNOWN("Unknown"),
    NOT_STARTED("NotStarted"),
    IN_PROGRESS("InProgress"),
    COMPLETED("Completed"),
    TIMED_OUT("TimedOut"),
    FAILED("Failed"),
    DISABLED("Disabled"),
    CANCELLED("Cancelled");

    private final String jsonName;

    ExtendedStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }

    boolean isTerminal() {
        return this == COMPLETED || this == TIMED_OUT || this == FAILED || this == DISABLED || this == CANCELLED;
    }

    /** The older {@code status} field: {@code Unknown} while running (the swagger's meaning), else the outcome. */
    String legacyStatus() {
        return switch (this) {
            case COMPLETED -> "Completed";
            case FAILED, TIMED_OUT -> "Failed";
            case CANCELLED -> "Cancelled";
            case DISABLED -> "Disabled";
            default -> "Unknown";
        };
    }
}
