package org.dbb.console.core.workspace.pipeline;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Fabric's limits for an activity's retry policy, and the checks that turn an operator's text into a valid value
 * or explain what to enter instead. Messages name the value and the allowed range; callers prefix the activity.
 * Stateless.
 */
public final class RetryPolicyLimits {

    public static final int MIN_RETRY = 0;
    public static final int MAX_RETRY = 1000;
    public static final int MIN_RETRY_INTERVAL_SECONDS = 1;
    public static final int MAX_RETRY_INTERVAL_SECONDS = 86_400;
    public static final Duration MAX_TIMEOUT = Duration.ofDays(7);

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");

    private RetryPolicyLimits() {
    }

    /**
     * Retries after the first attempt, 0 to 1000.
     *
     * @throws IllegalArgumentException saying what is wrong and what to enter
     */
    public static int retry(String text) {
        String what = "enter a whole number of retries from " + MIN_RETRY + " to " + MAX_RETRY
                + " (0 means a single attempt)";
        long value = wholeNumber(text, "retry", what);
        if (value < MIN_RETRY || value > MAX_RETRY) {
            throw new IllegalArgumentException("retry " + text.strip() + " is outside the allowed range "
                    + MIN_RETRY + " to " + MAX_RETRY + "; " + what);
        }
        return (int) value;
    }

    /**
     * Seconds between attempts, 1 to 86400 (one day).
     *
     * @throws IllegalArgumentException saying what is wrong and what to enter
     */
    public static int retryIntervalInSeconds(String text) {
        String what = "enter a whole number of seconds from " + MIN_RETRY_INTERVAL_SECONDS + " to "
                + MAX_RETRY_INTERVAL_SECONDS + " (one day)";
        long value = wholeNumber(text, "retry interval", what);
        if (value < MIN_RETRY_INTERVAL_SECONDS || value > MAX_RETRY_INTERVAL_SECONDS) {
            throw new IllegalArgumentException("retry interval " + text.strip() + " s is outside the allowed range "
                    + MIN_RETRY_INTERVAL_SECONDS + " to " + MAX_RETRY_INTERVAL_SECONDS + " seconds; " + what);
        }
        return (int) value;
    }

    /**
     * The longest one attempt may run, {@code D.HH:MM:SS}, more than zero and at most 7 days.
     *
     * @throws IllegalArgumentException saying what is wrong and what to enter
     */
    public static Duration timeout(String text) {
        String what = "enter a timeout from 0.00:00:01 to " + Timeouts.format(MAX_TIMEOUT)
                + ", e.g. 0.12:00:00 for 12 hours";
        Duration value;
        try {
            value = Timeouts.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (allowed range: 0.00:00:01 to "
                    + Timeouts.format(MAX_TIMEOUT) + ")");
        }
        if (value.isZero()) {
            throw new IllegalArgumentException("timeout " + text.strip() + " is zero, which Fabric does not allow; "
                    + what);
        }
        if (value.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout " + text.strip() + " (" + Timeouts.describe(value)
                    + ") is outside the allowed range: longer than the maximum " + Timeouts.format(MAX_TIMEOUT)
                    + " (7 days); " + what);
        }
        return value;
    }

    private static long wholeNumber(String text, String name, String what) {
        String stripped = text == null ? "" : text.strip();
        if (!WHOLE_NUMBER.matcher(stripped).matches()) {
            throw new IllegalArgumentException(name + " \"" + (text == null ? "" : text)
                    + "\" is not a whole number; " + what);
        }
        try {
            return Long.parseLong(stripped);
        } catch (NumberFormatException e) {
            // Too many digits for a long is still just "too large"; report it as out of range.
            return stripped.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
