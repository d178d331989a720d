package org.dbb.console.core.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses and evaluates expression text in one step for tests. Stateless. */
final class Evaluate {

    private static final ExpressionParser PARSER = new ExpressionParser();

    private Evaluate() {
    }

    static JsonNode evaluate(String text) {
        return evaluate(text, new TestContext());
    }

    static JsonNode evaluate(String text, TestContext context) {
        return PARSER.parse(text).evaluate(context);
    }

    /** The result as compact JSON, so tests can state expected values of any type in one string. */
    static String json(String text) {
        return evaluate(text).toString();
    }

    static String json(String text, TestContext context) {
        return evaluate(text, context).toString();
    }
}
