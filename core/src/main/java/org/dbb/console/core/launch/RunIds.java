package org.dbb.console.core.launch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * New run ids an operator can read, sort and type: the UTC start time to the second and four random hex digits,
 * e.g. {@code 20261127-0605-31-a3f9}. Thread-safe.
 */
public final class RunIds implements Supplier<String> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm-ss")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RunIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String get() {
        byte[] suffix = new byte[2];
        random.nextBytes(suffix);
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
