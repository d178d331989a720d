package org.dbb.console.core.fabric.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The retry bookkeeping of one call: how many retries were scheduled, how long they waited, and why retrying
 * stopped. Failsafe consults it through the retry policy built for that call. Thread-safe (async attempts may
 * run on different threads, one after the other).
 */
final class RetryLedger {

    private final RetryBudget budget;
    private int retries;
    private Duration waited = Duration.ZERO;
    private String refusal;

    RetryLedger(RetryBudget budget) {
        this.budget = budget;
    }

    /** Whether {@code failure} should be retried within the budget; remembers why not when it is retriable. */
    synchronized boolean mayRetry(Throwable failure) {
        if (!(failure instanceof FabricApiException e) || !e.isRetriable()) {
            return false;
        }
        if (retries + 1 >= budget.maxAttempts()) {
            refusal = "the retry budget allows " + budget.maxAttempts()
                    + (budget.maxAttempts() == 1 ? " attempt" : " attempts");
            return false;
        }
        Duration next = delayFor(e);
        Duration left = budget.maxTotalWait().minus(waited);
        if (next.compareTo(left) > 0) {
            refusal = (e.retryAfter().isPresent() ? "Retry-After " : "the next wait of ")
                    + WaitReasons.seconds(next) + " is more than the " + WaitReasons.seconds(left)
                    + " of waiting left in the retry budget";
            return false;
        }
        refusal = null;
        return true;
    }

    /** The wait before retrying {@code failure}: its {@code Retry-After}, else the budget's backoff. */
    synchronized Duration delayFor(Throwable failure) {
        Optional<Duration> asked = failure instanceof FabricApiException e ? e.retryAfter() : Optional.empty();
        return asked.orElseGet(() -> budget.backoff(retries));
    }

    synchronized void retryScheduled(Duration delay) {
        retries++;
        waited = waited.plus(delay);
    }

    /** Why the last retriable failure was not retried, when the budget was the reason. */
    synchronized Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    synchronized int attempts() {
        return retries + 1;
    }
}
