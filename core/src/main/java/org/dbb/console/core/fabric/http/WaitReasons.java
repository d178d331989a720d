package org.dbb.console.core.fabric.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Writes the operator-facing sentence of a {@link Waiting}. Thread-safe. */
final class WaitReasons {

    private final DateTimeFormatter clockTime;

    WaitReasons(Clock clock) {
        this.clockTime = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(clock.getZone());
    }

    Waiting forFailure(FabricApiException failure, int attempt, Duration delay, Instant until) {
        ApiCall call = failure.call();
        String service = call.service().displayName();
        String at = clockTime.format(until);
        String retryAfter = failure.retryAfter().map(d -> ", Retry-After " + seconds(d)).orElse("");
        int status = failure.status();
        WaitCause cause;
        String reason;
        if (status == 429) {
            cause = WaitCause.THROTTLED;
            reason = "throttled by " + service + " until " + at + " (429" + retryAfter + ")";
        } else if (status == Failures.TOO_MANY_REQUESTS_FOR_CAPACITY) {
            cause = WaitCause.CAPACITY_BUSY;
            reason = service + " capacity is busy (430 " + failure.errorCode() + retryAfter + "), retrying at " + at;
        } else if (status == 503) {
            cause = WaitCause.SERVICE_UNAVAILABLE;
            reason = service + " unavailable (503" + retryAfter + "), retrying at " + at;
        } else if (status == 0) {
            cause = WaitCause.CONNECTION_FAILED;
            reason = "connection to " + service + " failed (" + failure.errorCode() + "), retrying at " + at;
        } else {
            cause = WaitCause.SERVICE_ERROR;
            reason = service + " error (" + status + " " + failure.errorCode() + retryAfter + "), retrying at " + at;
        }
        return new Waiting(call, cause, attempt, delay, until, status, failure.retryAfter(), reason);
    }

    Waiting forOperation(ApiCall call, String operationId, String state, int checks, Duration delay,
            Instant until) {
        String reason = call.service().displayName() + " operation " + operationId + " " + state
                + ", next check at " + clockTime.format(until);
        return new Waiting(call, WaitCause.OPERATION_RUNNING, checks, delay, until, 0, Optional.empty(),
                reason);
    }

    Waiting forPoll(ApiCall call, WaitCause cause, String subject, String state, int checks,
            Optional<Duration> retryAfter, Duration delay, Instant until) {
        String reason = subject + " " + state + ", next check at " + clockTime.format(until);
        return new Waiting(call, cause, checks, delay, until, 0, retryAfter, reason);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
