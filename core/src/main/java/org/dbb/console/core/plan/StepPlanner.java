package org.dbb.console.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Dependency;
import org.dbb.console.core.workspace.pipeline.DependencyCondition;
import org.dbb.console.core.workspace.pipeline.DependencyOrder;
import org.dbb.console.core.workspace.pipeline.DynamicValue;
import org.dbb.console.core.workspace.pipeline.ExecutePipelineDetails;
import org.dbb.console.core.workspace.pipeline.ForEachDetails;
import org.dbb.console.core.workspace.pipeline.IfConditionDetails;
import org.dbb.console.core.workspace.pipeline.InactiveOutcome;
import org.dbb.console.core.workspace.pipeline.InvokePipelineDetails;
import org.dbb.console.core.workspace.pipeline.LookupDetails;
import org.dbb.console.core.workspace.pipeline.NotebookDetails;
import org.dbb.console.core.workspace.pipeline.NotebookParameter;
import org.dbb.console.core.workspace.pipeline.SetVariableDetails;
import org.dbb.console.core.workspace.pipeline.WaitDetails;

/**
 * Turns activities of the master pipeline into planned steps, level by level (the top level, then each branch and
 * loop body): item references resolved in the environment, values parsed and checked, retry policies scaled.
 * Inactive activities are left out; see {@link #level}. One per build; not thread-safe.
 */
final class StepPlanner {

    static final String PIPELINE_JOB = "Pipeline";
    static final String NOTEBOOK_JOB = "RunNotebook";
    private static final String PIPELINE_TYPE = "DataPipeline";
    private static final String NOTEBOOK_TYPE = "Notebook";

    private final PlanContext context;
    private final DynamicValues values;
    private final FixedValues fixed;
    private final ItemReferences references;
    private final RefreshPlanner refresh;

    StepPlanner(PlanContext context, DynamicValues values, FixedValues fixed, RefreshPlanner refresh) {
        this.context = context;
        this.values = values;
        this.fixed = fixed;
        this.references = new ItemReferences(context.repo(), context.catalog());
        this.refresh = refresh;
    }

    private PlanProblems problems() {
        return context.problems();
    }

    private DeployedPipeline master() {
        return context.master();
    }

    /**
     * Plans one level in dependency order, by activity name. An inactive activity is left out and reports its
     * {@code onInactiveMarkAs} outcome (Succeeded when unset) to its dependants, as Fabric does: a dependency that
     * outcome satisfies is dropped, and a dependant it does not satisfy is left out as Skipped, which its own
     * dependants see in turn. Each left-out activity adds a warning.
     */
    Map<String, PlannedStep> level(List<Activity> activities, Scope scope) {
        DependencyOrder order = DependencyOrder.of(master().file(), activities);
        order.problems().stream().map(master()::onDiskPosition).forEach(problems()::add);
        Map<String, DependencyCondition> leftOut = new HashMap<>();
        Map<String, PlannedStep> planned = new LinkedHashMap<>();
        for (Activity activity : order.activities()) {
            if (!activity.isActive()) {
                InactiveOutcome outcome = activity.onInactiveMarkAs().orElse(InactiveOutcome.SUCCEEDED);
                leftOut.put(activity.name(), DependencyCondition.fromJson(outcome.jsonName()).orElseThrow());
                problems().warn("activity '" + activity.name() + "' is inactive: it is left out of the run and"
                        + " reports " + outcome.jsonName() + " to the activities that depend on it");
                continue;
            }
            List<Dependency> kept = new ArrayList<>();
            Optional<Dependency> unmet = Optional.empty();
            for (Dependency dependency : activity.dependsOn()) {
                DependencyCondition outcome = leftOut.get(dependency.activity());
                if (outcome == null) {
                    kept.add(dependency);
                } else if (!dependency.isSatisfiedBy(outcome)) {
                    unmet = Optional.of(dependency);
                }
            }
            if (unmet.isPresent()) {
                leftOut.put(activity.name(), DependencyCondition.SKIPPED);
                problems().warn("activity '" + activity.name() + "' is left out of the run as Skipped: it waits"
                        + " for '" + unmet.get().activity() + "' to end " + conditions(unmet.get()) + ", but that"
                        + " activity is left out and reports " + leftOut.get(unmet.get().activity()).jsonName());
                continue;
            }
            step(activity, kept, scope).ifPresent(step -> planned.put(activity.name(), step));
        }
        return planned;
    }

