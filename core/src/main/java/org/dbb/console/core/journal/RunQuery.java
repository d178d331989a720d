package org.dbb.console.core.journal;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.RunState;

/**
 * Which runs of the history to list, newest first. Immutable.
 *
 * @param environment only this environment
 * @param state       only runs in this state
 * @param limit       at most this many
 */
public record RunQuery(Optional<String> environment, Optional<RunState> state, int limit) {

    public RunQuery {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(state, "state");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** The newest {@code limit} runs of every environment. */
    public static RunQuery newest(int limit) {
        return new RunQuery(Optional.empty(), Optional.empty(), limit);
    }
}
