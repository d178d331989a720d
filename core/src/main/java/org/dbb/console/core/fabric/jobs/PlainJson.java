package org.dbb.console.core.fabric.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of plain JSON values (String, Number, Boolean, null, List, Map). Stateless. */
final class PlainJson {

    private PlainJson() {
    }

    static Map<String, Object> copyObject(Map<String, ?> map, String where) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key == null) {
                throw new IllegalArgumentException(where + " has a null key");
            }
            copy.put(key, copy(value, where + "." + key));
        });
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value, String where) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map) {
            return copyObject((Map<String, ?>) value, where);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                copy.add(copy(list.get(i), where + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(where + " is a " + value.getClass().getSimpleName()
                + "; only strings, numbers, booleans, null, lists and maps can be sent as JSON");
    }
}
