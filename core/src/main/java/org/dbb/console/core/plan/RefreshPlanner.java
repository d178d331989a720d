package org.dbb.console.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.RefreshSettings;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.ActivityPolicy;
import org.dbb.console.core.workspace.pipeline.DynamicValue;
import org.dbb.console.core.workspace.pipeline.NestedActivity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineParameter;

/**
 * Plans the semantic refresh stage for the console's refresh conductor: which models (as this run passes them to
 * the refresh pipeline, else that pipeline's own list, else every model of the repository), their datasets in the
 * environment, their target durations, the concurrency cap and the retry policy of one model's refresh. One per
 * build; not thread-safe.
 */
final class RefreshPlanner {

    private static final String MODEL_TYPE = "SemanticModel";

    private final Workspace repo;
    private final EnvironmentCatalog catalog;
    private final RunRequest request;
    private final Scaling scaling;
    private final Supplier<Optional<DeployedPipeline>> refreshPipeline;
    private final Map<String, JsonNode> parameters;
    private final boolean modelsChecked;
    private final DynamicValues values;
    private final DeployedPipeline master;
    private final PlanProblems problems;

    RefreshPlanner(PlanContext context, Supplier<Optional<DeployedPipeline>> refreshPipeline,
                   LaunchParameters launch, DynamicValues values) {
        this.repo = context.repo();
        this.catalog = context.catalog();
        this.request = context.request();
        this.scaling = context.scaling();
        this.master = context.master();
        this.problems = context.problems();
        this.refreshPipeline = refreshPipeline;
        this.parameters = launch.values();
        this.modelsChecked = launch.modelsChecked();
        this.values = values;
    }

    private RefreshSettings settings() {
        return repo.settings().refresh();
    }

    /**
     * The conductor's work for the activity {@code step}, which runs the refresh pipeline.
     *
     * @param passed   the parameters the activity passes to the refresh pipeline
     * @param passedAt where those parameters are written
     */
    Optional<StepAction.SemanticRefresh> plan(Activity step, Map<String, DynamicValue> passed, ConcretePath passedAt,
                                              Scope scope) {
        Optional<DeployedPipeline> refresh = refreshPipeline.get();
        if (refresh.isEmpty()) {
            return Optional.empty();
        }
        Optional<Listed> listed = listed(step, passed, passedAt, scope, refresh.get());
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        List<ModelTarget> models = targets(listed.get());
        if (models.isEmpty() && !problems.hasErrors()) {
            problems.warn("the semantic refresh step '" + step.name() + "' has no models to refresh");
        }
        Cap cap = cap(refresh.get().pipeline());
        return Optional.of(new StepAction.SemanticRefresh(models, cap.value(),
                scaling.retry(perModelPolicy(refresh.get().pipeline())), cap.source()));
    }

