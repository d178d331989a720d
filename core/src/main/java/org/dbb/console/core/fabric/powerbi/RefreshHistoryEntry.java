package org.dbb.console.core.fabric.powerbi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a model's refresh history, including refreshes the console did not start (scheduled, portal).
 * Immutable.
 *
 * @param requestId            the refresh id (the one to poll or cancel)
 * @param id                   Power BI's numeric id, when present
 * @param refreshType          {@code Scheduled}, {@code OnDemand}, {@code ViaApi}, {@code ViaEnhancedApi} …
 * @param state                the state (from {@code extendedStatus} when present, else {@code status})
 * @param statusText           {@code status} as Power BI sent it
 * @param startTime            when it started
 * @param endTime              when it ended; empty while running
 * @param serviceExceptionJson the error as Power BI's JSON text, when it failed
 */
public record RefreshHistoryEntry(String requestId, OptionalLong id, String refreshType, RefreshState state,
        String statusText, Optional<Instant> startTime, Optional<Instant> endTime,
        Optional<String> serviceExceptionJson) {

    public RefreshHistoryEntry {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(refreshType, "refreshType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(serviceExceptionJson, "serviceExceptionJson");
    }

    /** Whether this refresh is still running (the one a busy model is executing). */
    public boolean isRunning() {
        return !state.isTerminal();
    }
}
