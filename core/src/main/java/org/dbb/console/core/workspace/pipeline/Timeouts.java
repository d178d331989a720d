package org.dbb.console.core.workspace.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes activity timeouts in the .NET time-span form Fabric uses, {@code D.HH:MM:SS} (days optional,
 * optional {@code .fffffff} fraction of a second), e.g. {@code 0.12:00:00} for twelve hours. Stateless.
 */
public final class Timeouts {

    private static final Pattern FORM =
            Pattern.compile("(?:(\\d{1,8})\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?");
    private static final String EXAMPLE = "e.g. 0.12:00:00 for 12 hours or 1.00:00:00 for one day";

    private Timeouts() {
    }

    /**
     * Reads {@code D.HH:MM:SS} or {@code HH:MM:SS}; single-digit hours such as {@code 0.1:00:00} are accepted
     * because Fabric writes them.
     *
     * @throws IllegalArgumentException naming the text and the expected form when it is not a time span
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the timeout is empty; write it as D.HH:MM:SS, " + EXAMPLE);
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("the timeout \"" + text + "\" is not in the form D.HH:MM:SS"
                    + " (days optional); write it " + EXAMPLE);
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        int hours = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        int seconds = Integer.parseInt(m.group(4));
        if (hours > 23) {
            throw new IllegalArgumentException("the timeout \"" + text + "\" has " + hours + " hours; hours go from 0"
                    + " to 23, so write " + format(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes)
                    .plusSeconds(seconds)) + " instead");
        }
        if (minutes > 59 || seconds > 59) {
            throw new IllegalArgumentException("the timeout \"" + text + "\" has " + (minutes > 59 ? minutes
                    + " minutes" : seconds + " seconds") + "; minutes and seconds go from 0 to 59");
        }
        long nanos = m.group(5) == null ? 0 : Long.parseLong((m.group(5) + "000000000").substring(0, 9));
        return Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusNanos(nanos);
    }

    /** Writes {@code D.HH:MM:SS}, adding a seven-digit fraction only when the duration has one. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a timeout cannot be negative: " + duration);
        }
        String text = String.format("%d.%02d:%02d:%02d", duration.toDays(), duration.toHoursPart(),
                duration.toMinutesPart(), duration.toSecondsPart());
        int nanos = duration.toNanosPart();
        return nanos == 0 ? text : text + String.format(".%07d", nanos / 100);
    }

    /** Words for people: {@code 12 hours}, {@code 1 day 2 hours}, {@code 90 seconds} becomes {@code 1 minute 30 seconds}. */
    public static String describe(Duration duration) {
        List<String> parts = new ArrayList<>();
        addPart(parts, duration.toDays(), "day");
        addPart(parts, duration.toHoursPart(), "hour");
        addPart(parts, duration.toMinutesPart(), "minute");
        addPart(parts, duration.toSecondsPart(), "second");
        return parts.isEmpty() ? (duration.isZero() ? "0 seconds" : "under a second") : String.join(" ", parts);
    }

    private static void addPart(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
