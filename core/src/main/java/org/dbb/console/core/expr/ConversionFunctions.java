package org.dbb.console.core.expr;

import java.math.BigDecimal;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** {@code bool}, {@code int}, {@code float}, {@code string} and {@code json}. Stateless. */
final class ConversionFunctions {

    /** Only reads trees, which an ObjectMapper does safely from any thread. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversionFunctions() {
    }

    static JsonNode bool(Arguments arguments) {
        JsonNode value = arguments.get(0);
        if (value.isBoolean()) {
            return value;
        }
        if (value.isNumber()) {
            return BooleanNode.valueOf(value.decimalValue().signum() != 0);
        }
        if (value.isTextual()) {
            String text = value.textValue().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return BooleanNode.valueOf(text.equals("true"));
            }
        }
        throw arguments.fail("cannot convert " + Values.describe(value) + " to a boolean",
                "pass true, false, 'true', 'false' or a number");
    }

    static JsonNode integer(Arguments arguments) {
        JsonNode value = arguments.get(0);
        if (!Values.isNull(value) && Values.isInteger(value)) {
            return Values.integer(value.longValue());
        }
        try {
            if (value.isTextual()) {
                return Values.integer(Long.parseLong(value.textValue().trim()));
            }
            if (value.isNumber()) {
                return Values.integer(value.decimalValue().longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException notAnInteger) {
            throw arguments.fail("cannot convert " + Values.describe(value) + " to an integer",
                    "pass whole-number digits such as '12', without decimals, spaces inside or thousands separators");
        }
        throw arguments.fail("cannot convert " + Values.describe(value) + " to an integer",
                "pass a number or a string of digits such as '12'");
    }

    static JsonNode floatingPoint(Arguments arguments) {
        JsonNode value = arguments.get(0);
        if (!Values.isNull(value) && value.isNumber()) {
            return DoubleNode.valueOf(value.doubleValue());
        }
        if (value.isTextual()) {
            try {
                return DoubleNode.valueOf(new BigDecimal(value.textValue().trim()).doubleValue());
            } catch (NumberFormatException notANumber) {
                throw arguments.fail("cannot convert " + Values.describe(value) + " to a float",
                        "pass a number written with a '.' decimal point, such as '10.5'");
            }
        }
        throw arguments.fail("cannot convert " + Values.describe(value) + " to a float",
                "pass a number or a numeric string such as '10.5'");
    }

    static JsonNode string(Arguments arguments) {
        return TextNode.valueOf(Values.text(arguments.get(0)));
    }

    static JsonNode json(Arguments arguments) {
        String text = arguments.string(0);
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed == null || parsed.isMissingNode()) {
                throw arguments.fail("the text is empty, so it is not JSON",
                        "pass a JSON document such as '{\"a\":1}'");
            }
            return parsed;
        } catch (JsonProcessingException notJson) {
            throw arguments.fail("'" + text + "' is not valid JSON: " + notJson.getOriginalMessage(),
                    "pass a JSON document such as '{\"a\":1}'");
        }
    }
}
