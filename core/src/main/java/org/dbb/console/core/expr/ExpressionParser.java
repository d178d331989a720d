package org.dbb.console.core.expr;

/**
 * Parses pipeline values into {@link Expression}s by the grammar of the Fabric / Data Factory expression language:
 * a value starting with {@code @} is an expression ({@code @@} escapes a literal {@code @}), {@code @{…}} inside a
 * string interpolates, anything else is a literal. Only the functions the console can evaluate are accepted.
 * Stateless and thread-safe.
 */
public final class ExpressionParser {

    /**
     * Parses {@code text} as written in a pipeline's JSON.
     *
     * @throws ExpressionSyntaxException for a syntax error or a function outside the supported set, with the offset
     *                                   into {@code text} and a message saying what was expected
     */
    public Expression parse(String text) {
        throw new UnsupportedOperationException("the expression grammar is not written yet");
    }
}
