package org.dbb.console.core.workspace.params.edit;

import org.dbb.console.core.workspace.params.ParameterKind;

/** What an environment map's values must be, which decides validation and rendering. Immutable. */
enum ValueKind {
    FIND_REPLACE,
    KEY_VALUE_REPLACE,
    SPARK_POOL,
    CONNECTION_ID;

    static ValueKind of(ParameterKind kind) {
        return switch (kind) {
            case FIND_REPLACE -> FIND_REPLACE;
            case KEY_VALUE_REPLACE -> KEY_VALUE_REPLACE;
            case SPARK_POOL -> SPARK_POOL;
            case SEMANTIC_MODEL_BINDING -> throw new IllegalArgumentException(EditableKinds.notEditable(kind));
        };
    }
}
