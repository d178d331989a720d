package org.dbb.console.core.fabric.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of the shared HTTP client. Immutable.
 *
 * @param connect establishing a connection
 * @param read    between bytes of a response
 * @param write   between bytes of a request
 * @param call    one whole exchange, including redirects and the 401 token refresh; zero means none
 */
public record HttpTimeouts(Duration connect, Duration read, Duration write, Duration call) {

    /** Generous enough for Fabric's slower endpoints (definitions, activity-run queries) without hanging forever. */
    public static final HttpTimeouts DEFAULTS = new HttpTimeouts(
            Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(3));

    public HttpTimeouts {
        for (Duration d : new Duration[] {connect, read, write, call}) {
            Objects.requireNonNull(d, "timeout");
            if (d.isNegative()) {
                throw new IllegalArgumentException("timeouts must not be negative: " + d);
            }
        }
    }
}
