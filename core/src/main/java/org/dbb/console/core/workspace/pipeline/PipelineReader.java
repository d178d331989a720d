package org.dbb.console.core.workspace.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.json.JsonDocument;

/**
 * Reads a Fabric pipeline from JSON into a {@link Pipeline}. Unknown members and unknown activity types are kept,
 * never rejected; values of the wrong type for what the console models (e.g. {@code "retry": "three"}) are
 * reported together, each with its line, column and JSON path. Stateless and thread-safe.
 */
public final class PipelineReader {

    private static final String ALLOWED_CONDITIONS = "Succeeded, Failed, Skipped or Completed";

    /**
     * Reads a {@code pipeline-content.json} (a UTF-8 byte-order mark is allowed).
     *
     * @param name the pipeline's name, usually the display name from the item's {@code .platform}
     * @throws InvalidInputException when the file cannot be read, is not JSON, or is not a pipeline
     */
    public Pipeline read(Path file, String name) {
        return read(file, name, ConcretePath.root());
    }

    /** Reads the pipeline object found at {@code root} inside a larger JSON file (e.g. an export or test data). */
    public Pipeline read(Path file, String name, ConcretePath root) {
        return read(JsonDocument.parse(TextFile.read(file)), name, root);
    }

    /** Reads the pipeline at the root of an already parsed document. */
    public Pipeline read(JsonDocument document, String name) {
        return read(document, name, ConcretePath.root());
    }

    /**
     * Reads the pipeline object at {@code root} of an already parsed document.
     *
     * @throws InvalidInputException listing every problem found, when there is any
     */
    public Pipeline read(JsonDocument document, String name, ConcretePath root) {
        JsonNode node = document.valueAt(root).orElseThrow(() -> new InvalidInputException(document.problemAt(root,
                "there is no pipeline at " + root + "; check the path to the pipeline object")));
        List<Problem> problems = new ArrayList<>();
        Pipeline pipeline = new Reading(document, problems).pipeline(node, root, name);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return pipeline;
    }

    /** One read of one document; collects its problems. */
    private static final class Reading {
        private final JsonDocument document;
        private final List<Problem> problems;

        Reading(JsonDocument document, List<Problem> problems) {
            this.document = document;
            this.problems = problems;
        }

        Pipeline pipeline(JsonNode node, ConcretePath root, String name) {
            if (!node.isObject()) {
                problems.add(document.problemAt(root, "a pipeline must be a JSON object like {\"properties\":"
                        + " {\"activities\": […]}}, found " + FieldReader.shown(node)));
                return emptyPipeline(name, root);
            }
            FieldReader top = new FieldReader(document, problems, node, root, "the pipeline");
            Optional<FieldReader> properties = top.object("properties");
            if (properties.isEmpty()) {
                if (top.raw("properties").isEmpty()) {
                    top.missing("properties");
                }
                return emptyPipeline(name, root);
            }
            FieldReader props = properties.get();
            return new Pipeline(name, document.file(), root, props.text("description"),
                    parameters(props), variables(props), activities(props, "activities"));
        }

        private Pipeline emptyPipeline(String name, ConcretePath root) {
            return new Pipeline(name, document.file(), root, Optional.empty(), Map.of(), Map.of(), List.of());
        }

        private Map<String, PipelineParameter> parameters(FieldReader props) {
            Map<String, PipelineParameter> out = new LinkedHashMap<>();
            props.object("parameters").ifPresent(params -> eachMember(params, (name, declaration) -> {
                FieldReader d = declaration.as("parameter \"" + name + "\"");
                out.put(name, new PipelineParameter(name, d.requiredText("type"), d.raw("defaultValue")));
            }));
            return out;
        }

        private Map<String, PipelineVariable> variables(FieldReader props) {
            Map<String, PipelineVariable> out = new LinkedHashMap<>();
            props.object("variables").ifPresent(vars -> eachMember(vars, (name, declaration) -> {
                FieldReader d = declaration.as("variable \"" + name + "\"");
                out.put(name, new PipelineVariable(name, d.requiredText("type"), d.raw("defaultValue")));
            }));
            return out;
        }

