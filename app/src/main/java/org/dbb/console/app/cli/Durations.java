package org.dbb.console.app.cli;

import java.time.Duration;

/** Durations as operators read them: {@code 850 ms}, {@code 12.4 s}, {@code 3m 05s}, {@code 1h 02m}. Stateless. */
final class Durations {

    private Durations() {
    }

    static String text(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
