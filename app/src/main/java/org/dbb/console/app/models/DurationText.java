package org.dbb.console.app.models;

import java.time.Duration;

/** Durations as operators read them: {@code 850 ms}, {@code 4.2 s}, {@code 37 s}, {@code 4 min 12 s}, {@code 1 h 05 min}. */
final class DurationText {

    private DurationText() {
    }

    static String of(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            long s = seconds % 60;
            return seconds / 60 + " min" + (s == 0 ? "" : " " + s + " s");
        }
        return seconds / 3600 + " h " + String.format(java.util.Locale.ROOT, "%02d", seconds % 3600 / 60) + " min";
    }
}
