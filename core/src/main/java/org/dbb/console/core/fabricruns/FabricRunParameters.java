package org.dbb.console.core.fabricruns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pipeline parameters a Fabric run used, each marked with where its value comes from, in the pipeline's
 * declaration order. Fabric's job instance does not carry them: values show only where a top-level activity
 * passes a parameter on unchanged and Fabric reports that activity's evaluated input; every other parameter
 * falls back to its declared default. Immutable; thread-safe.
 *
 * @param parameters one entry per declared parameter
 */
public record FabricRunParameters(List<FabricRunParameter> parameters) {

    public FabricRunParameters {
        parameters = List.copyOf(parameters);
    }

    public Optional<FabricRunParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Whether any value was read from the run rather than defaulted. */
    public boolean anyFromRun() {
        return parameters.stream().anyMatch(p -> p.source() == ParameterSource.FROM_RUN);
    }

    /** The values by name, for a re-run's {@code executionData.parameters}; parameters without a value left out. */
    public Map<String, JsonNode> values() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        parameters.forEach(p -> p.value().ifPresent(v -> out.put(p.name(), v)));
        return out;
    }
}
