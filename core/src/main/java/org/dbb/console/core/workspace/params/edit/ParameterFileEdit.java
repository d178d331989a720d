package org.dbb.console.core.workspace.params.edit;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.SparkPoolTarget;

/** One change to a parameter.yml, described independently of the file's text. Immutable. */
public sealed interface ParameterFileEdit {

    /**
     * Sets one environment's replace value in one entry, inserting the environment key when the entry lacks it.
     *
     * @param kind        the parameter whose entry changes
     * @param entry       the entry number, 1-based as in fabric-cicd's messages
     * @param environment the environment key, compared case-sensitively as fabric-cicd does
     * @param value       find_replace: a non-empty String; key_value_replace: String, Boolean, Integer/Long,
     *                    Double, List or Map of the same type as the entry's other values; spark_pool: a
     *                    {@link SparkPoolTarget} or a Map with {@code type} and {@code name}
     */
    record SetReplaceValue(ParameterKind kind, int entry, String environment, Object value)
            implements ParameterFileEdit {
        public SetReplaceValue {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Sets one environment's connection in the env-aware {@code semantic_model_binding}, inserting the environment
     * key when the connection_id mapping lacks it.
     *
     * @param model       0 for {@code default.connection_id}, N for the N-th {@code models} entry (1-based)
     * @param environment the environment key, compared case-sensitively
     * @param value       a connection GUID string, or a non-empty list of GUID strings
     */
    record SetConnection(int model, String environment, Object value) implements ParameterFileEdit {
        public SetConnection {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(value, "value");
            if (model < 0) {
                throw new IllegalArgumentException("model counts from 1; 0 is the default connection");
            }
        }
    }

    /**
     * Adds an environment to every replace_value (and semantic_model_binding connection_id) map that does not use
     * {@code _ALL_}. Where the map holds {@code copyFrom}, its value text is copied; otherwise {@code value} is
     * written; a map with neither is left alone and reported.
     */
    record AddEnvironment(String environment, Optional<String> copyFrom, Optional<Object> value)
            implements ParameterFileEdit {
        public AddEnvironment {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(copyFrom, "copyFrom");
            Objects.requireNonNull(value, "value");
            if (copyFrom.isEmpty() && value.isEmpty()) {
                throw new IllegalArgumentException("give an environment to copy from, a value, or both");
            }
        }

        /** Adds {@code environment} with the values {@code source} has in each entry. */
        public static AddEnvironment copying(String environment, String source) {
            return new AddEnvironment(environment, Optional.of(source), Optional.empty());
        }

        /** Adds {@code environment} with the same value in each entry. */
        public static AddEnvironment withValue(String environment, Object value) {
            return new AddEnvironment(environment, Optional.empty(), Optional.of(value));
        }
    }

    /**
     * Removes an environment's key and value (with a comment on the same line) from every map that has it.
     *
     * @param environment the environment key, compared case-sensitively
     * @param onlyValue   what to do with a map where it is the only key, which fabric-cicd would reject empty
     */
    record RemoveEnvironment(String environment, OnlyValue onlyValue) implements ParameterFileEdit {
        public RemoveEnvironment {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(onlyValue, "onlyValue");
        }

        /** Removes the environment, refusing when a map would be left empty. */
        public RemoveEnvironment(String environment) {
            this(environment, OnlyValue.REFUSE);
        }

        /** What removing an environment does with a map in which it is the only key. */
        public enum OnlyValue {
            /** Refuse the whole edit, naming the maps, so that the operator decides about those entries first. */
            REFUSE,
            /** Leave such maps as they are and report each one as a note; remove the key everywhere else. */
            KEEP
        }
    }

    /** Renames an environment key everywhere it appears, keeping each key's quoting. */
    record RenameEnvironment(String from, String to) implements ParameterFileEdit {
        public RenameEnvironment {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Appends an entry to its parameter's list, adding the parameter at the end of the file when absent. */
    record AddEntry(NewEntry entry) implements ParameterFileEdit {
        public AddEntry {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * Removes an entry with the comment lines directly above it at its own indentation. Removing a parameter's
     * only entry removes the parameter key as well, since fabric-cicd rejects an empty parameter.
     *
     * @param entry the entry number, 1-based as in fabric-cicd's messages; for semantic_model_binding 0 is its
     *              {@code default} and N its N-th {@code models} entry (an emptied section or binding goes too)
     */
    record RemoveEntry(ParameterKind kind, int entry) implements ParameterFileEdit {
        public RemoveEntry {
            Objects.requireNonNull(kind, "kind");
        }
    }
}