        private List<Activity> activities(FieldReader container, String member) {
            List<Activity> out = new ArrayList<>();
            for (FieldReader element : container.as("the pipeline").objects(member)) {
                out.add(activity(element));
            }
            return out;
        }

        private Activity activity(FieldReader raw) {
            String name = raw.as("the activity at " + raw.path()).requiredText("name");
            FieldReader a = raw.as("activity \"" + name + "\"");
            String type = a.requiredText("type");
            FieldReader typeProperties = a.object("typeProperties").orElseGet(() -> new FieldReader(document,
                    problems, JsonNodeFactory.instance.objectNode(), a.pathOf("typeProperties"),
                    "activity \"" + name + "\""));
            return new Activity(name, type, a.text("description"), dependencies(a), a.object("policy")
                    .map(this::policy), state(a), inactiveOutcome(a), typeProperties.node(),
                    details(type, a, typeProperties), a.path(), document.positionOf(a.path()), a.node());
        }

        private List<Dependency> dependencies(FieldReader a) {
            List<Dependency> out = new ArrayList<>();
            for (FieldReader entry : a.objects("dependsOn")) {
                String upstream = entry.requiredText("activity");
                Set<DependencyCondition> conditions = new LinkedHashSet<>();
                List<String> written = entry.texts("dependencyConditions");
                for (int i = 0; i < written.size(); i++) {
                    String text = written.get(i);
                    Optional<DependencyCondition> condition = DependencyCondition.fromJson(text);
                    if (condition.isPresent()) {
                        conditions.add(condition.get());
                    } else {
                        entry.problem(entry.pathOf("dependencyConditions").index(i), a.owner() + ": \"" + text + "\" is not a dependency condition; use " + ALLOWED_CONDITIONS);
                    }
                }
                if (written.isEmpty() && entry.raw("dependencyConditions").map(JsonNode::isArray).orElse(true)) {
                    entry.problem(entry.pathOf("dependencyConditions"), "the dependency on \"" + upstream
                            + "\" names no condition; add at least one of " + ALLOWED_CONDITIONS);
                }
                out.add(new Dependency(upstream, conditions));
            }
            return out;
        }

        private ActivityPolicy policy(FieldReader p) {
            Optional<String> timeoutText = p.text("timeout");
            Optional<Duration> timeout = Optional.empty();
            if (timeoutText.isPresent()) {
                try {
                    timeout = Optional.of(Timeouts.parse(timeoutText.get()));
                } catch (IllegalArgumentException e) {
                    p.problem(p.pathOf("timeout"), e.getMessage());
                }
            }
            return new ActivityPolicy(p.wholeNumber("retry"), p.wholeNumber("retryIntervalInSeconds"), timeout,
                    timeoutText, p.bool("secureInput").orElse(false), p.bool("secureOutput").orElse(false));
        }

        private ActivityState state(FieldReader a) {
            return a.text("state").map(text -> ActivityState.fromJson(text).orElseGet(() -> {
                a.problem(a.pathOf("state"), "\"" + text + "\" is not an activity state; use Active or Inactive");
                return ActivityState.ACTIVE;
            })).orElse(ActivityState.ACTIVE);
        }

        private Optional<InactiveOutcome> inactiveOutcome(FieldReader a) {
            return a.text("onInactiveMarkAs").flatMap(text -> {
                Optional<InactiveOutcome> outcome = InactiveOutcome.fromJson(text);
                if (outcome.isEmpty()) {
                    a.problem(a.pathOf("onInactiveMarkAs"), "\"" + text
                            + "\" is not a status an inactive activity can report; use Succeeded, Failed or Skipped");
                }
                return outcome;
            });
        }

