package org.dbb.console.core.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.dbb.console.core.workspace.config.RefreshSettings;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.pipeline.PipelineParameter;

/**
 * The master pipeline's parameter values for one run: declared defaults (as deployed), then the operator's launch
 * values converted to the declared types, then what the launch options mean (environment, maintenance flag,
 * models, refresh concurrency). One per build; not thread-safe.
 */
final class LaunchParameters {

    /** The master pipeline parameter that switches the optional maintenance stage on. */
    static final String MAINTENANCE_FLAG = "run_maintenance";
    /** The master pipeline parameter the environment's name goes into. */
    static final String ENVIRONMENT = "environment";
    /** The master pipeline parameter that carries the refresh concurrency to the refresh pipeline. */
    static final String REFRESH_CONCURRENCY = "refresh_concurrency";

    private final DeployedPipeline master;
    private final RunRequest request;
    private final RefreshSettings refresh;
    private final PlanProblems problems;
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> secure = new LinkedHashSet<>();
    private boolean modelsChecked;

    LaunchParameters(DeployedPipeline master, RunRequest request, RefreshSettings refresh, PlanProblems problems) {
        this.master = master;
        this.request = request;
        this.refresh = refresh;
        this.problems = problems;
        work();
    }

    Map<String, JsonNode> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The names of securestring parameters, whose values are never shown. */
    Set<String> secure() {
        return Collections.unmodifiableSet(secure);
    }

    /** Whether the requested model names were already checked against the refresh parameter. */
    boolean modelsChecked() {
        return modelsChecked;
    }

    private Map<String, PipelineParameter> declared() {
        return master.pipeline().parameters();
    }

    private void work() {
        for (PipelineParameter parameter : declared().values()) {
            if (!ParameterTypes.isKnown(parameter.type())) {
                problems.add(master.problemAt(path(parameter.name()).member("type"), "parameter '"
                        + parameter.name() + "' declares type '" + parameter.type() + "'; use one of "
                        + String.join(", ", ParameterTypes.KNOWN)));
                continue;
            }
            if (ParameterTypes.isSecure(parameter.type())) {
                secure.add(parameter.name());
            }
            parameter.defaultValue().ifPresent(value -> convert(parameter, value, ParameterTypes.DEFAULT_VALUE)
                    .ifPresent(v -> values.put(parameter.name(), v)));
        }
        request.parameters().forEach(this::launchValue);
        environment();
        maintenance();
        concurrency();
        models();
        for (PipelineParameter parameter : declared().values()) {
            if (!values.containsKey(parameter.name()) && ParameterTypes.isKnown(parameter.type())
                    && parameter.defaultValue().isEmpty()) {
                problems.add(master.problemAt(path(parameter.name()),
                        ParameterTypes.missing(parameter.name(), parameter.type())));
            }
        }
    }

    private void launchValue(String name, JsonNode value) {
        PipelineParameter parameter = declared().get(name);
        if (parameter == null) {
            problems.add(master.problemAt(parameters(), "the launch sets parameter '" + name + "', which "
                    + master.pipeline().name() + " does not declare; declared parameters: " + declaredNames()));
            return;
        }
        if (ParameterTypes.isKnown(parameter.type())) {
            convert(parameter, value, ParameterTypes.LAUNCH_VALUE).ifPresent(v -> values.put(name, v));
        }
    }

    private Optional<JsonNode> convert(PipelineParameter parameter, JsonNode value, String what) {
        Optional<JsonNode> converted = ParameterTypes.convert(parameter.type(), value);
        if (converted.isEmpty()) {
            ConcretePath at = what.equals(ParameterTypes.DEFAULT_VALUE)
                    ? path(parameter.name()).member("defaultValue") : path(parameter.name());
            problems.add(master.problemAt(at, ParameterTypes.mismatch(parameter.name(), parameter.type(), value,
                    what)));
        }
        return converted;
    }

    private void environment() {
        if (declared().containsKey(ENVIRONMENT) && !request.parameters().containsKey(ENVIRONMENT)) {
            values.put(ENVIRONMENT, TextNode.valueOf(request.environment()));
            problems.warn("parameter " + ENVIRONMENT + " is set to '" + request.environment()
                    + "', the name of the environment, because the launch did not set it");
        }
    }

    private void maintenance() {
        if (!request.maintenance()) {
            return;
        }
        if (declared().containsKey(MAINTENANCE_FLAG)) {
            values.put(MAINTENANCE_FLAG, BooleanNode.TRUE);
        } else {
            problems.add(master.problemAt(parameters(), "maintenance was requested, but "
                    + master.pipeline().name() + " has no '" + MAINTENANCE_FLAG + "' parameter to switch it on;"
                    + " declare it as a bool and test it in the maintenance IfCondition"));
        }
    }

    private void concurrency() {
        if (request.concurrency().isPresent() && declared().containsKey(REFRESH_CONCURRENCY)) {
            values.put(REFRESH_CONCURRENCY, IntNode.valueOf(request.concurrency().getAsInt()));
        }
    }

    private void models() {
        String name = refresh.parameter();
        JsonNode current = values.get(name);
        if (request.models().isEmpty() || current == null || !current.isArray()) {
            return;
        }
        modelsChecked = true;
        List<String> available = ModelEntries.names(current);
        List<String> unknown = request.models().get().stream().filter(m -> !available.contains(m)).toList();
        if (!unknown.isEmpty()) {
            problems.add(master.problemAt(path(name), unknownModels(unknown, available)));
        }
        values.put(name, ModelEntries.only(current, request.models().get()));
    }

    static String unknownModels(List<String> unknown, List<String> available) {
        return "the launch asks to refresh " + (unknown.size() == 1 ? "model " : "models ")
                + String.join(", ", unknown.stream().map(m -> "'" + m + "'").toList())
                + ", which this environment does not refresh; available models: " + String.join(", ", available);
    }

    private String declaredNames() {
        return declared().isEmpty() ? "none" : String.join(", ", declared().keySet());
    }

    private ConcretePath parameters() {
        return master.pipeline().root().member("properties").member("parameters");
    }

    private ConcretePath path(String name) {
        return parameters().member(name);
    }
}
