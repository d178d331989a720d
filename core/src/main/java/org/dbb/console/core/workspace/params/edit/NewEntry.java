package org.dbb.console.core.workspace.params.edit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.SparkPoolTarget;

/** A typed description of an entry to append to a parameter's list; immutable, checked when applied. */
public sealed interface NewEntry
        permits NewEntry.FindReplace, NewEntry.KeyValueReplace, NewEntry.SparkPool, NewEntry.ModelBinding {

    /** The parameter list this entry goes into. */
    ParameterKind kind();

    /** The environment → value map, in the caller's order, which is the order it is written in. */
    Map<String, ?> replaceValue();

    /**
     * A {@code find_replace} entry.
     *
     * @param findValue    the literal text, or the pattern when {@code regex}
     * @param replaceValue environment → non-empty replacement string
     * @param regex        writes {@code is_regex: "true"} and the pattern single-quoted
     * @param ignoreCase   writes {@code ignore_case: "true"}
     * @param filters      optional file filters
     */
    record FindReplace(String findValue, Map<String, String> replaceValue, boolean regex, boolean ignoreCase,
                       EntryFilters filters) implements NewEntry {
        public FindReplace {
            Objects.requireNonNull(findValue, "findValue");
            replaceValue = ordered(replaceValue);
            Objects.requireNonNull(filters, "filters");
        }

        @Override
        public ParameterKind kind() {
            return ParameterKind.FIND_REPLACE;
        }
    }

    /**
     * A {@code key_value_replace} entry.
     *
     * @param findKey      the JSONPath, starting with {@code $}
     * @param replaceValue environment → value (String, Boolean, Integer/Long, Double, List or Map), one type for all
     * @param filters      optional file filters
     */
    record KeyValueReplace(String findKey, Map<String, Object> replaceValue, EntryFilters filters)
            implements NewEntry {
        public KeyValueReplace {
            Objects.requireNonNull(findKey, "findKey");
            replaceValue = ordered(replaceValue);
            Objects.requireNonNull(filters, "filters");
        }

        @Override
        public ParameterKind kind() {
            return ParameterKind.KEY_VALUE_REPLACE;
        }
    }

    /**
     * A {@code spark_pool} entry.
     *
     * @param instancePoolId the pool id in the Environment's Sparkcompute.yml, compared for equality
     * @param replaceValue   environment → pool to use there
     * @param itemName       optional Environment display names to restrict the entry to
     */
    record SparkPool(String instancePoolId, Map<String, SparkPoolTarget> replaceValue, List<String> itemName)
            implements NewEntry {
        public SparkPool {
            Objects.requireNonNull(instancePoolId, "instancePoolId");
            replaceValue = ordered(replaceValue);
            itemName = List.copyOf(Objects.requireNonNull(itemName, "itemName"));
        }

        @Override
        public ParameterKind kind() {
            return ParameterKind.SPARK_POOL;
        }
    }

    /**
     * A {@code models} entry of the env-aware {@code semantic_model_binding}: which semantic models bind to which
     * connection in each environment. It goes at the end of {@code models}, which is added (and the binding
     * itself, at the end of the file) when missing.
     *
     * @param semanticModelName the model display names; one is written as a string, several as a list
     * @param connectionId      environment (or {@code _ALL_}) → connection GUID, or a non-empty list of GUIDs
     */
    record ModelBinding(List<String> semanticModelName, Map<String, Object> connectionId) implements NewEntry {
        public ModelBinding {
            semanticModelName = List.copyOf(Objects.requireNonNull(semanticModelName, "semanticModelName"));
            connectionId = ordered(connectionId);
        }

        @Override
        public ParameterKind kind() {
            return ParameterKind.SEMANTIC_MODEL_BINDING;
        }

        @Override
        public Map<String, ?> replaceValue() {
            return connectionId;
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        Objects.requireNonNull(map, "replaceValue");
        // Map.copyOf would lose the order the environments are written in.
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
