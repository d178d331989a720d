package org.dbb.console.app.models;

import java.util.Locale;

/** Where one model is in the refresh conductor of the active run, as the conductor view shows it. Immutable. */
public enum ConductorState {
    /** Not started; waits its turn in list order. */
    QUEUED,
    /** Waiting, with a reason: a slot held by others, the model busy in Power BI, a retry, throttling. */
    WAITING,
    /** One of this run's refreshes of it is in flight. */
    REFRESHING,
    DONE,
    FAILED,
    CANCELLED,
    /** Not refreshed in this run (outside a re-run, or its stage did not start). */
    SKIPPED;

    /** The word shown, e.g. {@code refreshing}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
