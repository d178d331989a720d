package org.dbb.console.core.workspace.params;

import java.util.Arrays;
import java.util.Optional;

/** The parameter lists of a fabric-cicd {@code parameter.yml}, by their YAML key. Immutable. */
public enum ParameterKind {
    FIND_REPLACE("find_replace"),
    KEY_VALUE_REPLACE("key_value_replace"),
    SPARK_POOL("spark_pool"),
    SEMANTIC_MODEL_BINDING("semantic_model_binding");

    private final String key;

    ParameterKind(String key) {
        this.key = key;
    }

    /** The top-level YAML key, e.g. {@code find_replace}. */
    public String key() {
        return key;
    }

    /** The kind whose YAML key is {@code key}. */
    public static Optional<ParameterKind> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