    private Optional<PlannedStep> step(Activity activity, List<Dependency> dependsOn, Scope scope) {
        ConcretePath typeProperties = activity.jsonPath().member("typeProperties");
        Optional<Planned> planned = switch (activity.kind()) {
            case EXECUTE_PIPELINE -> executePipeline(activity, activity.details(ExecutePipelineDetails.class)
                    .orElseThrow(), typeProperties, scope);
            case INVOKE_PIPELINE -> invokePipeline(activity, activity.details(InvokePipelineDetails.class)
                    .orElseThrow(), typeProperties, scope);
            case NOTEBOOK -> notebook(activity, activity.details(NotebookDetails.class).orElseThrow(),
                    typeProperties, scope);
            case LOOKUP -> lookup(activity, activity.details(LookupDetails.class).orElseThrow(), typeProperties,
                    scope);
            case IF_CONDITION -> condition(activity, activity.details(IfConditionDetails.class).orElseThrow(),
                    typeProperties, scope);
            case FOR_EACH -> fanOut(activity, activity.details(ForEachDetails.class).orElseThrow(),
                    typeProperties, scope);
            case SET_VARIABLE -> setVariable(activity, activity.details(SetVariableDetails.class).orElseThrow(),
                    typeProperties, scope);
            case WAIT -> pause(activity, activity.details(WaitDetails.class).orElseThrow(), typeProperties, scope);
            default -> unsupported(activity);
        };
        return planned.map(p -> new PlannedStep(activity.name(), activity.type(), dependsOn, p.retry(),
                activity.jsonPath().toString(), p.action()));
    }

    private Optional<Planned> executePipeline(Activity activity, ExecutePipelineDetails details, ConcretePath at,
                                              Scope scope) {
        waitsOnCompletion(activity, details.waitOnCompletion());
        Optional<String> reference = details.pipelineReferenceName().isBlank() ? Optional.empty()
                : Optional.of(details.pipelineReferenceName());
        return pipeline(activity, reference, at.member("pipeline").member("referenceName"), details.parameters(),
                at.member("parameters"), scope);
    }

    private Optional<Planned> invokePipeline(Activity activity, InvokePipelineDetails details, ConcretePath at,
                                             Scope scope) {
        waitsOnCompletion(activity, details.waitOnCompletion());
        boolean sameWorkspace = details.workspaceId()
                .map(w -> ownWorkspace(activity, w, at.member("workspaceId"), scope)).orElse(true);
        Optional<String> reference = reference(activity, details.pipelineId(), at.member("pipelineId"), scope,
                "the pipeline to run");
        Optional<Planned> planned = pipeline(activity, reference, at.member("pipelineId"), details.parameters(),
                at.member("parameters"), scope);
        return sameWorkspace ? planned : Optional.empty();
    }

    private Optional<Planned> pipeline(Activity activity, Optional<String> reference, ConcretePath referenceAt,
                                       Map<String, DynamicValue> passed, ConcretePath passedAt, Scope scope) {
        Map<String, Expression> parameters = parameters(activity, passed, passedAt, scope);
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        ItemReferences.Target target = references.find(reference.get());
        if (isRefreshPipeline(target) && context.request().refreshMode() == RefreshMode.POWER_BI_API) {
            return refresh.plan(activity, passed, passedAt, scope)
                    .map(action -> new Planned(context.scaling().retry(activity.effectivePolicy()), action));
        }
        return deployed(activity, target, PIPELINE_TYPE, "pipeline", referenceAt)
                .map(item -> new Planned(context.scaling().retry(activity.effectivePolicy()),
                        new StepAction.FabricJob(item, PIPELINE_JOB, parameters)));
    }

    private boolean isRefreshPipeline(ItemReferences.Target target) {
        String name = context.repo().settings().refresh().pipeline();
        return target.inRepo().map(i -> i.is(PIPELINE_TYPE) && i.displayName().equals(name))
                .or(() -> target.deployed().map(d -> d.type().equals(PIPELINE_TYPE) && d.displayName().equals(name)))
                .orElse(false);
    }

