package org.dbb.console.core.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.emulator.scenario.CopyRows;
import org.dbb.console.core.emulator.scenario.ItemScript;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScenarioDefaults;
import org.dbb.console.core.expr.EvaluationContext;
import org.dbb.console.core.expr.ExpressionEvaluationException;
import org.dbb.console.core.expr.ExpressionParser;
import org.dbb.console.core.expr.ExpressionSyntaxException;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.json.JsonDocument;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Dependency;
import org.dbb.console.core.workspace.pipeline.DependencyOrder;
import org.dbb.console.core.workspace.pipeline.DynamicValue;
import org.dbb.console.core.workspace.pipeline.ExecutePipelineDetails;
import org.dbb.console.core.workspace.pipeline.ForEachDetails;
import org.dbb.console.core.workspace.pipeline.IfConditionDetails;
import org.dbb.console.core.workspace.pipeline.InvokePipelineDetails;
import org.dbb.console.core.workspace.pipeline.LookupDetails;
import org.dbb.console.core.workspace.pipeline.NotebookDetails;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineParameter;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.pipeline.SetVariableDetails;
import org.dbb.console.core.workspace.pipeline.SwitchDetails;
import org.dbb.console.core.workspace.pipeline.UntilDetails;
import org.dbb.console.core.workspace.pipeline.WaitDetails;

/**
 * Plans job runs when they are submitted. A pipeline run is planned from that pipeline's own JSON: activities in
 * dependency order, {@code dependsOn} conditions honoured, retries per each activity's policy, ForEach iterations
 * within the loop's concurrency cap, and Execute/Invoke Pipeline activities planned as real child pipeline runs
 * (so a scripted child failure is retried by the parent as Fabric would). Not thread-safe: guarded by the
 * emulator's state lock.
 */
final class JobPlanner {

    static final String MANUAL = "Manual";
    static final String SCHEDULED = "Scheduled";

    /** The error code Fabric reports on failed job instances. */
    static final String JOB_FAILED = "JobInstanceStatusFailed";

    private static final int MAX_DEPTH = 8;
    private static final ExpressionParser EXPRESSIONS = new ExpressionParser();
    private static final double ACTIVITY_OVERHEAD_SECONDS = 1;

    private final EmulatedTenant tenant;
    private final JobStore jobs;
    private final Scenario scenario;
    private final Supplier<UUID> ids;
    private final PipelineReader reader = new PipelineReader();
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    JobPlanner(EmulatedTenant tenant, JobStore jobs, Scenario scenario, Supplier<UUID> ids) {
        this.tenant = tenant;
        this.jobs = jobs;
        this.scenario = scenario;
        this.ids = ids;
    }

    /** Plans a job submitted through the API at {@code now}; pipeline parameters come from executionData. */
    JobRun submit(WorkspaceState ws, ItemState item, String jobType, JsonNode executionData, Instant now) {
        ObjectNode params = json.objectNode();
        JsonNode given = executionData.path("parameters");
        if (given.isObject() && item.is("DataPipeline")) {
            params.setAll((ObjectNode) given);
        }
        return plan(ws, item, jobType, MANUAL, params, now, 0);
    }

    /** Plans a run the pipeline's schedule starts at {@code dueAt}, with the parameters the schedule passes. */
    JobRun schedule(WorkspaceState ws, ItemState item, ObjectNode parameters, Instant dueAt) {
        return plan(ws, item, "Pipeline", SCHEDULED, parameters.deepCopy(), dueAt, 0);
    }

    private ScenarioDefaults defaults() {
        return scenario.defaults();
    }

