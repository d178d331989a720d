package org.dbb.console.core.workspace.params.edit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One environment's value in a spark_pool entry, the pool fabric-cicd looks up by type and name. Immutable.
 *
 * @param type where the pool is defined
 * @param name the pool's display name; not blank
 */
public record SparkPoolTarget(SparkPoolType type, String name) {

    public SparkPoolTarget {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a Spark pool name must not be blank");
        }
    }

    /** The value as parameter.yml holds it: {@code {type: ..., name: ...}} in that order. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type.yamlValue());
        map.put("name", name);
        return map;
    }
}
