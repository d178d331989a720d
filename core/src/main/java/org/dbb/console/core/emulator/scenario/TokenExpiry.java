package org.dbb.console.core.emulator.scenario;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * When a bearer token stops being accepted. Each distinct token has its own budget, so a client that signs in
 * again (sends a new token) recovers. Immutable.
 *
 * @param afterRequests the number of requests a token may make; the next one is refused
 * @param afterSeconds  scenario seconds after a token is first seen; later requests are refused
 */
public record TokenExpiry(OptionalInt afterRequests, OptionalDouble afterSeconds) {

    public TokenExpiry {
        Objects.requireNonNull(afterRequests, "afterRequests");
        Objects.requireNonNull(afterSeconds, "afterSeconds");
        if (afterRequests.isEmpty() && afterSeconds.isEmpty()) {
            throw new IllegalArgumentException("token expiry needs afterRequests or afterSeconds");
        }
    }
}
