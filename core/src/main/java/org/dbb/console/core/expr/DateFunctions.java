package org.dbb.console.core.expr;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Date functions over UTC timestamps written as strings, formatted with .NET format strings and by default in the
 * round-trip format {@code o} ({@code 2024-05-01T00:00:00.0000000Z}), as Data Factory returns them. Stateless.
 */
final class DateFunctions {

    private DateFunctions() {
    }

    static JsonNode utcNow(Arguments arguments) {
        OffsetDateTime now = OffsetDateTime.now(arguments.context().clock()).withOffsetSameInstant(ZoneOffset.UTC);
        return formatted(arguments, now, 0);
    }

    static JsonNode formatDateTime(Arguments arguments) {
        return formatted(arguments, arguments.timestamp(0), 1);
    }

    static JsonNode addDays(Arguments arguments) {
        return shifted(arguments, ChronoUnit.DAYS);
    }

    static JsonNode addHours(Arguments arguments) {
        return shifted(arguments, ChronoUnit.HOURS);
    }

    static JsonNode addMinutes(Arguments arguments) {
        return shifted(arguments, ChronoUnit.MINUTES);
    }

    private static JsonNode shifted(Arguments arguments, ChronoUnit unit) {
        OffsetDateTime start = arguments.timestamp(0);
        long amount = arguments.integer(1);
        try {
            return formatted(arguments, start.plus(amount, unit), 2);
        } catch (DateTimeException outOfRange) {
            throw arguments.fail("adding " + amount + " " + unit.toString().toLowerCase(Locale.ROOT)
                    + " leaves the supported date range", "pass a smaller amount");
        }
    }

    /** The timestamp in the format given as argument {@code formatIndex}, or round-trip when there is none. */
    private static JsonNode formatted(Arguments arguments, OffsetDateTime time, int formatIndex) {
        String format = arguments.size() > formatIndex ? arguments.string(formatIndex) : DotNetDateFormat.ROUND_TRIP;
        try {
            return TextNode.valueOf(DotNetDateFormat.format(time, format));
        } catch (IllegalArgumentException badFormat) {
            throw arguments.fail(badFormat.getMessage(), "use a format such as 'yyyy-MM-dd' or 'yyyy-MM-ddTHH:mm:ss'");
        }
    }
}
