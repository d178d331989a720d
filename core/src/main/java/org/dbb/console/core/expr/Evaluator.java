package org.dbb.console.core.expr;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Walks a parsed expression against a run's state. Failures quote the whole expression and the part that failed,
 * and say what to change. Not thread-safe; one per evaluation.
 */
final class Evaluator {

    private static final int LISTED_PROPERTIES_LIMIT = 10;

    private final String text;
    private final EvaluationContext context;

    Evaluator(String text, EvaluationContext context) {
        this.text = text;
        this.context = context;
    }

    EvaluationContext context() {
        return context;
    }

    JsonNode evaluate(Node node) {
        if (node instanceof Node.Literal literal) {
            return literal.value();
        }
        if (node instanceof Node.Reference reference) {
            return read(reference);
        }
        if (node instanceof Node.Call call) {
            Arguments arguments = new Arguments(this, call);
            if (!call.function().evaluatesArgumentsLazily()) {
                arguments.all();
            }
            return call.function().apply(arguments);
        }
        if (node instanceof Node.Member member) {
            return property(evaluate(member.target()), member.target(), member.name(), member.nullSafe(),
                    member.span());
        }
        Node.Index index = (Node.Index) node;
        return element(index);
    }

    /** A failure at {@code span}, worded as: Cannot evaluate "…": problem. Advice. */
    ExpressionEvaluationException fail(Span span, String problem, String advice) {
        String where = span.start() == 0 && span.end() == text.length() ? "" : " (at " + span.of(text) + ")";
        return new ExpressionEvaluationException(
                "Cannot evaluate \"" + text + "\": " + problem + where + ". " + capitalize(advice) + ".");
    }

    private JsonNode read(Node.Reference node) {
        ExpressionReference reference = node.reference();
        String name = reference.name();
        return switch (reference.kind()) {
            case PARAMETER -> context.parameter(name).orElseThrow(() -> fail(node.span(),
                    "pipeline parameter '" + name + "' has no value",
                    "pass a value for it when starting the run, or give it a defaultValue in the pipeline's"
                            + " parameters"));
            case VARIABLE -> context.variable(name).orElseThrow(() -> fail(node.span(),
                    "variable '" + name + "' has not been set",
                    "make a SetVariable activity for '" + name + "' run before this one (dependsOn), or give the"
                            + " variable a defaultValue"));
            case ACTIVITY_OUTPUT -> context.activityOutput(name).orElseThrow(() -> fail(node.span(),
                    "activity '" + name + "' has no output",
                    "check the activity name and make this activity depend on '" + name
                            + "' (dependsOn Succeeded) so its output exists"));
            case ITEM -> context.item().orElseThrow(() -> fail(node.span(), "item() has no value here",
                    "use item() only inside the activities of a ForEach"));
            case RUN_ID -> TextNode.valueOf(context.runId());
            case TRIGGER_TIME -> TextNode.valueOf(DotNetDateFormat.format(
                    context.triggerTime().atOffset(ZoneOffset.UTC), DotNetDateFormat.ROUND_TRIP));
        };
    }

    private JsonNode element(Node.Index index) {
        JsonNode target = evaluate(index.target());
        JsonNode key = evaluate(index.key());
        if (key.isTextual()) {
            return property(target, index.target(), key.textValue(), index.nullSafe(), index.span());
        }
        String targetText = index.target().span().of(text);
        if (!Values.isInteger(key)) {
            throw fail(index.key().span(), "an index must be a quoted property name or an integer, not "
                    + Values.describe(key), "write ['name'] for a property or [0] for the first array element");
        }
        if (Values.isNull(target)) {
            if (index.nullSafe()) {
                return NullNode.getInstance();
            }
            throw fail(index.span(), targetText + " is null, so it has no element " + key.longValue(),
                    "write ?[" + key.longValue() + "] to get null instead, or supply a default with coalesce()");
        }
        if (!target.isArray()) {
            throw fail(index.span(), targetText + " is " + Values.typeName(target) + ", not an array, so [" + key
                    + "] does not apply", "check the path to the array");
        }
        long position = key.longValue();
        if (position < 0 || position >= target.size()) {
            if (index.nullSafe()) {
                return NullNode.getInstance();
            }
            throw fail(index.span(), targetText + " has " + target.size() + " element(s), so [" + position
                    + "] is out of range", "check the array is not empty, or write ?[" + position
                    + "] to get null when it is missing");
        }
        return target.get((int) position);
    }

    private JsonNode property(JsonNode target, Node targetNode, String name, boolean nullSafe, Span span) {
        String targetText = targetNode.span().of(text);
        if (Values.isNull(target)) {
            if (nullSafe) {
                return NullNode.getInstance();
            }
            throw fail(span, targetText + " is null, so it has no property '" + name + "'",
                    "write ?." + name + " to get null instead, or supply a default with coalesce()");
        }
        if (!target.isObject()) {
            throw fail(span, targetText + " is " + Values.typeName(target) + ", not an object, so it has no property '"
                    + name + "'", "check the path; an array needs an index such as [0] first");
        }
        JsonNode value = target.get(name);
        if (value != null) {
            return value;
        }
        if (nullSafe) {
            return NullNode.getInstance();
        }
        throw fail(span, targetText + " has no property '" + name + "' (it has: " + propertyNames(target) + ")",
                "check the name (property names are case-sensitive), or write ?." + name
                        + " to get null when it is missing");
    }

    private static String propertyNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return "no properties";
        }
        if (names.size() > LISTED_PROPERTIES_LIMIT) {
            return String.join(", ", names.subList(0, LISTED_PROPERTIES_LIMIT)) + ", …";
        }
        return String.join(", ", names);
    }

    private static String capitalize(String advice) {
        return advice.isEmpty() ? advice : Character.toUpperCase(advice.charAt(0)) + advice.substring(1);
    }
}
