package org.dbb.console.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an operator asked for when launching (or re-running) the master pipeline. Immutable.
 *
 * @param environment the environment name in {@code dbb-console.yml}
 * @param parameters  launch values for the master pipeline's parameters; the rest take their declared defaults
 * @param maintenance whether the optional maintenance stage runs (sets the maintenance flag parameter)
 * @param models      the semantic models to refresh; empty means every model the refresh parameter lists
 * @param concurrency the refresh concurrency cap; empty means the settings' or the refresh pipeline's own
 * @param refreshMode how the semantic refresh stage runs
 * @param operator    who launched it (OS user or signed-in account), for the monitoring rows and the audit trail
 * @param rerun       set when this run re-runs part of an earlier one
 */
public record RunRequest(String environment, Map<String, JsonNode> parameters, boolean maintenance,
                         Optional<List<String>> models, OptionalInt concurrency, RefreshMode refreshMode,
                         String operator, Optional<RerunRequest> rerun) {

    public RunRequest {
        Objects.requireNonNull(environment, "environment");
        parameters = Map.copyOf(parameters);
        models = models.map(List::copyOf);
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(refreshMode, "refreshMode");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(rerun, "rerun");
        concurrency.ifPresent(cap -> {
            if (cap < 1) {
                throw new IllegalArgumentException("the refresh concurrency must be at least 1, was " + cap);
            }
        });
    }

    /** A plain launch with the pipeline's defaults. */
    public static RunRequest launch(String environment, String operator) {
        return new RunRequest(environment, Map.of(), false, Optional.empty(), OptionalInt.empty(),
                RefreshMode.POWER_BI_API, operator, Optional.empty());
    }
}
