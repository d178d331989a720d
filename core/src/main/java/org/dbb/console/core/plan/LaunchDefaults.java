package org.dbb.console.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a launch of the master pipeline in one environment starts from when the operator changes nothing: its
 * parameters with their defaults for the environment, the semantic models it refreshes and the refresh
 * concurrency cap. Read from the repository alone, so a form can show it before anything is looked up. Immutable.
 *
 * @param environment          the environment
 * @param parameters           the master pipeline's parameters, in declaration order
 * @param models               the semantic models the environment refreshes, in order
 * @param cap                  the refresh concurrency cap when the operator sets none
 * @param capSource            where {@code cap} comes from, for operators
 * @param maintenanceAvailable whether the master pipeline has the flag that switches the maintenance stage on
 */
public record LaunchDefaults(String environment, List<LaunchParameter> parameters, List<String> models, int cap,
                             String capSource, boolean maintenanceAvailable) {

    public LaunchDefaults {
        Objects.requireNonNull(environment, "environment");
        parameters = List.copyOf(parameters);
        models = List.copyOf(models);
        Objects.requireNonNull(capSource, "capSource");
        if (cap < 1) {
            throw new IllegalArgumentException("a refresh concurrency cap is at least 1, not " + cap);
        }
    }

    /** The parameter with this name. */
    public Optional<LaunchParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
