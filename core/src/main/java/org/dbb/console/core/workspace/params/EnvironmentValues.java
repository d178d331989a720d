package org.dbb.console.core.workspace.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code replace_value} (or {@code connection_id}) map: environment name to value, in file order. The key
 * {@code _ALL_} (any case) applies to every environment. Immutable.
 *
 * @param values environment name to value, in the order written
 * @param <T>    the value type
 */
public record EnvironmentValues<T>(Map<String, T> values) {

    /** The key that stands for every environment (compared without case, as fabric-cicd does). */
    public static final String ALL = "_ALL_";

    public EnvironmentValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Whether a key is the all-environments key in any case ({@code _ALL_}, {@code _all_}, {@code _All_}). */
    public static boolean isAllKey(String key) {
        return key.toUpperCase(Locale.ROOT).equals(ALL);
    }

    /** Whether this map uses the all-environments key. */
    public boolean usesAll() {
        return values.keySet().stream().anyMatch(EnvironmentValues::isAllKey);
    }

    /**
     * The value fabric-cicd applies for {@code environment}: the {@code _ALL_} value if present, otherwise the
     * value under exactly that key (case-sensitive).
     */
    public Optional<T> forEnvironment(String environment) {
        for (Map.Entry<String, T> e : values.entrySet()) {
            if (isAllKey(e.getKey())) {
                return Optional.ofNullable(e.getValue());
            }
        }
        return Optional.ofNullable(values.get(environment));
    }
}
