package org.dbb.console.core.emulator.scenario;

import java.util.Objects;
import java.util.Set;

/**
 * A fault scripted on one route: the listed requests to it (1-based, counted per route from the emulator's start)
 * get the fault instead of, or before, their normal answer. Immutable.
 *
 * @param route             the route key, {@code METHOD /template}, as listed by the emulator's stats
 * @param kind              what happens
 * @param requests          which requests are hit
 * @param retryAfterSeconds for {@link FaultKind#THROTTLE}: the wait advised, in scenario seconds (scaled)
 * @param status            for {@link FaultKind#SERVER_ERROR}: the status code (500–599)
 * @param delayMillis       for {@link FaultKind#SLOW}: the delay in real milliseconds (never scaled: it models
 *                          the network, which clients time with a real clock)
 */
public record RouteFault(String route, FaultKind kind, Set<Integer> requests, double retryAfterSeconds, int status,
                         long delayMillis) {

    public RouteFault {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(kind, "kind");
        requests = Set.copyOf(requests);
    }

    public boolean hits(long requestNumber) {
        return requestNumber <= Integer.MAX_VALUE && requests.contains((int) requestNumber);
    }
}
