package org.dbb.console.core.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.RefreshSettings;
import org.dbb.console.core.workspace.params.resolve.ReplacementContext;
import org.dbb.console.core.workspace.pipeline.PipelineParameter;

/**
 * Reads {@link LaunchDefaults} from a repository: the master pipeline and the refresh pipeline as fabric-cicd would
 * deploy them to the environment, with ids the console has not looked up left as placeholders. Reads files, never
 * the network. Stateless and thread-safe.
 */
public final class LaunchDefaultsReader {

    private static final String MODEL_TYPE = "SemanticModel";

    /**
     * The defaults of a launch in {@code environment}.
     *
     * @throws PlanException when the environment is unknown or the master pipeline cannot be read
     */
    public LaunchDefaults read(Workspace repo, String environment) {
        ConsoleSettings settings = repo.settings();
        Path settingsFile = settings.file().orElse(repo.root().resolve(ConsoleSettings.FILE_NAME));
        if (settings.environment(environment).isEmpty()) {
            throw new PlanException(Problem.error(settingsFile, 0, 0, "there is no environment '" + environment
                    + "' in " + ConsoleSettings.FILE_NAME + "; environments: "
                    + String.join(", ", settings.environments().keySet())));
        }
        Item masterItem = repo.pipeline(settings.masterPipeline()).orElseThrow(() -> new PlanException(
                Problem.error(settingsFile, 0, 0, "the master pipeline '" + settings.masterPipeline()
                        + "' is not in " + settings.repositoryDirectory() + "; set masterPipeline in "
                        + ConsoleSettings.FILE_NAME + " to one of: " + PlanBuilder.pipelineNames(repo))));
        RefreshSettings refresh = settings.refresh();
        Optional<Item> refreshItem = repo.pipeline(refresh.pipeline()).filter(i -> !i.equals(masterItem));
        List<Item> read = new ArrayList<>(List.of(masterItem));
        refreshItem.ifPresent(read::add);
        PlanProblems problems = new PlanProblems();
        DeployedPipelines pipelines = new DeployedPipelines(repo, ReplacementContext.empty(), environment, read,
                problems);
        Optional<DeployedPipeline> master = pipelines.read(masterItem);
        if (master.isEmpty()) {
            problems.throwIfAny();
            throw new PlanException(Problem.error(masterItem.platformFile(), 0, 0, "the master pipeline '"
                    + masterItem.displayName() + "' cannot be read"));
        }
        Map<String, PipelineParameter> declared = master.get().pipeline().parameters();
        List<LaunchParameter> parameters = new ArrayList<>();
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        for (PipelineParameter parameter : declared.values()) {
            ParameterRole role = role(parameter.name(), refresh);
            Optional<JsonNode> value = role == ParameterRole.ENVIRONMENT
                    ? Optional.of(TextNode.valueOf(environment))
                    : parameter.defaultValue().map(v -> ParameterTypes.convert(parameter.type(), v).orElse(v));
            value.ifPresent(v -> defaults.put(parameter.name(), v));
            parameters.add(new LaunchParameter(parameter.name(), parameter.type(), value, role));
        }
        Optional<DeployedPipeline> refreshPipeline = refreshItem.isPresent() ? pipelines.read(refreshItem.get())
                : repo.pipeline(refresh.pipeline()).map(i -> master.get());
        RefreshCap cap = RefreshCap.byDefault(defaults, environment, refresh,
                refreshPipeline.map(DeployedPipeline::pipeline));
        return new LaunchDefaults(environment, parameters, models(repo, refresh, defaults, refreshPipeline),
                cap.cap(), cap.source(), declared.containsKey(LaunchParameters.MAINTENANCE_FLAG));
    }

    private static ParameterRole role(String name, RefreshSettings refresh) {
        if (name.equals(LaunchParameters.ENVIRONMENT)) {
            return ParameterRole.ENVIRONMENT;
        } else if (name.equals(LaunchParameters.MAINTENANCE_FLAG)) {
            return ParameterRole.MAINTENANCE_FLAG;
        } else if (name.equals(LaunchParameters.REFRESH_CONCURRENCY)) {
            return ParameterRole.REFRESH_CONCURRENCY;
        } else if (name.equals(refresh.parameter())) {
            return ParameterRole.MODELS;
        }
        return ParameterRole.PLAIN;
    }

    /**
     * The master pipeline's list for the environment, else the refresh pipeline's own, else every semantic model of
     * the repository: the order the plan looks in.
     */
    private static List<String> models(Workspace repo, RefreshSettings refresh, Map<String, JsonNode> defaults,
                                       Optional<DeployedPipeline> refreshPipeline) {
        JsonNode listed = defaults.get(refresh.parameter());
        if (listed != null && listed.isArray()) {
            return ModelEntries.names(listed);
        }
        Optional<JsonNode> own = refreshPipeline.flatMap(p -> Optional.ofNullable(
                p.pipeline().parameters().get(refresh.parameter()))).flatMap(PipelineParameter::defaultValue)
                .filter(JsonNode::isArray);
        if (own.isPresent()) {
            return ModelEntries.names(own.get());
        }
        return repo.items().ofType(MODEL_TYPE).stream().map(Item::displayName).toList();
    }
}
