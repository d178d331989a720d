package org.dbb.console.core.workspace.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When each attempt of an activity starts under its retry policy and how long it may take at worst: every attempt
 * runs up to the timeout and the next one starts {@code interval} after the previous one failed. Immutable.
 *
 * @param retries  retries after the first attempt
 * @param interval the wait between a failed attempt and the next
 * @param timeout  the longest one attempt may run
 */
public record RetrySchedule(int retries, Duration interval, Duration timeout) {

    /** Attempts listed one by one; longer schedules show the first few and the last. */
    public static final int LISTED_ATTEMPTS = 6;

    public RetrySchedule {
        if (retries < 0) {
            throw new IllegalArgumentException("retries cannot be negative: " + retries);
        }
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The schedule of a policy as Fabric applies it (defaults for values the file leaves out). */
    public static RetrySchedule of(ActivityPolicy policy) {
        return new RetrySchedule(Math.max(0, policy.effectiveRetry()),
                Duration.ofSeconds(policy.effectiveRetryIntervalInSeconds()), policy.effectiveTimeout());
    }

    public int attempts() {
        return retries + 1;
    }

    /** Every attempt timing out and every wait between them: {@code attempts × timeout + retries × interval}. */
    public Duration worstCase() {
        return timeout.multipliedBy(attempts()).plus(interval.multipliedBy(retries));
    }

    /** {@code worst case 4 × 2 h timeout + 3 × 30 s = 8 h 01 min 30 s}. */
    public String worstCaseText() {
        String sum = attempts() + " × " + compact(timeout) + " timeout"
                + (retries == 0 ? "" : " + " + retries + " × " + compact(interval));
        return "worst case " + sum + " = " + compact(worstCase());
    }

    /**
     * One line per attempt, e.g. {@code attempt 2: 30 s after attempt 1 fails, at the latest t0 + 2 h 00 min 30 s};
     * more than {@value #LISTED_ATTEMPTS} attempts are cut to the first ones, an ellipsis line and the last.
     */
    public List<String> attemptLines() {
        List<String> lines = new ArrayList<>();
        int total = attempts();
        for (int n = 1; n <= total; n++) {
            if (total > LISTED_ATTEMPTS && n == LISTED_ATTEMPTS - 1) {
                lines.add("… " + (total - LISTED_ATTEMPTS + 1) + " more attempts, each " + compact(interval)
                        + " after the previous one fails …");
                n = total - 1;
                continue;
            }
            lines.add(attemptLine(n));
        }
        return lines;
    }

    private String attemptLine(int n) {
        if (n == 1) {
            return "attempt 1 at t0 (runs up to " + compact(timeout) + ")";
        }
        Duration latest = timeout.plus(interval).multipliedBy(n - 1L);
        return "attempt " + n + ": " + compact(interval) + " after attempt " + (n - 1) + " fails, at the latest t0 + "
                + compact(latest);
    }

    /**
     * A duration in short units, from the largest to the smallest non-zero one, later units two digits wide:
     * {@code 30 s}, {@code 2 h}, {@code 8 h 01 min 30 s}, {@code 1 d 00 h 05 min}.
     */
    public static String compact(Duration duration) {
        long[] amounts = {duration.toDaysPart(), duration.toHoursPart(), duration.toMinutesPart(),
                duration.toSecondsPart()};
        String[] units = {"d", "h", "min", "s"};
        int first = -1;
        int last = -1;
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] != 0) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return duration.isZero() ? "0 s" : "under 1 s";
        }
        StringBuilder text = new StringBuilder();
        for (int i = first; i <= last; i++) {
            if (i > first) {
                text.append(' ').append(String.format("%02d", amounts[i]));
            } else {
                text.append(amounts[i]);
            }
            text.append(' ').append(units[i]);
        }
        return text.toString();
    }
}
