package org.dbb.console.core.history;

import java.util.Objects;
import java.util.Optional;

/**
 * Which runs of the history to list, newest first. Immutable.
 *
 * @param environment only this environment; for Fabric runs, the environment the history reads Fabric for
 * @param source      console runs, Fabric runs or both
 * @param status      only runs standing so
 * @param limit       at most this many
 */
public record HistoryQuery(Optional<String> environment, HistorySource source, Optional<RunHistoryStatus> status,
        int limit) {

    public HistoryQuery {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** The newest {@code limit} runs of {@code source}, in any state. */
    public static HistoryQuery newest(Optional<String> environment, HistorySource source, int limit) {
        return new HistoryQuery(environment, source, Optional.empty(), limit);
    }
}
