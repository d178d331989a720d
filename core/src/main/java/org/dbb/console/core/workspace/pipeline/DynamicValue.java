package org.dbb.console.core.workspace.pipeline;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value in pipeline JSON that may be an expression, written {@code {"value": "@…", "type": "Expression"}}, or a
 * plain literal. The console's expression language evaluates the former. Immutable.
 */
public sealed interface DynamicValue permits DynamicValue.Expression, DynamicValue.Literal {

    /** An expression such as {@code @pipeline().parameters.FromMonth}, exactly as written. Immutable. */
    record Expression(String text) implements DynamicValue {
        public Expression {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A plain JSON value; {@link #value()} returns a copy. Immutable. */
    record Literal(JsonNode value) implements DynamicValue {
        public Literal {
            value = value.deepCopy();
        }

        @Override
        public JsonNode value() {
            return value.deepCopy();
        }
    }

    /** Classifies a JSON value: an {@code {"value": <text>, "type": "Expression"}} object is an expression. */
    static DynamicValue of(JsonNode node) {
        if (node.isObject() && node.size() == 2 && "Expression".equals(node.path("type").asText(null))
                && node.path("value").isTextual()) {
            return new Expression(node.get("value").asText());
        }
        return new Literal(node);
    }

    default boolean isExpression() {
        return this instanceof Expression;
    }

    /** The text of a string literal, e.g. a notebook id written as a plain GUID; empty for expressions. */
    default Optional<String> literalText() {
        return this instanceof Literal literal && literal.value.isTextual()
                ? Optional.of(literal.value.asText())
                : Optional.empty();
    }

    /** The expression text, or the literal as JSON text: what an operator should see. */
    default String display() {
        return this instanceof Expression expression ? expression.text() : ((Literal) this).value.toString();
    }
}
