package org.dbb.console.app.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The time axis's ticks: a round step (1 s … 1 day) wide enough for its labels at the current zoom, and tick
 * instants aligned to the wall clock of the operator's zone, so labels read 10:45, 10:50 rather than 10:42:17.
 * Stateless.
 */
final class TimeTicks {

    private static final long[] STEPS_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
            10_800, 21_600, 43_200, 86_400};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private TimeTicks() {
    }

    /** The smallest round step whose ticks are at least {@code minSpacingPx} apart at this zoom. */
    static long stepSeconds(double secondsPerPixel, double minSpacingPx) {
        for (long step : STEPS_SECONDS) {
            if (step / secondsPerPixel >= minSpacingPx) {
                return step;
            }
        }
        return STEPS_SECONDS[STEPS_SECONDS.length - 1];
    }

    /** Every tick from {@code from} to {@code to} (both inclusive), on multiples of the step in {@code zone}. */
    static List<Instant> ticks(Instant from, Instant to, long stepSeconds, ZoneId zone) {
        long offset = zone.getRules().getOffset(from).getTotalSeconds();
        long first = Math.floorDiv(from.getEpochSecond() + offset + stepSeconds - 1, stepSeconds) * stepSeconds
                - offset;
        List<Instant> ticks = new ArrayList<>();
        for (long t = first; t <= to.getEpochSecond(); t += stepSeconds) {
            ticks.add(Instant.ofEpochSecond(t));
        }
        return ticks;
    }

    /** A tick's label: seconds only when the step needs them, the date once steps reach a day. */
    static String label(Instant tick, long stepSeconds, ZoneId zone) {
        DateTimeFormatter format = stepSeconds < 60 ? SECONDS : stepSeconds < 86_400 ? MINUTES : DAYS;
        return format.format(tick.atZone(zone));
    }
}
