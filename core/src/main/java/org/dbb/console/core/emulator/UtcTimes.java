package org.dbb.console.core.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The timestamp spellings each service uses. Stateless. */
final class UtcTimes {

    /** Fabric job and operation times: UTC, seven fractional digits, no offset. */
    private static final DateTimeFormatter FABRIC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS").withZone(ZoneOffset.UTC);
    /** Activity runs (ADF style): UTC with seven fractional digits and {@code Z}. */
    private static final DateTimeFormatter ACTIVITY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Power BI and Azure DevOps: UTC, milliseconds, {@code Z}. */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UtcTimes() {
    }

    static String fabric(Instant t) {
        return FABRIC.format(t);
    }

    static String activity(Instant t) {
        return ACTIVITY.format(t);
    }

    static String millis(Instant t) {
        return MILLIS.format(t);
    }
}
