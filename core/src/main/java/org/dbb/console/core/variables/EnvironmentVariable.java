package org.dbb.console.core.variables;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.workspace.config.SettingValue;

/**
 * One row of an environment's variable listing. A secret's value is never held here, only whether one is
 * available (for a variable-group secret: whether the OS variable of the same name is set). Immutable and
 * thread-safe; {@code toString} masks secrets.
 *
 * @param name     the variable name
 * @param source   where the value comes from
 * @param origin   the source in words, e.g. {@code variable group 12 'dbb-dev' (contoso/DataBackBone)}
 * @param secret   whether the value must never be shown
 * @param value    the value of a non-secret variable; always empty for a secret
 * @param hasValue whether a usable (non-blank) value is available
 * @param note     what the operator should know, e.g. where a secret's value must come from
 */
public record EnvironmentVariable(String name, VariableSource source, String origin, boolean secret,
                                  Optional<String> value, boolean hasValue, Optional<String> note) {

    public EnvironmentVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(note, "note");
        if (secret) {
            value = Optional.empty();
        }
    }

    /** What may be shown in place of the value: the value, the mask for a secret, or a marker for none. */
    public String display() {
        if (!hasValue) {
            return "(no value)";
        }
        return secret ? SettingValue.MASK : value.orElse("");
    }

    @Override
    public String toString() {
        return "EnvironmentVariable[" + name + "=" + display() + ", " + source.label() + "]";
    }
}
