package org.dbb.console.core.expr;

import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Formats a UTC timestamp with a .NET date format string, the kind {@code formatDateTime} takes: the standard
 * formats {@code o}, {@code s}, {@code u}, {@code d}, {@code D}, {@code t}, {@code T}, or a custom pattern built from
 * {@code yyyy MM dd HH hh mm ss f… F… tt K z} with quoted literals and {@code \} escapes, in the invariant culture.
 * Stateless.
 */
final class DotNetDateFormat {

    /** The default format of date functions: .NET's round-trip format, seven fraction digits and 'Z'. */
    static final String ROUND_TRIP = "o";

    private static final int MAX_FRACTION_DIGITS = 7;

    private DotNetDateFormat() {
    }

    /**
     * @throws IllegalArgumentException for a one-letter standard format the console does not implement or a
     *                                  malformed pattern; the message says which
     */
    static String format(OffsetDateTime utc, String format) {
        return custom(utc, format.length() == 1 ? standard(format.charAt(0)) : format);
    }

    private static String standard(char format) {
        return switch (format) {
            case 'o', 'O' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
            case 's' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
            case 'u' -> "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
            case 'd' -> "MM/dd/yyyy";
            case 'D' -> "dddd, dd MMMM yyyy";
            case 't' -> "HH:mm";
            case 'T' -> "HH:mm:ss";
            default -> throw new IllegalArgumentException("standard format '" + format
                    + "' is not supported; use o, s, u, d, D, t, T or a custom format such as 'yyyy-MM-dd'");
        };
    }

    private static String custom(OffsetDateTime time, String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int run = runLength(pattern, i);
            switch (c) {
                case '\'', '"' -> {
                    int close = pattern.indexOf(c, i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("format '" + pattern + "' has an unclosed " + c
                                + " quote at position " + i);
                    }
                    out.append(pattern, i + 1, close);
                    i = close + 1;
                    continue;
                }
                case '\\' -> {
                    if (i + 1 >= pattern.length()) {
                        throw new IllegalArgumentException("format '" + pattern + "' ends with a lone \\");
                    }
                    out.append(pattern.charAt(i + 1));
                    i += 2;
                    continue;
                }
                // a leading % makes a single letter a custom specifier rather than a standard format
                case '%' -> run = 1;
                case 'y' -> year(out, time.getYear(), run);
                case 'M' -> month(out, time, run);
                case 'd' -> day(out, time, run);
                case 'H' -> pad(out, time.getHour(), Math.min(run, 2));
                case 'h' -> pad(out, time.getHour() % 12 == 0 ? 12 : time.getHour() % 12, Math.min(run, 2));
                case 'm' -> pad(out, time.getMinute(), Math.min(run, 2));
                case 's' -> pad(out, time.getSecond(), Math.min(run, 2));
                case 'f', 'F' -> fraction(out, time.getNano(), run, c == 'F', pattern);
                case 't' -> out.append((time.getHour() < 12 ? "AM" : "PM").substring(0, Math.min(run, 2)));
                case 'K' -> out.append('Z');
                case 'z' -> out.append(run == 1 ? "+0" : run == 2 ? "+00" : "+00:00");
                default -> out.append(pattern, i, i + run);
            }
            i += run;
        }
        return out.toString();
    }

    private static void year(StringBuilder out, int year, int run) {
        if (run <= 2) {
            pad(out, year % 100, run);
        } else {
            pad(out, year, run);
        }
    }

    private static void month(StringBuilder out, OffsetDateTime time, int run) {
        if (run <= 2) {
            pad(out, time.getMonthValue(), run);
        } else {
            out.append(time.getMonth().getDisplayName(run == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH));
        }
    }

    private static void day(StringBuilder out, OffsetDateTime time, int run) {
        if (run <= 2) {
            pad(out, time.getDayOfMonth(), run);
        } else {
            out.append(time.getDayOfWeek().getDisplayName(run == 3 ? TextStyle.SHORT : TextStyle.FULL,
                    Locale.ENGLISH));
        }
    }

    private static void fraction(StringBuilder out, int nanos, int digits, boolean trimZeros, String pattern) {
        if (digits > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("format '" + pattern + "' asks for more than seven fraction digits");
        }
        String all = String.format(Locale.ROOT, "%09d", nanos).substring(0, digits);
        if (!trimZeros) {
            out.append(all);
            return;
        }
        String trimmed = all.replaceFirst("0+$", "");
        // .NET drops the decimal point too when F leaves nothing to show after it
        if (trimmed.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
            out.setLength(out.length() - 1);
        }
        out.append(trimmed);
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private static int runLength(String pattern, int start) {
        char c = pattern.charAt(start);
        int end = start + 1;
        while (end < pattern.length() && pattern.charAt(end) == c) {
            end++;
        }
        return end - start;
    }
}
