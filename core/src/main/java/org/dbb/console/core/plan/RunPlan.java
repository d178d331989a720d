package org.dbb.console.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.monitoring.rules.MonitoringRule;

/**
 * Everything a run will do, worked out before anything starts: the master pipeline's stages and steps with their
 * resolved items, parameters and retry policies. Immutable; safe to share between threads.
 *
 * @param request        what the operator asked for
 * @param environment    the environment name
 * @param workspaceId    the environment's Fabric workspace id
 * @param workspaceName  its display name
 * @param masterPipeline the master pipeline item in that workspace
 * @param parameters     the master pipeline's parameter values for this run (launch values over defaults)
 * @param variables      the master pipeline's declared variables and their declared types
 * @param stages         the stages in run order
 * @param timeScale      real seconds per environment second: 1 for Fabric, the scenario's scale for the sandbox
 * @param warnings       things the operator should know that do not stop the run
 * @param secureParameters the parameters declared {@code securestring}, whose values are never shown or logged
 * @param monitoringRules the environment's monitoring rules, which the run's rows are checked against at its end
 */
public record RunPlan(RunRequest request, String environment, String workspaceId, String workspaceName,
                      ItemRef masterPipeline, Map<String, JsonNode> parameters, Map<String, String> variables,
                      List<PlannedStage> stages, double timeScale, List<String> warnings,
                      Set<String> secureParameters, List<MonitoringRule> monitoringRules) {

    public RunPlan {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceName, "workspaceName");
        Objects.requireNonNull(masterPipeline, "masterPipeline");
        parameters = Map.copyOf(parameters);
        variables = Map.copyOf(variables);
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
        secureParameters = Set.copyOf(secureParameters);
        monitoringRules = List.copyOf(monitoringRules);
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be positive");
        }
    }

    /** A plan without monitoring rules. */
    public RunPlan(RunRequest request, String environment, String workspaceId, String workspaceName,
                   ItemRef masterPipeline, Map<String, JsonNode> parameters, Map<String, String> variables,
                   List<PlannedStage> stages, double timeScale, List<String> warnings,
                   Set<String> secureParameters) {
        this(request, environment, workspaceId, workspaceName, masterPipeline, parameters, variables, stages,
                timeScale, warnings, secureParameters, List.of());
    }

    /** A plan without secure parameters. */
    public RunPlan(RunRequest request, String environment, String workspaceId, String workspaceName,
                   ItemRef masterPipeline, Map<String, JsonNode> parameters, Map<String, String> variables,
                   List<PlannedStage> stages, double timeScale, List<String> warnings) {
        this(request, environment, workspaceId, workspaceName, masterPipeline, parameters, variables, stages,
                timeScale, warnings, Set.of());
    }

    /** Whether the value of parameter {@code name} must be masked. */
    public boolean isSecure(String name) {
        return secureParameters.contains(name);
    }

    /** The stage with this name, ignoring case. */
    public Optional<PlannedStage> stage(String name) {
        return stages.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
