package org.dbb.console.core.expr;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The arguments of one function call, evaluated on first use, with typed access that fails with a message naming
 * the function, the argument and what it should have been. Not thread-safe; lives for one call.
 */
final class Arguments {

    private final Evaluator evaluator;
    private final Node.Call call;
    private final JsonNode[] values;

    Arguments(Evaluator evaluator, Node.Call call) {
        this.evaluator = evaluator;
        this.call = call;
        this.values = new JsonNode[call.arguments().size()];
    }

    int size() {
        return values.length;
    }

    JsonNode get(int index) {
        if (values[index] == null) {
            values[index] = evaluator.evaluate(call.arguments().get(index));
        }
        return values[index];
    }

    List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            all.add(get(i));
        }
        return all;
    }

    String string(int index) {
        JsonNode value = get(index);
        if (!value.isTextual()) {
            throw wrongType(index, "a string");
        }
        return value.textValue();
    }

    long integer(int index) {
        JsonNode value = get(index);
        if (Values.isNull(value) || !Values.isInteger(value)) {
            throw wrongType(index, "an integer");
        }
        return value.longValue();
    }

    boolean bool(int index) {
        JsonNode value = get(index);
        if (Values.isNull(value) || !value.isBoolean()) {
            throw wrongType(index, "a boolean");
        }
        return value.booleanValue();
    }

    JsonNode number(int index) {
        JsonNode value = get(index);
        if (Values.isNull(value) || !value.isNumber()) {
            throw wrongType(index, "a number");
        }
        return value;
    }

    OffsetDateTime timestamp(int index) {
        JsonNode value = get(index);
        if (Values.isNull(value) || !value.isTextual()) {
            throw wrongType(index, "a timestamp string");
        }
        return Timestamps.parse(value.textValue()).orElseThrow(() -> fail(
                "argument " + (index + 1) + " " + Values.describe(value) + " is not a timestamp",
                "pass an ISO 8601 timestamp such as '2024-05-01T00:00:00Z' or '2024-05-01'"));
    }

    EvaluationContext context() {
        return evaluator.context();
    }

    String name() {
        return call.function().displayName();
    }

    /** A failure of this call, quoting it. */
    ExpressionEvaluationException fail(String problem, String advice) {
        return evaluator.fail(call.span(), name() + "(): " + problem, advice);
    }

    ExpressionEvaluationException wrongType(int index, String expected) {
        return fail("argument " + (index + 1) + " must be " + expected + " but is " + Values.describe(get(index)),
                "pass " + expected + " there, converting with string(), int(), float() or bool() if needed");
    }
}
