package org.dbb.console.core.fabricruns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.dbb.console.core.fabric.Polling;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.http.Waiting;

/**
 * Remembers what Fabric last said about waiting and turns it into the wait before the next live read: a job
 * instance's {@code Retry-After} sets the pace, a throttled or refused call's {@code Retry-After} is a time before
 * which nothing is read again. Thread-safe.
 */
final class PollAdvice {

    /** What was last heard: the last {@code Retry-After} and the end of the last throttling, if any. */
    private record Heard(Optional<Duration> retryAfter, Optional<Instant> throttledUntil) {
    }

    private final Clock clock;
    private final Polling polling;
    private final AtomicReference<Heard> heard = new AtomicReference<>(new Heard(Optional.empty(),
            Optional.empty()));

    PollAdvice(Clock clock, Polling polling) {
        this.clock = clock;
        this.polling = polling;
    }

    /** A job instance's hint of when to look again. */
    void retryAfter(Optional<Duration> value) {
        value.ifPresent(v -> heard.updateAndGet(h -> new Heard(Optional.of(v), h.throttledUntil())));
    }

    /** A refusal's {@code Retry-After}: no read before it has passed, whatever the job instance hinted. */
    void refused(Optional<Duration> value) {
        value.ifPresent(v -> {
            Instant until = clock.instant().plus(v);
            heard.updateAndGet(h -> new Heard(h.retryAfter(), Optional.of(
                    h.throttledUntil().filter(t -> t.isAfter(until)).orElse(until))));
        });
    }

    /** Told about every wait the client makes; throttling and outages say how long the service wants peace. */
    void waiting(Waiting waiting) {
        boolean statusPoll = waiting.cause() == WaitCause.JOB_RUNNING
                || waiting.cause() == WaitCause.OPERATION_RUNNING || waiting.cause() == WaitCause.REFRESH_RUNNING;
        if (!statusPoll) {
            refused(waiting.retryAfter());
        }
    }

    Duration next() {
        Heard h = heard.get();
        Duration wait = polling.next(h.retryAfter());
        Optional<Duration> throttled = h.throttledUntil().map(t -> Duration.between(clock.instant(), t))
                .filter(d -> d.compareTo(wait) > 0);
        return throttled.orElse(wait);
    }
}