        private ActivityDetails details(String type, FieldReader activity, FieldReader tp) {
            return switch (ActivityKind.of(type)) {
                case EXECUTE_PIPELINE -> new ExecutePipelineDetails(
                        tp.object("pipeline").map(p -> p.requiredText("referenceName")).orElseGet(() -> {
                            tp.missing("pipeline");
                            return "";
                        }),
                        tp.bool("waitOnCompletion").orElse(false), dynamicMap(tp, "parameters"));
                case INVOKE_PIPELINE -> new InvokePipelineDetails(tp.requiredDynamic("pipelineId"),
                        tp.dynamic("workspaceId"), tp.text("operationType"),
                        tp.bool("waitOnCompletion").orElse(false), dynamicMap(tp, "parameters"),
                        activity.object("externalReferences").flatMap(r -> r.text("connection")));
                case NOTEBOOK -> new NotebookDetails(tp.requiredDynamic("notebookId"), tp.dynamic("workspaceId"),
                        notebookParameters(tp), tp.text("sessionTag"));
                case LOOKUP -> new LookupDetails(objectOrEmpty(tp, "source"), objectOrEmpty(tp, "datasetSettings"),
                        tp.bool("firstRowOnly").orElse(true));
                case SET_VARIABLE -> new SetVariableDetails(tp.requiredText("variableName"), tp.dynamic("value"));
                case WAIT -> new WaitDetails(tp.requiredDynamic("waitTimeInSeconds"));
                case COPY -> new CopyDetails(objectOrEmpty(tp, "source"), objectOrEmpty(tp, "sink"));
                case FOR_EACH -> new ForEachDetails(tp.requiredDynamic("items"),
                        tp.bool("isSequential").orElse(false), tp.wholeNumber("batchCount"),
                        activities(tp, "activities"));
                case IF_CONDITION -> new IfConditionDetails(tp.requiredDynamic("expression"),
                        activities(tp, "ifTrueActivities"), activities(tp, "ifFalseActivities"));
                case SWITCH -> new SwitchDetails(tp.requiredDynamic("on"), switchCases(tp),
                        activities(tp, "defaultActivities"));
                case UNTIL -> new UntilDetails(tp.requiredDynamic("expression"), untilTimeout(tp),
                        activities(tp, "activities"));
                case OTHER -> new GenericDetails(type);
            };
        }

        private Map<String, DynamicValue> dynamicMap(FieldReader tp, String member) {
            Map<String, DynamicValue> out = new LinkedHashMap<>();
            // Parameter values may be literals of any JSON type as well as expression objects.
            tp.object(member).ifPresent(params -> params.node().properties()
                    .forEach(e -> out.put(e.getKey(), DynamicValue.of(e.getValue()))));
            return out;
        }

        private Map<String, NotebookParameter> notebookParameters(FieldReader tp) {
            Map<String, NotebookParameter> out = new LinkedHashMap<>();
            tp.object("parameters").ifPresent(params -> eachMember(params, (name, parameter) -> {
                FieldReader p = parameter.as(parameter.owner() + ", notebook parameter \"" + name + "\"");
                out.put(name, new NotebookParameter(p.requiredDynamic("value"), p.text("type")));
            }));
            return out;
        }

        private List<SwitchCase> switchCases(FieldReader tp) {
            List<SwitchCase> out = new ArrayList<>();
            for (FieldReader c : tp.objects("cases")) {
                out.add(new SwitchCase(c.requiredText("value"), activities(c, "activities")));
            }
            return out;
        }

        private Optional<DynamicValue> untilTimeout(FieldReader tp) {
            Optional<DynamicValue> timeout = tp.dynamic("timeout");
            timeout.flatMap(DynamicValue::literalText).ifPresent(text -> {
                try {
                    Timeouts.parse(text);
                } catch (IllegalArgumentException e) {
                    tp.problem(tp.pathOf("timeout"), e.getMessage());
                }
            });
            return timeout;
        }

        private static JsonNode objectOrEmpty(FieldReader tp, String member) {
            return tp.object(member).map(FieldReader::node).orElseGet(JsonNodeFactory.instance::objectNode);
        }

        /** Calls {@code action} for each member of an object; members that are not objects become problems. */
        private void eachMember(FieldReader object, MemberAction action) {
            for (Map.Entry<String, JsonNode> entry : object.node().properties()) {
                String name = entry.getKey();
                object.object(name).ifPresentOrElse(member -> action.accept(name, member), () -> {
                    if (object.raw(name).map(JsonNode::isNull).orElse(false)) {
                        object.problem(object.pathOf(name), "\"" + name + "\" is null; it must be an object in { }");
                    }
                });
            }
        }
    }

    @FunctionalInterface
    private interface MemberAction {
        void accept(String name, FieldReader member);
    }
}
