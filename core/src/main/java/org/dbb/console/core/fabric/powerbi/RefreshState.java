package org.dbb.console.core.fabric.powerbi;

import org.dbb.console.core.fabric.http.WireEnum;

/**
 * State of a semantic-model refresh, from Power BI's {@code extendedStatus} (its {@code status} alone is not
 * reliable). Terminal: {@link #COMPLETED}, {@link #FAILED}, {@link #TIMED_OUT}, {@link #CANCELLED},
 * {@link #DISABLED}. {@link #UNKNOWN} covers Power BI's own {@code Unknown} and values this console does not know;
 * keep polling on it. Immutable.
 */
public enum RefreshState implements WireEnum {
    NOT_STARTED("NotStarted"),
    IN_PROGRESS("InProgress"),
    COMPLETED("Completed"),
    FAILED("Failed"),
    TIMED_OUT("TimedOut"),
    CANCELLED("Cancelled"),
    /** Skipped: disabled by selective refresh. */
    DISABLED("Disabled"),
    UNKNOWN("Unknown");

    private final String wireName;

    RefreshState(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == TIMED_OUT || this == CANCELLED || this == DISABLED;
    }

    public static RefreshState parse(String value) {
        return WireEnum.parse(RefreshState.class, value, UNKNOWN);
    }

    /**
     * The state from {@code extendedStatus} when present, else from {@code status}; Power BI reports a running
     * refresh as {@code status: Unknown} without an end time.
     */
    static RefreshState derive(String extendedStatus, String status, boolean ended) {
        if (extendedStatus != null && !extendedStatus.isBlank()) {
            return parse(extendedStatus);
        }
        RefreshState fromStatus = parse(status);
        return fromStatus == UNKNOWN && !ended ? IN_PROGRESS : fromStatus;
    }
}
