package org.dbb.console.core.emulator.scenario;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How one semantic model behaves when refreshed. Attempts count the refreshes accepted through the API for the
 * model in one workspace, 1-based. Immutable.
 *
 * @param seconds        how long a refresh runs, when it differs from the default
 * @param failOnAttempts the attempts that fail
 * @param failure        how a failing refresh fails
 * @param busy           a refresh started elsewhere (a schedule) that keeps the model busy, if any
 */
public record ModelScript(OptionalDouble seconds, Set<Integer> failOnAttempts, RefreshFailure failure,
                          Optional<BusyRefresh> busy) {

    /** The script of a model the scenario does not name. */
    public static final ModelScript NONE = new ModelScript(OptionalDouble.empty(), Set.of(), RefreshFailure.DEFAULT,
            Optional.empty());

    public ModelScript {
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(busy, "busy");
        failOnAttempts = Set.copyOf(failOnAttempts);
    }

    public boolean failsOn(int attempt) {
        return failOnAttempts.contains(attempt);
    }
}
