package org.dbb.console.core.workspace.config.edit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to the environments of {@code dbb-console.yml}: new values for settings of one environment, or
 * adding, removing or renaming an environment. Immutable.
 */
public sealed interface EnvironmentEdit {

    /** The environment the edit concerns (its name before a rename). */
    String environment();

    /** The edit in a few words, for reviews and the audit trail. */
    String describe();

    /**
     * New values for some settings of an existing environment; an empty value removes the setting (and its
     * section, such as {@code variableGroup}, once nothing is left in it).
     *
     * @param environment the environment's name
     * @param values      the settings to change, in the order they are applied
     */
    record Update(String environment, Map<EnvironmentField, Optional<String>> values) implements EnvironmentEdit {

        public Update {
            Objects.requireNonNull(environment, "environment");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String describe() {
            return "changed " + String.join(", ", values.keySet().stream().map(EnvironmentField::path).toList())
                    + " of " + environment;
        }
    }

    /**
     * A new environment, written after the last one.
     *
     * @param environment the new name
     * @param values      its settings, in the order they are written
     */
    record Add(String environment, Map<EnvironmentField, String> values) implements EnvironmentEdit {

        public Add {
            Objects.requireNonNull(environment, "environment");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String describe() {
            return "added environment " + environment;
        }
    }

    /** Removes an environment and everything under it. */
    record Remove(String environment) implements EnvironmentEdit {

        public Remove {
            Objects.requireNonNull(environment, "environment");
        }

        @Override
        public String describe() {
            return "removed environment " + environment;
        }
    }

    /** Gives an environment another name, keeping its settings and its place in the file. */
    record Rename(String environment, String newName) implements EnvironmentEdit {

        public Rename {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(newName, "newName");
        }

        @Override
        public String describe() {
            return "renamed environment " + environment + " to " + newName;
        }
    }
}
