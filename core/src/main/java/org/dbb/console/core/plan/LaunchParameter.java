package org.dbb.console.core.plan;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A master pipeline parameter as a launch form offers it: its declared type, its default in the environment and
 * what the launch options do with it. Typed input is read exactly as the plan reads a {@code --param} value, with
 * the plan's messages. Immutable.
 *
 * @param name         the parameter name
 * @param type         the declared type as written ({@code int}, {@code securestring}, …)
 * @param defaultValue the default for the environment (after {@code parameter.yml}), when there is one
 * @param role         what a launch option does with it
 */
public record LaunchParameter(String name, String type, Optional<JsonNode> defaultValue, ParameterRole role) {

    public LaunchParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultValue = defaultValue.map(JsonNode::deepCopy);
        Objects.requireNonNull(role, "role");
    }

    @Override
    public Optional<JsonNode> defaultValue() {
        return defaultValue.map(JsonNode::deepCopy);
    }

    /** Whether the value is a secret that is never shown. */
    public boolean secure() {
        return ParameterTypes.isSecure(type);
    }

    /** Words for the value it takes, e.g. {@code an int (a whole number)}. */
    public String expected() {
        return ParameterTypes.expected(type);
    }

    /** The default as an operator edits it: text as it is, anything else as one line of JSON; empty if none. */
    public String defaultText() {
        return defaultValue.map(LaunchParameter::text).orElse("");
    }

    /** {@code value} as an operator edits it: text as it is, anything else as one line of JSON. */
    public static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.isNull() ? "" : PlanPrinter.spaced(value);
    }

    /**
     * Reads what the operator typed as this parameter's type: numbers, booleans, and JSON for arrays and objects,
     * the same way {@code dbb run --param} values are read.
     */
    public ParameterInput read(String typed) {
        if (!ParameterTypes.isKnown(type)) {
            return ParameterInput.invalid("parameter '" + name + "' declares type '" + type + "'; use one of "
                    + String.join(", ", ParameterTypes.KNOWN));
        }
        TextNode given = TextNode.valueOf(typed);
        if (typed.isBlank() && defaultValue.isEmpty() && !ParameterTypes.isText(type)) {
            return ParameterInput.invalid(ParameterTypes.missing(name, type));
        }
        return ParameterTypes.convert(type, given).map(ParameterInput::valid)
                .orElseGet(() -> ParameterInput.invalid(ParameterTypes.mismatch(name, type, given,
                        ParameterTypes.LAUNCH_VALUE)));
    }
}
