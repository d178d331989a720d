package org.dbb.console.core.fabric.powerbi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt Power BI made within a refresh (it retries by itself when {@code retryCount} allows). Immutable.
 *
 * @param attemptId            the attempt number
 * @param type                 {@code Data} or {@code Query}
 * @param startTime            when it started
 * @param endTime              when it ended
 * @param serviceExceptionJson the error as Power BI's JSON text, when it failed
 */
public record RefreshAttempt(int attemptId, String type, Optional<Instant> startTime, Optional<Instant> endTime,
        Optional<String> serviceExceptionJson) {

    public RefreshAttempt {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(serviceExceptionJson, "serviceExceptionJson");
    }
}
