package org.dbb.console.core.engine;

import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dbb.console.core.expr.EvaluationContext;
import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.expr.ExpressionEvaluationException;
import org.dbb.console.core.expr.ExpressionReference;

/** An {@link Expression} written as a Java function, for engine tests that need no parser. Immutable. */
final class TestExpression implements Expression {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final Function<EvaluationContext, JsonNode> body;

    private TestExpression(String text, Function<EvaluationContext, JsonNode> body) {
        this.text = text;
        this.body = body;
    }

    static Expression of(String text, Function<EvaluationContext, JsonNode> body) {
        return new TestExpression(text, body);
    }

    static Expression literal(Object value) {
        JsonNode node = JSON.valueToTree(value);
        return new TestExpression(String.valueOf(value), context -> node);
    }

    /** {@code @pipeline().parameters.name}. */
    static Expression parameter(String name) {
        return of("@pipeline().parameters." + name, c -> c.parameter(name)
                .orElseThrow(() -> new ExpressionEvaluationException("no parameter " + name)));
    }

    /** {@code @activity('name').output} then {@code path} (dot separated). */
    static Expression output(String activity, String path) {
        return of("@activity('" + activity + "').output." + path, c -> {
            JsonNode node = c.activityOutput(activity)
                    .orElseThrow(() -> new ExpressionEvaluationException("no output of " + activity));
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            return node;
        });
    }

    static Expression variable(String name) {
        return of("@variables('" + name + "')", c -> c.variable(name)
                .orElseThrow(() -> new ExpressionEvaluationException("no variable " + name)));
    }

    static Expression item() {
        return of("@item()", c -> c.item().orElseThrow(() -> new ExpressionEvaluationException("no item")));
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public JsonNode evaluate(EvaluationContext context) {
        return body.apply(context);
    }

    @Override
    public Set<ExpressionReference> references() {
        return Set.of();
    }
}
