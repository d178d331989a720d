package org.dbb.console.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token for one scope. Its value never appears in {@link #toString()}, so it cannot leak into logs by
 * accident. Immutable and thread-safe.
 *
 * @param value     the bearer token (secret)
 * @param expiresAt when the token stops being accepted
 */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the token is expired, or will be within {@code marginSeconds}. */
    public boolean expiresWithin(Instant now, long marginSeconds) {
        return !now.plusSeconds(marginSeconds).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[value=••••••, expiresAt=" + expiresAt + "]";
    }
}
