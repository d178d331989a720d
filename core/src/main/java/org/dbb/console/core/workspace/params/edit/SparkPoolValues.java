package org.dbb.console.core.workspace.params.edit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dbb.console.core.workspace.params.SparkPoolTarget;

/** How the editor writes a {@link SparkPoolTarget}. Stateless and thread-safe. */
final class SparkPoolValues {

    private SparkPoolValues() {
    }

    /** The value as parameter.yml holds it: {@code {type: ..., name: ...}} in that order. */
    static Map<String, Object> asMap(SparkPoolTarget pool) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", pool.type());
        map.put("name", pool.name());
        return map;
    }
}
