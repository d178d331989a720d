package org.dbb.console.core.workspace.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code $ENV:NAME} reference in {@code dbb-console.yml} that an environment uses, with its position. A
 * reference in the top-level {@code notifications} counts for every environment without notifications of its
 * own. Immutable.
 *
 * @param environment the environment that uses the reference
 * @param setting     the YAML path of the value, e.g. {@code environments.PROD.clientSecret}
 * @param variable    the referenced variable name ({@code NAME})
 * @param secret      whether the setting holds a secret (client secret, webhook URL)
 * @param file        the settings file
 * @param line        the 1-based line of the value
 * @param column      the 1-based column of the value
 */
public record EnvReference(String environment, String setting, String variable, boolean secret, Path file,
                           int line, int column) {

    public EnvReference {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(file, "file");
    }

    /** The text as written, {@code $ENV:NAME}. */
    public String raw() {
        return "$ENV:" + variable;
    }

    /** The value as {@link SettingValue}, for resolution. */
    public SettingValue value() {
        return new SettingValue(raw(), secret);
    }
}