    private JobRun plan(WorkspaceState ws, ItemState item, String jobType, String invokeType, ObjectNode params,
                        Instant createdAt, int depth) {
        String name = item.displayName(createdAt);
        ItemScript script = scenario.item(name);
        int attempt = jobs.nextAttempt(ws.id(), item.id());
        Instant runningAt = createdAt.plus(scenario.scaled(
                script.queueSeconds().orElse(defaults().queueSeconds())));
        JobRun run = new JobRun(ids.get(), ws.id(), item.id(), name, jobType, invokeType, ids.get(), createdAt,
                runningAt);
        jobs.add(run);
        if (script.dedupesOn(attempt)) {
            run.finish(runningAt, JobStatus.DEDUPED, Optional.empty());
        } else if (item.is("DataPipeline")) {
            new PipelineRun(ws, item, run, script, script.failsOn(attempt), params, depth).plan(runningAt);
        } else {
            Instant end = runningAt.plus(scenario.scaled(script.seconds().orElse(defaults().jobSeconds())));
            if (script.failsOn(attempt)) {
                run.finish(end, JobStatus.FAILED, Optional.of(RunError.job(JOB_FAILED,
                        script.failure().errorCode() + ": " + script.failure().message())));
            } else {
                run.finish(end, JobStatus.COMPLETED, Optional.empty());
                run.exitValue(script.exitValue());
            }
        }
        return run;
    }