    /** The model entries for this run and where they were written. */
    private Optional<Listed> listed(Activity step, Map<String, DynamicValue> passed, ConcretePath passedAt,
                                    Scope scope, DeployedPipeline refresh) {
        String name = settings().parameter();
        DynamicValue value = passed.get(name);
        if (value != null) {
            ConcretePath at = passedAt.member(name);
            return new FixedValues(values, parameters, problems, master)
                    .value(value, at, step, scope, "the semantic models to refresh")
                    .flatMap(v -> array(v, master, at));
        }
        PipelineParameter declared = refresh.pipeline().parameters().get(name);
        if (declared != null && declared.defaultValue().isPresent()) {
            ConcretePath at = refresh.pipeline().root().member("properties").member("parameters").member(name)
                    .member("defaultValue");
            return array(declared.defaultValue().get(), refresh, at);
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        repo.items().ofType(MODEL_TYPE).stream().map(Item::displayName).forEach(all::add);
        return Optional.of(new Listed(all, refresh, refresh.pipeline().root()));
    }

    private Optional<Listed> array(JsonNode value, DeployedPipeline file, ConcretePath at) {
        if (!value.isArray()) {
            problems.add(file.problemAt(at, "the semantic models to refresh must be a list of model names or"
                    + " {name, targetMinutes, tables} objects; found " + value));
            return Optional.empty();
        }
        return Optional.of(new Listed(value, file, at));
    }

    private List<ModelTarget> targets(Listed listed) {
        List<String> available = ModelEntries.names(listed.entries());
        List<String> wanted = request.models().orElse(available);
        List<String> unknown = wanted.stream().filter(m -> !available.contains(m)).toList();
        if (!unknown.isEmpty() && !modelsChecked) {
            problems.add(listed.file().problemAt(listed.at(), LaunchParameters.unknownModels(unknown, available)));
        }
        List<ModelTarget> out = new ArrayList<>();
        JsonNode entries = listed.entries();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            ConcretePath at = listed.at().index(i);
            Optional<String> name = ModelEntries.nameOf(entry);
            if (name.isEmpty()) {
                problems.add(listed.file().problemAt(at, "a semantic model entry must be a model name or an"
                        + " object with a text \"name\"; found " + entry));
                continue;
            }
            if (wanted.contains(name.get())) {
                target(name.get(), entry, listed.file(), at).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<ModelTarget> target(String name, JsonNode entry, DeployedPipeline file, ConcretePath at) {
        JsonNode minutes = entry.path("targetMinutes");
        if (!minutes.isMissingNode() && !(minutes.isNumber() && minutes.asDouble() > 0)) {
            problems.add(file.problemAt(at.member("targetMinutes"), "the target of model '" + name
                    + "' must be a positive number of minutes; found " + minutes));
            return Optional.empty();
        }
        List<String> tables = new ArrayList<>();
        JsonNode written = entry.path("tables");
        if (!written.isMissingNode()) {
            if (!written.isArray() || !allText(written)) {
                problems.add(file.problemAt(at.member("tables"), "the tables of model '" + name
                        + "' must be a list of table names; found " + written));
                return Optional.empty();
            }
            written.forEach(t -> tables.add(t.asText()));
        }
        Optional<EnvironmentCatalog.CatalogItem> dataset = catalog.item(MODEL_TYPE, name);
        if (dataset.isEmpty()) {
            problems.add(file.problemAt(at, "semantic model '" + name + "' is not deployed in "
                    + catalog.workspaceLabel() + "; deploy it, or take it out of " + settings().parameter()
                    + " for " + catalog.environment()));
            return Optional.empty();
        }
        double targetMinutes = minutes.isNumber() ? minutes.asDouble() : settings().targetMinutesFor(name);
        Duration target = scaling.scale(Duration.ofMillis(Math.round(targetMinutes * 60_000)));
        return Optional.of(new ModelTarget(name, catalog.workspaceId(), dataset.get().id(), target, tables));
    }

    /** The operator's cap, else the run's default (see {@link RefreshCap#byDefault}). */
    private Cap cap(Pipeline refresh) {
        if (request.concurrency().isPresent()) {
            return new Cap(request.concurrency().getAsInt(), CapSource.LAUNCH_REQUEST);
        }
        RefreshCap byDefault = RefreshCap.byDefault(parameters, request.environment(), settings(),
                Optional.of(refresh));
        return new Cap(byDefault.cap(), byDefault.kind());
    }

    /** The policy of the refresh pipeline's Power BI refresh activity, or Fabric's defaults without one. */
    private static ActivityPolicy perModelPolicy(Pipeline refresh) {
        return refresh.allActivities().stream().map(NestedActivity::activity)
                .filter(RefreshPlanner::refreshesAModel)
                .findFirst().map(Activity::effectivePolicy).orElse(ActivityPolicy.absent());
    }

    private static boolean refreshesAModel(Activity activity) {
        String type = activity.type().toLowerCase(Locale.ROOT);
        return type.contains("semanticmodelrefresh") || type.contains("datasetrefresh");
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** A cap and where it came from. */
    private record Cap(int value, CapSource source) {
    }

    /** Model entries with the file and JSON path they were read from. */
    private record Listed(JsonNode entries, DeployedPipeline file, ConcretePath at) {
    }
}
