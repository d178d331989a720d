package org.dbb.console.app.timeline;

import java.time.Duration;

/**
 * Durations as the timeline words them: {@code 850 ms}, {@code 45 s}, {@code 1 min 3 s}, {@code 2 h 5 min}; a
 * ticking {@linkplain #clock clock} form with padded seconds so the figure does not jitter; and a
 * {@linkplain #rough rough} form for estimates. Stateless.
 */
public final class TimelineDurations {

    private TimelineDurations() {
    }

    /** A duration in its two largest units, e.g. {@code 1 min 3 s}, {@code 2 h 5 min}. */
    public static String text(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            long s = seconds % 60;
            return seconds / 60 + " min" + (s == 0 ? "" : " " + s + " s");
        }
        long min = seconds % 3600 / 60;
        return seconds / 3600 + " h" + (min == 0 ? "" : " " + min + " min");
    }

    /** A running counter, e.g. {@code 45 s}, {@code 12 min 04 s}, {@code 1 h 02 min 09 s}. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min %02d s", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    /** An estimate to the nearest sensible unit, e.g. {@code 40 s}, {@code 18 min}, {@code 1 h 20 min}. */
    public static String rough(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
