package org.dbb.console.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;

/**
 * Arithmetic with Data Factory's typing: two integers give an integer (so {@code div} truncates), a float on either
 * side gives a float. Stateless.
 */
final class MathFunctions {

    private MathFunctions() {
    }

    static JsonNode add(Arguments arguments) {
        return arithmetic(arguments, Math::addExact, Double::sum);
    }

    static JsonNode sub(Arguments arguments) {
        return arithmetic(arguments, Math::subtractExact, (a, b) -> a - b);
    }

    static JsonNode mul(Arguments arguments) {
        return arithmetic(arguments, Math::multiplyExact, (a, b) -> a * b);
    }

    static JsonNode div(Arguments arguments) {
        requireNonZeroDivisor(arguments);
        return arithmetic(arguments, (a, b) -> a / b, (a, b) -> a / b);
    }

    static JsonNode mod(Arguments arguments) {
        requireNonZeroDivisor(arguments);
        return arithmetic(arguments, (a, b) -> a % b, (a, b) -> a % b);
    }

    static JsonNode min(Arguments arguments) {
        return extreme(arguments, -1);
    }

    static JsonNode max(Arguments arguments) {
        return extreme(arguments, 1);
    }

    private static JsonNode arithmetic(Arguments arguments, LongBinaryOperator integers, DoubleBinaryOperator floats) {
        JsonNode left = arguments.number(0);
        JsonNode right = arguments.number(1);
        if (Values.isInteger(left) && Values.isInteger(right)) {
            try {
                return Values.integer(integers.applyAsLong(left.longValue(), right.longValue()));
            } catch (ArithmeticException overflow) {
                throw arguments.fail("the result does not fit in a 64-bit integer",
                        "use float() on an argument to compute with floating point instead");
            }
        }
        return DoubleNode.valueOf(floats.applyAsDouble(left.doubleValue(), right.doubleValue()));
    }

    private static void requireNonZeroDivisor(Arguments arguments) {
        JsonNode divisor = arguments.number(1);
        arguments.number(0);
        if (divisor.doubleValue() == 0) {
            throw arguments.fail("cannot divide by zero", "make sure the second argument is never 0");
        }
    }

    /** The smallest ({@code sign} -1) or largest ({@code sign} 1) of the numbers, given as arguments or one array. */
    private static JsonNode extreme(Arguments arguments, int sign) {
        List<JsonNode> candidates = arguments.size() == 1 && arguments.get(0).isArray()
                ? toList(arguments.get(0))
                : arguments.all();
        if (candidates.isEmpty()) {
            throw arguments.fail("the array is empty", "pass at least one number");
        }
        JsonNode best = null;
        for (JsonNode candidate : candidates) {
            if (Values.isNull(candidate) || !candidate.isNumber()) {
                throw arguments.fail("it compares numbers only, but got " + Values.describe(candidate),
                        "pass numbers, converting with int() or float() if needed");
            }
            if (best == null || Integer.signum(candidate.decimalValue().compareTo(best.decimalValue())) == sign) {
                best = candidate;
            }
        }
        return best;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>(array.size());
        array.forEach(elements::add);
        return elements;
    }
}