    /** Reads the pipeline definition current at {@code now}. */
    Optional<Pipeline> pipelineOf(ItemState item, Instant now) {
        ItemVersion version = item.at(now);
        return version.part("pipeline-content.json").flatMap(bytes -> {
            try {
                Path path = Path.of(version.displayName() + ".DataPipeline", "pipeline-content.json");
                return Optional.of(reader.read(JsonDocument.parse(TextFile.decode(path, bytes)),
                        version.displayName()));
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
        });
    }

    /** Where an activity runs within its pipeline run: the ForEach iteration and its item, if any. */
    private record Context(String iterationHash, JsonNode item) {
        static Context top() {
            return new Context("", null);
        }
    }

    /** How one level of sibling activities ended. */
    private record LevelResult(Instant end, boolean failed, Optional<RunError> error) {
    }

    /** How one activity (all its attempts, or one attempt) ended. */
    private record Leg(Instant end, ActivityOutcome outcome, JsonNode output, Optional<RunError> error) {
    }

    /** Plans one pipeline run. */
    private final class PipelineRun {
        private final WorkspaceState ws;
        private final ItemState item;
        private final JobRun run;
        private final ItemScript script;
        private final boolean scriptedFailure;
        private final ObjectNode params;
        private final int depth;
        private Pipeline pipeline;
        private String failingActivity = "";
        private long nextSequence;
        /** What the run's SetVariable activities set so far, and its activities' latest successful outputs. */
        private final Map<String, JsonNode> variables = new HashMap<>();
        private final Map<String, JsonNode> outputs = new HashMap<>();

        PipelineRun(WorkspaceState ws, ItemState item, JobRun run, ItemScript script, boolean scriptedFailure,
                    ObjectNode params, int depth) {
            this.ws = ws;
            this.item = item;
            this.run = run;
            this.script = script;
            this.scriptedFailure = scriptedFailure;
            this.params = params;
            this.depth = depth;
        }

        void plan(Instant start) {
            Optional<Pipeline> parsed = pipelineOf(item, run.createdAt());
            if (parsed.isEmpty()) {
                run.finish(start.plus(scenario.scaled(ACTIVITY_OVERHEAD_SECONDS)), JobStatus.FAILED,
                        Optional.of(RunError.job(JOB_FAILED, "The pipeline definition of '" + run.itemName()
                                + "' cannot be read, so the run cannot start.")));
                return;
            }
            pipeline = parsed.get();
            ObjectNode effective = json.objectNode();
            for (PipelineParameter p : pipeline.parameters().values()) {
                p.defaultValue().ifPresent(v -> effective.set(p.name(), v));
            }
            effective.setAll(params);
            params.removeAll();
            params.setAll(effective);
            if (scriptedFailure) {
                List<Activity> order = pipeline.topLevelInDependencyOrder().activities();
                failingActivity = script.failure().activity()
                        .orElse(order.isEmpty() ? "" : order.get(order.size() - 1).name());
            }
            LevelResult result = level(pipeline.activities(), start, Context.top());
            boolean failed = scriptedFailure || result.failed();
            Optional<RunError> why = Optional.empty();
            if (failed) {
                String detail = result.error().map(e -> "Operation on target " + e.target() + " failed: "
                        + e.message()).orElse(script.failure().message());
                why = Optional.of(RunError.job(JOB_FAILED, detail));
            }
            run.finish(result.end(), failed ? JobStatus.FAILED : JobStatus.COMPLETED, why);
        }

        private LevelResult level(List<Activity> siblings, Instant start, Context ctx) {
            Path file = pipeline.file();
            List<Activity> order = DependencyOrder.of(file, siblings).activities();
            Map<String, ActivityOutcome> outcomes = new HashMap<>();
            Map<String, Instant> ends = new HashMap<>();
            Map<String, Optional<RunError>> errors = new HashMap<>();
            Set<String> ran = new HashSet<>();
            Instant end = start;
            for (Activity act : order) {
                Instant ready = start;
                boolean runs = true;
                for (Dependency dep : act.dependsOn()) {
                    ActivityOutcome upstream = outcomes.getOrDefault(dep.activity(), ActivityOutcome.SKIPPED);
                    Instant upstreamEnd = ends.getOrDefault(dep.activity(), start);
                    if (upstreamEnd.isAfter(ready)) {
                        ready = upstreamEnd;
                    }
                    runs &= dep.isSatisfiedBy(upstream.asCondition());
                }
                if (!runs || !act.isActive()) {
                    outcomes.put(act.name(), runs ? inactiveOutcome(act) : ActivityOutcome.SKIPPED);
                    ends.put(act.name(), ready);
                    continue;
                }
                Leg leg = withRetries(act, ready, ctx);
                ran.add(act.name());
                outcomes.put(act.name(), leg.outcome());
                ends.put(act.name(), leg.end());
                errors.put(act.name(), leg.error());
                if (leg.end().isAfter(end)) {
                    end = leg.end();
                }
            }
            // A failure counts against the level unless a dependent ran anyway (an on-failure/on-completion path).
            for (Activity act : order) {
                if (outcomes.get(act.name()) != ActivityOutcome.FAILED || !ran.contains(act.name())) {
                    continue;
                }
                boolean handled = order.stream().anyMatch(other -> ran.contains(other.name())
                        && other.dependsOn().stream().anyMatch(d -> d.activity().equals(act.name())));
                if (!handled) {
                    return new LevelResult(end, true, errors.get(act.name()));
                }
            }
            return new LevelResult(end, false, Optional.empty());
        }

        private ActivityOutcome inactiveOutcome(Activity act) {
            return act.onInactiveMarkAs().map(o -> switch (o) {
                case SUCCEEDED -> ActivityOutcome.SUCCEEDED;
                case FAILED -> ActivityOutcome.FAILED;
                case SKIPPED -> ActivityOutcome.SKIPPED;
            }).orElse(ActivityOutcome.SUCCEEDED);
        }

        private Leg withRetries(Activity act, Instant start, Context ctx) {
            int retries = isContainer(act) ? 0 : Math.max(0, act.effectivePolicy().effectiveRetry());
            Duration interval = scenario.scaled(act.effectivePolicy().effectiveRetryIntervalInSeconds());
            Instant t = start;
            Leg leg = null;
            for (int attempt = 0; attempt <= retries; attempt++) {
                // Taken before a container plans its children, so the container sorts ahead of them.
                long sequence = nextSequence++;
                leg = once(act, t, ctx);
                run.addActivityRun(new ActivityRun(ids.get(), act.name(), act.type(), t, leg.end(), leg.outcome(),
                        input(act), leg.output(), leg.error(), attempt, ctx.iterationHash(), sequence));
                if (leg.outcome() == ActivityOutcome.SUCCEEDED) {
                    outputs.put(act.name(), leg.output());
                    break;
                }
                t = leg.end().plus(interval);
            }
            return leg;
        }

        private Leg once(Activity act, Instant t, Context ctx) {
            if (scriptedFailure && act.name().equals(failingActivity)) {
                return new Leg(t.plus(scenario.scaled(leafSeconds(act, defaults().secondsForActivityType(
                        act.type())))), ActivityOutcome.FAILED, json.objectNode(), Optional.of(new RunError(
                        script.failure().errorCode(), script.failure().message(), "UserError", act.name())));
            }
            return switch (act.type()) {
                case "ExecutePipeline" -> {
                    ExecutePipelineDetails d = act.details(ExecutePipelineDetails.class).orElseThrow();
                    yield childPipeline(act, t, Optional.of(d.pipelineReferenceName()), Optional.empty(),
                            d.waitOnCompletion(), d.parameters());
                }
                case "InvokePipeline" -> {
                    InvokePipelineDetails d = act.details(InvokePipelineDetails.class).orElseThrow();
                    yield childPipeline(act, t, d.pipelineId().literalText(),
                            d.workspaceId().flatMap(DynamicValue::literalText), d.waitOnCompletion(),
                            d.parameters());
                }
                case "TridentNotebook" -> itemActivity(act, t, "Notebook", act.details(NotebookDetails.class)
                        .flatMap(d -> d.notebookId().literalText()));
                case "DataBuildToolJob" -> itemActivity(act, t, "DataBuildToolJob",
                        textOf(act.typeProperties().path("dbtJobId")));
                case "ForEach" -> forEach(act, t, ctx);
                case "IfCondition" -> ifCondition(act, t, ctx);
                case "Switch" -> container(act, t, ctx,
                        act.details(SwitchDetails.class).map(SwitchDetails::defaultActivities).orElse(List.of()),
                        json.objectNode());
                case "Until" -> container(act, t, ctx,
                        act.details(UntilDetails.class).map(UntilDetails::activities).orElse(List.of()),
                        json.objectNode());
                case "Wait" -> leaf(act, t, act.details(WaitDetails.class)
                        .flatMap(d -> ParameterRefs.value(d.waitTimeInSeconds(), params))
                        .filter(v -> v.isNumber() || v.asText().matches("\\d+(\\.\\d+)?"))
                        .map(v -> Double.parseDouble(v.asText())).orElse(defaults().activitySeconds()),
                        json.objectNode());
                case "PBISemanticModelRefresh" -> leaf(act, t, modelName(ctx)
                        .map(m -> scenario.model(m).seconds().orElse(defaults().refreshSeconds()))
                        .orElse(defaults().refreshSeconds()), json.objectNode());
                default -> leaf(act, t, defaults().secondsForActivityType(act.type()), leafOutput(act, t, ctx));
            };
        }

        private double leafSeconds(Activity act, double natural) {
            return script.activitySeconds().getOrDefault(act.name(), natural);
        }

        private Leg leaf(Activity act, Instant t, double naturalSeconds, JsonNode output) {
            Duration runFor = scenario.scaled(leafSeconds(act, naturalSeconds));
            Duration timeout = scenario.scaled(act.effectivePolicy().effectiveTimeout().getSeconds());
            if (runFor.compareTo(timeout) > 0) {
                return new Leg(t.plus(timeout), ActivityOutcome.FAILED, json.objectNode(), Optional.of(new RunError(
                        "ActivityTimedOut", "Activity '" + act.name() + "' timed out after "
                        + act.effectivePolicy().effectiveTimeout() + " (its policy timeout).", "UserError",
                        act.name())));
            }
            return new Leg(t.plus(runFor), ActivityOutcome.SUCCEEDED, output, Optional.empty());
        }

        private Leg childPipeline(Activity act, Instant t, Optional<String> reference, Optional<String> workspaceRef,
                                  boolean wait, Map<String, DynamicValue> parameters) {
            Optional<WorkspaceState> target = workspaceRef
                    .filter(w -> !w.equals(Item.ZERO_GUID) && !w.equalsIgnoreCase(ws.id().toString()))
                    .map(w -> parseUuid(w).flatMap(tenant::workspace))
                    .orElse(Optional.of(ws));
            Optional<ItemState> child = target.flatMap(w -> reference.flatMap(w::byReference))
                    .filter(i -> i.is("DataPipeline"));
            Instant childStart = t.plus(scenario.scaled(ACTIVITY_OVERHEAD_SECONDS));
            if (child.isEmpty() || depth + 1 > MAX_DEPTH) {
                String why = child.isEmpty()
                        ? "The pipeline '" + reference.orElse("(expression)") + "' was not found in the workspace."
                        : "Pipelines invoke each other more than " + MAX_DEPTH + " levels deep.";
                return new Leg(childStart, ActivityOutcome.FAILED, json.objectNode(),
                        Optional.of(new RunError("PipelineNotFound", why, "UserError", act.name())));
            }
            ObjectNode childParams = json.objectNode();
            parameters.forEach((name, value) -> ParameterRefs.value(value, params)
                    .ifPresent(v -> childParams.set(name, v)));
            JobRun childRun = JobPlanner.this.plan(target.get(), child.get(), "Pipeline", MANUAL, childParams,
                    childStart, depth + 1);
            run.addChild(childRun);
            ObjectNode output = json.objectNode();
            output.put("pipelineName", childRun.itemName());
            output.put("pipelineRunId", childRun.id().toString());
            if (!wait) {
                return new Leg(childStart, ActivityOutcome.SUCCEEDED, output, Optional.empty());
            }
            Instant end = childRun.endAt().plus(scenario.scaled(ACTIVITY_OVERHEAD_SECONDS));
            if (childRun.outcome() == JobStatus.FAILED) {
                String message = "The pipeline '" + childRun.itemName() + "' (run " + childRun.id() + ") failed: "
                        + childRun.failure().map(RunError::message).orElse("no detail");
                return new Leg(end, ActivityOutcome.FAILED, output,
                        Optional.of(new RunError("ChildPipelineFailed", message, "UserError", act.name())));
            }
            return new Leg(end, ActivityOutcome.SUCCEEDED, output, Optional.empty());
        }

        /** A notebook or dbt activity: a run of that item, so it counts as one of its attempts. */
        private Leg itemActivity(Activity act, Instant t, String type, Optional<String> reference) {
            if (reference.isEmpty()) {
                return leaf(act, t, defaults().jobSeconds(), json.objectNode());
            }
            Optional<ItemState> target = ws.byReference(reference.get()).filter(i -> i.is(type));
            if (target.isEmpty()) {
                return new Leg(t.plus(scenario.scaled(ACTIVITY_OVERHEAD_SECONDS)), ActivityOutcome.FAILED,
                        json.objectNode(), Optional.of(new RunError("ItemNotFound", "The " + type + " '"
                        + reference.get() + "' was not found in the workspace.", "UserError", act.name())));
            }
            ItemState targetItem = target.get();
            ItemScript itemScript = scenario.item(targetItem.displayName(t));
            int attempt = jobs.nextAttempt(ws.id(), targetItem.id());
            ObjectNode output = json.objectNode();
            ObjectNode result = output.putObject("result");
            result.put("runId", ids.get().toString());
            if (itemScript.failsOn(attempt)) {
                Leg ran = leaf(act, t, itemScript.seconds().orElse(defaults().jobSeconds()), output);
                return new Leg(ran.end(), ActivityOutcome.FAILED, output, Optional.of(new RunError(
                        itemScript.failure().errorCode(), itemScript.failure().message(), "UserError", act.name())));
            }
            if (type.equals("Notebook")) {
                itemScript.exitValue().ifPresentOrElse(v -> result.put("exitValue", v), () -> result.putNull(
                        "exitValue"));
            }
            return leaf(act, t, itemScript.seconds().orElse(defaults().jobSeconds()), output);
        }

        private Leg forEach(Activity act, Instant t, Context ctx) {
            ForEachDetails d = act.details(ForEachDetails.class).orElseThrow();
            List<JsonNode> items = new ArrayList<>();
            ParameterRefs.value(d.items(), params).filter(JsonNode::isArray).ifPresentOrElse(
                    array -> array.forEach(items::add), () -> items.add(null));
            int cap = Math.max(1, Math.min(d.concurrencyCap(), items.size()));
            PriorityQueue<Instant> slots = new PriorityQueue<>();
            for (int i = 0; i < cap; i++) {
                slots.add(t);
            }
            Instant end = t;
            Optional<RunError> firstError = Optional.empty();
            for (int i = 0; i < items.size(); i++) {
                Instant slot = slots.poll();
                String hash = ids.get().toString().replace("-", "").substring(0, 16);
                LevelResult r = level(d.activities(), slot, new Context(hash, items.get(i)));
                slots.add(r.end());
                if (r.end().isAfter(end)) {
                    end = r.end();
                }
                if (r.failed() && firstError.isEmpty()) {
                    firstError = r.error().or(() -> Optional.of(new RunError("ActivityFailed",
                            "An iteration failed.", "UserError", act.name())));
                }
            }
            return containerEnd(act, end, firstError, json.objectNode());
        }

        private Leg ifCondition(Activity act, Instant t, Context ctx) {
            IfConditionDetails d = act.details(IfConditionDetails.class).orElseThrow();
            boolean branch = Optional.ofNullable(script.branches().get(act.name()))
                    .or(() -> ParameterRefs.condition(d.expression(), params)).orElse(false);
            ObjectNode output = json.objectNode();
            output.put("ifExpressionResult", branch);
            return container(act, t, ctx, branch ? d.ifTrueActivities() : d.ifFalseActivities(), output);
        }

        private Leg container(Activity act, Instant t, Context ctx, List<Activity> inner, JsonNode output) {
            LevelResult r = level(inner, t, ctx);
            return containerEnd(act, r.end(), r.failed() ? r.error().or(() -> Optional.of(new RunError(
                    "ActivityFailed", "An inner activity failed.", "UserError", act.name()))) : Optional.empty(),
                    output);
        }

        private Leg containerEnd(Activity act, Instant end, Optional<RunError> innerError, JsonNode output) {
            if (innerError.isEmpty()) {
                return new Leg(end, ActivityOutcome.SUCCEEDED, output, Optional.empty());
            }
            RunError inner = innerError.get();
            return new Leg(end, ActivityOutcome.FAILED, output, Optional.of(new RunError(inner.errorCode(),
                    "Activity failed because an inner activity failed; Inner activity name: " + inner.target()
                            + ", Error: " + inner.message(), "UserError", act.name())));
        }

        private Optional<JsonNode> evaluated(DynamicValue value, Instant at, Context ctx) {
            return evaluate(value, new EvaluationContext() {
                @Override
                public Optional<JsonNode> parameter(String name) {
                    return Optional.ofNullable(params.get(name));
                }

                @Override
                public Optional<JsonNode> variable(String name) {
                    return Optional.ofNullable(variables.get(name));
                }

                @Override
                public Optional<JsonNode> activityOutput(String activityName) {
                    return Optional.ofNullable(outputs.get(activityName));
                }

                @Override
                public Optional<JsonNode> item() {
                    return Optional.ofNullable(ctx.item());
                }

                @Override
                public String runId() {
                    return run.id().toString();
                }

                @Override
                public Instant triggerTime() {
                    return run.createdAt();
                }

                @Override
                public Clock clock() {
                    return Clock.fixed(at, ZoneOffset.UTC);
                }
            });
        }

        private Optional<String> modelName(Context ctx) {
            if (ctx.item() == null) {
                return Optional.empty();
            }
            JsonNode name = ctx.item().isObject() ? ctx.item().path("name") : ctx.item();
            return name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
        }

        /**
         * The input as Fabric shows it: typeProperties with plain parameter references replaced by their values
         * and a child pipeline named by its deployed id; other expressions stay as written.
         */
        private JsonNode input(Activity act) {
            if (isContainer(act)) {
                return json.objectNode();
            }
            JsonNode input = ParameterRefs.substitute(act.typeProperties().deepCopy(), params);
            if (input instanceof ObjectNode object) {
                deployedChildIds(act, object);
            }
            return input;
        }

        private void deployedChildIds(Activity act, ObjectNode input) {
            switch (act.type()) {
                case "ExecutePipeline" -> {
                    JsonNode reference = input.path("pipeline");
                    if (reference instanceof ObjectNode ref) {
                        ws.byReference(ref.path("referenceName").asText(null))
                                .ifPresent(child -> ref.put("referenceName", child.id().toString()));
                    }
                }
                case "InvokePipeline" -> {
                    String workspace = input.path("workspaceId").asText("");
                    if (workspace.isEmpty() || workspace.equals(Item.ZERO_GUID)) {
                        ws.byReference(input.path("pipelineId").asText(null)).ifPresent(child -> {
                            input.put("pipelineId", child.id().toString());
                            input.put("workspaceId", ws.id().toString());
                        });
                    }
                }
                default -> {
                    // Only pipeline references are written with repository ids that Fabric resolves.
                }
            }
        }

        private JsonNode leafOutput(Activity act, Instant t, Context ctx) {
            ObjectNode out = json.objectNode();
            switch (act.type()) {
                case "Lookup" -> {
                    boolean firstRowOnly = act.details(LookupDetails.class).map(LookupDetails::firstRowOnly)
                            .orElse(true);
                    if (firstRowOnly) {
                        out.putObject("firstRow");
                    } else {
                        out.put("count", 0);
                        out.putArray("value");
                    }
                }
                case "SetVariable" -> act.details(SetVariableDetails.class).ifPresent(d -> {
                    JsonNode value = d.value().flatMap(v -> ParameterRefs.value(v, params)
                            .or(() -> evaluated(v, t, ctx))).orElse(json.nullNode());
                    out.put("name", d.variableName());
                    out.set("value", value);
                    if (!value.isNull()) {
                        variables.put(d.variableName(), value);
                    }
                });
                case "AppendVariable" -> act.details(SetVariableDetails.class).ifPresent(d -> {
                    out.put("name", d.variableName());
                    out.set("value", d.value().flatMap(v -> ParameterRefs.value(v, params))
                            .orElse(json.nullNode()));
                });
                case "Copy" -> {
                    // deterministic per activity name unless the scenario says what this copy moves
                    long usual = 1_000 + Math.floorMod(act.name().hashCode(), 50_000);
                    CopyRows rows = script.copyRows().getOrDefault(act.name(), CopyRows.all(usual));
                    out.put("dataRead", rows.read() * 120);
                    out.put("dataWritten", rows.copied() * 120);
                    out.put("rowsRead", rows.read());
                    out.put("rowsCopied", rows.copied());
                    out.put("copyDuration", (long) defaults().secondsForActivityType("Copy"));
                    out.putArray("errors");
                }
                default -> {
                    // Other activity types report no output the console reads.
                }
            }
            return out;
        }
    }

    /**
     * The value Fabric would report for an expression a SetVariable activity sets, evaluated by the console's
     * expression language over what this run knows; empty when it reads something the emulator does not model.
     */
    private static Optional<JsonNode> evaluate(DynamicValue value, EvaluationContext context) {
        try {
            return Optional.ofNullable(EXPRESSIONS.parse(value).evaluate(context));
        } catch (ExpressionSyntaxException | ExpressionEvaluationException e) {
            return Optional.empty();
        }
    }

    private static boolean isContainer(Activity act) {
        return switch (act.type()) {
            case "ForEach", "IfCondition", "Switch", "Until" -> true;
            default -> false;
        };
    }

    private static Optional<String> textOf(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
