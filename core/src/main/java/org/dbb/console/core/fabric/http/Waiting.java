package org.dbb.console.core.fabric.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One wait of one call, for a step's {@code WAITING(reason)} state: what is waited for, until when and why, e.g.
 * "throttled by Fabric until 10:42:07 (429, Retry-After 20 s)". Immutable.
 *
 * @param call       the operation that waits
 * @param cause      why it waits
 * @param attempt    the attempt that just failed (1-based), or the number of status checks so far
 * @param delay      how long the wait lasts
 * @param until      when the next attempt or check starts
 * @param status     the HTTP status that caused the wait; 0 when there was no response
 * @param retryAfter the {@code Retry-After} the service sent, if any
 * @param reason     the sentence to show operators
 */
public record Waiting(ApiCall call, WaitCause cause, int attempt, Duration delay, Instant until, int status,
        Optional<Duration> retryAfter, String reason) {

    public Waiting {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(reason, "reason");
    }
}
