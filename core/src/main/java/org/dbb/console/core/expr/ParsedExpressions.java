package org.dbb.console.core.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The three shapes a parsed pipeline value takes. Stateless holder. */
final class ParsedExpressions {

    private ParsedExpressions() {
    }

    private static Set<ExpressionReference> frozen(Set<ExpressionReference> references) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(references));
    }

    /** A value that reads nothing: plain text, {@code @@…} or any non-expression JSON. Immutable and thread-safe. */
    record Literal(String text, JsonNode value) implements Expression {

        Literal {
            Objects.requireNonNull(text, "text");
            value = value.deepCopy();
        }

        @Override
        public JsonNode evaluate(EvaluationContext context) {
            return value.deepCopy();
        }

        @Override
        public Set<ExpressionReference> references() {
            return Set.of();
        }
    }

    /** {@code @expression}: evaluates to whatever JSON value the expression yields. Immutable and thread-safe. */
    record Single(String text, Node root, Set<ExpressionReference> references) implements Expression {

        Single {
            references = frozen(references);
        }

        @Override
        public JsonNode evaluate(EvaluationContext context) {
            Objects.requireNonNull(context, "context");
            return new Evaluator(text, context).evaluate(root).deepCopy();
        }
    }

    /** A string with {@code @{…}} parts: always evaluates to a string. Immutable and thread-safe. */
    record Interpolated(String text, List<Part> parts, Set<ExpressionReference> references) implements Expression {

        Interpolated {
            parts = List.copyOf(parts);
            references = frozen(references);
        }

        @Override
        public JsonNode evaluate(EvaluationContext context) {
            Objects.requireNonNull(context, "context");
            Evaluator evaluator = new Evaluator(text, context);
            StringBuilder result = new StringBuilder();
            for (Part part : parts) {
                if (part instanceof TextPart textPart) {
                    result.append(textPart.text());
                } else {
                    result.append(Values.text(evaluator.evaluate(((ExpressionPart) part).node())));
                }
            }
            return TextNode.valueOf(result.toString());
        }
    }

    /** A piece of an interpolated string. */
    sealed interface Part permits TextPart, ExpressionPart {
    }

    /** Text copied as it is. */
    record TextPart(String text) implements Part {
    }

    /** An {@code @{…}} whose value is inserted as text. */
    record ExpressionPart(Node node) implements Part {
    }
}
