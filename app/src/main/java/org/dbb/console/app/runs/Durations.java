package org.dbb.console.app.runs;

import java.time.Duration;

/** Durations in the words the runs page uses ("1 h 04 min", "3 min 07 s", "12 s"). Stateless. */
final class Durations {

    private Durations() {
    }

    static String words(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return s / 3600 + " h " + String.format("%02d", (s % 3600) / 60) + " min";
        }
        if (s >= 60) {
            return s / 60 + " min " + String.format("%02d", s % 60) + " s";
        }
        return s + " s";
    }
}