    private Optional<Planned> notebook(Activity activity, NotebookDetails details, ConcretePath at, Scope scope) {
        boolean sameWorkspace = details.workspaceId()
                .map(w -> ownWorkspace(activity, w, at.member("workspaceId"), scope)).orElse(true);
        Optional<String> reference = reference(activity, details.notebookId(), at.member("notebookId"), scope,
                "the notebook to run");
        Map<String, Expression> parameters = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        boolean readable = true;
        for (Map.Entry<String, NotebookParameter> entry : details.parameters().entrySet()) {
            ConcretePath valueAt = at.member("parameters").member(entry.getKey()).member("value");
            Optional<Expression> value = values.parse(entry.getValue().value(), valueAt, activity, scope);
            readable &= value.isPresent();
            value.ifPresent(v -> parameters.put(entry.getKey(), v));
            entry.getValue().type().ifPresent(t -> types.put(entry.getKey(), t));
        }
        if (reference.isEmpty() || !sameWorkspace || !readable) {
            return Optional.empty();
        }
        return deployed(activity, references.find(reference.get()), NOTEBOOK_TYPE, "notebook",
                at.member("notebookId"))
                .map(item -> new Planned(context.scaling().retry(activity.effectivePolicy()),
                        new StepAction.FabricJob(item, NOTEBOOK_JOB, parameters, types)));
    }

    private Optional<Planned> lookup(Activity activity, LookupDetails details, ConcretePath at, Scope scope) {
        JsonNode source = details.source();
        source.properties().forEach(member -> {
            if (member.getValue().isObject() && DynamicValue.of(member.getValue()).isExpression()) {
                values.parse(member.getValue(), at.member("source").member(member.getKey()), activity, scope);
            }
        });
        LookupSources.Classified classified = LookupSources.classify(source, details.datasetSettings());
        if (classified.source().isEmpty()) {
            problems().add(master().problemAt(at.member("source"), "Lookup '" + activity.name() + "' queries "
                    + classified.reads() + "; the console answers only environment_config, fabric_items and"
                    + " fabric_connections lookups from the Fabric API, so move this Lookup into a child pipeline"
                    + " and run that with an Invoke Pipeline activity"));
            return Optional.empty();
        }
        return Optional.of(new Planned(context.scaling().retry(activity.effectivePolicy()),
                new StepAction.Lookup(classified.source().get(), details.firstRowOnly())));
    }

    private Optional<Planned> condition(Activity activity, IfConditionDetails details, ConcretePath at,
                                        Scope scope) {
        Optional<Expression> expression = values.parse(details.expression(), at.member("expression"), activity,
                scope);
        List<PlannedStep> ifTrue = List.copyOf(level(details.ifTrueActivities(),
                scope.inside(activity, details.ifTrueActivities(), false)).values());
        List<PlannedStep> ifFalse = List.copyOf(level(details.ifFalseActivities(),
                scope.inside(activity, details.ifFalseActivities(), false)).values());
        return expression.map(e -> new Planned(context.scaling().local(Scaling.CONTAINER_LIMIT),
                new StepAction.Condition(e, ifTrue, ifFalse)));
    }

    private Optional<Planned> fanOut(Activity activity, ForEachDetails details, ConcretePath at, Scope scope) {
        Optional<Expression> items = values.parse(details.items(), at.member("items"), activity, scope);
        List<PlannedStep> body = List.copyOf(level(details.activities(),
                scope.inside(activity, details.activities(), true)).values());
        return items.map(i -> new Planned(context.scaling().local(Scaling.CONTAINER_LIMIT),
                new StepAction.FanOut(i, details.concurrencyCap(), body)));
    }

    private Optional<Planned> setVariable(Activity activity, SetVariableDetails details, ConcretePath at,
                                          Scope scope) {
        boolean systemVariable = activity.typeProperties().path("setSystemVariable").asBoolean(false);
        String name = details.variableName();
        boolean declared = systemVariable || master().pipeline().variables().containsKey(name);
        if (!declared) {
            problems().add(master().problemAt(at.member("variableName"), "SetVariable '" + activity.name()
                    + "' sets variable '" + name + "', which " + master().pipeline().name() + " does not declare;"
                    + " declared variables: " + String.join(", ", master().pipeline().variables().keySet())));
        }
        if (details.value().isEmpty()) {
            problems().add(master().problemAt(at, "SetVariable '" + activity.name() + "' gives variable '" + name
                    + "' no value; add a value"));
            return Optional.empty();
        }
        Optional<Expression> value = values.parse(details.value().get(), at.member("value"), activity, scope);
        if (!declared) {
            return Optional.empty();
        }
        return value.map(v -> new Planned(context.scaling().local(activity.effectivePolicy().effectiveTimeout()),
                new StepAction.SetVariable(name, v)));
    }

