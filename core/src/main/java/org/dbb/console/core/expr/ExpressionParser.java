package org.dbb.console.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.dbb.console.core.workspace.pipeline.DynamicValue;

/**
 * Parses pipeline values into {@link Expression}s by the grammar of the Fabric / Data Factory expression language:
 * a value starting with {@code @} is an expression ({@code @@} escapes a literal {@code @}), {@code @{…}} inside a
 * string interpolates, anything else is a literal. Only the functions the console can evaluate are accepted.
 * Stateless and thread-safe.
 */
public final class ExpressionParser {

    private static final String INTERPOLATION = "@{";
    private static final String ESCAPED_INTERPOLATION = "@@{";

    /**
     * Parses {@code text} as written in a pipeline's JSON.
     *
     * @throws ExpressionSyntaxException for a syntax error or a function outside the supported set, with the offset
     *                                   into {@code text} and a message saying what was expected
     */
    public Expression parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("@@")) {
            return new ParsedExpressions.Literal(text, TextNode.valueOf(text.substring(1)));
        }
        if (text.startsWith("@") && !text.startsWith(INTERPOLATION)) {
            Set<ExpressionReference> references = Grammar.newReferenceSet();
            Node root = Grammar.parseToEnd(text, 1, references);
            return new ParsedExpressions.Single(text, root, references);
        }
        if (!text.contains(INTERPOLATION)) {
            return new ParsedExpressions.Literal(text, TextNode.valueOf(text));
        }
        return interpolated(text);
    }

    /**
     * Parses a value as it appears in pipeline JSON: {@code {"value": "…", "type": "Expression"}} is parsed as
     * expression text, any other node is a literal that evaluates to itself.
     *
     * @throws ExpressionSyntaxException as {@link #parse(String)}, for an expression object
     */
    public Expression parse(JsonNode value) {
        Objects.requireNonNull(value, "value");
        return parse(DynamicValue.of(value));
    }

    /**
     * Parses a value the pipeline reader has already classified.
     *
     * @throws ExpressionSyntaxException as {@link #parse(String)}, for an expression
     */
    public Expression parse(DynamicValue value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof DynamicValue.Expression expression) {
            return parse(expression.text());
        }
        JsonNode literal = ((DynamicValue.Literal) value).value();
        return new ParsedExpressions.Literal(literal.isTextual() ? literal.textValue() : literal.toString(), literal);
    }

    /** The function names expressions may call, in documentation order; names are matched ignoring case. */
    public static List<String> supportedFunctions() {
        return Function.supportedNames();
    }

    private static Expression interpolated(String text) {
        Set<ExpressionReference> references = Grammar.newReferenceSet();
        List<ParsedExpressions.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(ESCAPED_INTERPOLATION, i)) {
                literal.append(INTERPOLATION);
                i += ESCAPED_INTERPOLATION.length();
            } else if (text.startsWith(INTERPOLATION, i)) {
                if (literal.length() > 0) {
                    parts.add(new ParsedExpressions.TextPart(literal.toString()));
                    literal.setLength(0);
                }
                Grammar.Embedded embedded = Grammar.parseUntilBrace(text, i + INTERPOLATION.length(), references);
                parts.add(new ParsedExpressions.ExpressionPart(embedded.node()));
                i = embedded.resumeAt();
            } else {
                literal.append(text.charAt(i));
                i++;
            }
        }
        if (parts.isEmpty()) {
            return new ParsedExpressions.Literal(text, TextNode.valueOf(literal.toString()));
        }
        if (literal.length() > 0) {
            parts.add(new ParsedExpressions.TextPart(literal.toString()));
        }
        return new ParsedExpressions.Interpolated(text, parts, references);
    }
}
