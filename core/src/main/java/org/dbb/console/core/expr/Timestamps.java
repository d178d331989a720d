package org.dbb.console.core.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the timestamp strings date functions accept. Everything is normalised to UTC, the zone Fabric runs
 * pipelines in; a timestamp without an offset is taken to be UTC already. Stateless.
 */
final class Timestamps {

    private static final List<java.util.function.Function<String, OffsetDateTime>> FORMS = List.of(
            text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .withOffsetSameInstant(ZoneOffset.UTC),
            text -> LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC),
            text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().atOffset(ZoneOffset.UTC));

    private Timestamps() {
    }

    /** An ISO 8601 date-time (with or without offset, 'T' or a space between date and time) or a plain date. */
    static Optional<OffsetDateTime> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.length() > 10 && trimmed.charAt(10) == ' ') {
            trimmed = trimmed.substring(0, 10) + 'T' + trimmed.substring(11);
        }
        for (java.util.function.Function<String, OffsetDateTime> form : FORMS) {
            try {
                return Optional.of(form.apply(trimmed));
            } catch (DateTimeParseException notThisForm) {
                // a later, less specific form may still fit
            }
        }
        return Optional.empty();
    }
}