    private Optional<Planned> pause(Activity activity, WaitDetails details, ConcretePath at, Scope scope) {
        ConcretePath valueAt = at.member("waitTimeInSeconds");
        return fixed.value(details.waitTimeInSeconds(), valueAt, activity, scope, "the wait time")
                .flatMap(seconds -> {
                    Optional<JsonNode> number = ParameterTypes.convert("float", seconds)
                            .filter(n -> n.asDouble() >= 0);
                    if (number.isEmpty()) {
                        problems().add(master().problemAt(valueAt, "Wait '" + activity.name() + "' must wait a"
                                + " number of seconds, not " + seconds));
                        return Optional.empty();
                    }
                    Duration wait = Duration.ofMillis(Math.round(number.get().asDouble() * 1000));
                    Duration limit = wait.compareTo(activity.effectivePolicy().effectiveTimeout()) > 0 ? wait
                            : activity.effectivePolicy().effectiveTimeout();
                    return Optional.of(new Planned(context.scaling().local(limit),
                            new StepAction.Pause(context.scaling().scale(wait))));
                });
    }

    private Optional<Planned> unsupported(Activity activity) {
        problems().add(master().problemAt(activity.jsonPath(), "activity '" + activity.name() + "' is of type "
                + activity.type() + ", which the console cannot run itself; move it into a child pipeline and run"
                + " that pipeline with an Invoke Pipeline activity"));
        return Optional.empty();
    }

    private Map<String, Expression> parameters(Activity activity, Map<String, DynamicValue> passed,
                                               ConcretePath at, Scope scope) {
        Map<String, Expression> parsed = new LinkedHashMap<>();
        passed.forEach((name, value) -> values.parse(value, at.member(name), activity, scope)
                .ifPresent(e -> parsed.put(name, e)));
        return parsed;
    }

    /** The item id an activity names, as text; empty with a problem when it is not known before the run. */
    private Optional<String> reference(Activity activity, DynamicValue value, ConcretePath at, Scope scope,
                                       String what) {
        return fixed.value(value, at, activity, scope, what).flatMap(id -> {
            if (!id.isTextual() || id.asText().isBlank()) {
                problems().add(master().problemAt(at, "activity '" + activity.name() + "': " + what
                        + " must be an item id; found " + id));
                return Optional.empty();
            }
            return Optional.of(id.asText());
        });
    }

    private boolean ownWorkspace(Activity activity, DynamicValue workspace, ConcretePath at, Scope scope) {
        Optional<JsonNode> id = fixed.value(workspace, at, activity, scope, "the workspace");
        if (id.isEmpty()) {
            return false;
        }
        if (!references.isOwnWorkspace(id.get().asText(""))) {
            problems().add(master().problemAt(at, "activity '" + activity.name() + "' runs an item of workspace "
                    + id.get().asText() + "; the console runs only items of " + context.catalog().workspaceLabel()
                    + ", so use the all-zero workspace id (this workspace) or run it from a child pipeline"));
            return false;
        }
        return true;
    }

    private Optional<ItemRef> deployed(Activity activity, ItemReferences.Target target, String type, String kind,
                                       ConcretePath at) {
        Optional<String> actualType = target.inRepo().map(Item::type)
                .or(() -> target.deployed().map(EnvironmentCatalog.CatalogItem::type));
        if (actualType.isPresent() && !actualType.get().equals(type)) {
            problems().add(master().problemAt(at, "activity '" + activity.name() + "' should run a " + kind
                    + ", but " + target.reference() + " is " + actualType.get() + " '"
                    + target.inRepo().map(Item::displayName).orElseGet(() -> target.deployed().orElseThrow()
                    .displayName()) + "'; point it at a " + type));
            return Optional.empty();
        }
        if (target.deployed().isEmpty()) {
            String message = target.inRepo().isPresent()
                    ? target.describe(kind) + " is not deployed in " + context.catalog().workspaceLabel()
                            + "; deploy it before running"
                    : kind + " " + target.reference() + " is neither an item of this repository (no .platform has"
                            + " that logicalId) nor an item of " + context.catalog().workspaceLabel()
                            + "; point the activity at an item of the repository";
            problems().add(master().problemAt(at, "activity '" + activity.name() + "': " + message));
            return Optional.empty();
        }
        return target.deployed().map(context.catalog()::refTo);
    }

    private void waitsOnCompletion(Activity activity, boolean waits) {
        if (!waits) {
            problems().warn("activity '" + activity.name() + "' does not wait for its pipeline in Fabric"
                    + " (waitOnCompletion is false); the console waits for it to finish");
        }
    }

    private static String conditions(Dependency dependency) {
        return dependency.conditions().stream().map(DependencyCondition::jsonName)
                .collect(Collectors.joining(" or "));
    }

    /** A step's policy and action before it is named and placed. */
    private record Planned(RetrySpec retry, StepAction action) {
    }
}
