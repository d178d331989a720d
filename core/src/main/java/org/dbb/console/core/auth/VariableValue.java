package org.dbb.console.core.auth;

import java.util.Objects;

import org.dbb.console.core.workspace.config.SettingValue;

/**
 * One value of an environment's variables (its Azure DevOps variable group, or inline variables). Secret values
 * print masked. Immutable and thread-safe.
 *
 * @param value  the value
 * @param secret whether the variable group marks it {@code isSecret}
 */
public record VariableValue(String value, boolean secret) {

    public VariableValue {
        Objects.requireNonNull(value, "value");
    }

    public static VariableValue plain(String value) {
        return new VariableValue(value, false);
    }

    public static VariableValue secret(String value) {
        return new VariableValue(value, true);
    }

    @Override
    public String toString() {
        return "VariableValue[" + (secret ? SettingValue.MASK : value) + "]";
    }
}
