package org.dbb.console.core.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** {@code if}, {@code equals}, the boolean operators and the comparisons. Stateless. */
final class LogicFunctions {

    private LogicFunctions() {
    }

    static JsonNode ifThenElse(Arguments arguments) {
        return arguments.bool(0) ? arguments.get(1) : arguments.get(2);
    }

    static JsonNode equalTo(Arguments arguments) {
        return BooleanNode.valueOf(Values.equal(arguments.get(0), arguments.get(1)));
    }

    static JsonNode not(Arguments arguments) {
        return BooleanNode.valueOf(!arguments.bool(0));
    }

    static JsonNode and(Arguments arguments) {
        boolean all = true;
        for (int i = 0; i < arguments.size(); i++) {
            all &= arguments.bool(i);
        }
        return BooleanNode.valueOf(all);
    }

    static JsonNode or(Arguments arguments) {
        boolean any = false;
        for (int i = 0; i < arguments.size(); i++) {
            any |= arguments.bool(i);
        }
        return BooleanNode.valueOf(any);
    }

    static JsonNode greater(Arguments arguments) {
        return BooleanNode.valueOf(compare(arguments) > 0);
    }

    static JsonNode greaterOrEquals(Arguments arguments) {
        return BooleanNode.valueOf(compare(arguments) >= 0);
    }

    static JsonNode less(Arguments arguments) {
        return BooleanNode.valueOf(compare(arguments) < 0);
    }

    static JsonNode lessOrEquals(Arguments arguments) {
        return BooleanNode.valueOf(compare(arguments) <= 0);
    }

    /** Numbers by value, strings by ordinal order; anything else cannot be ordered. */
    private static int compare(Arguments arguments) {
        JsonNode left = arguments.get(0);
        JsonNode right = arguments.get(1);
        if (!Values.isNull(left) && !Values.isNull(right)) {
            if (left.isNumber() && right.isNumber()) {
                return left.decimalValue().compareTo(right.decimalValue());
            }
            if (left.isTextual() && right.isTextual()) {
                return left.textValue().compareTo(right.textValue());
            }
        }
        throw arguments.fail("cannot compare " + Values.describe(left) + " with " + Values.describe(right),
                "compare two numbers or two strings, converting with int(), float() or string() if needed");
    }
}
