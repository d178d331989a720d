package org.dbb.console.core.workspace.pipeline;

import java.util.Arrays;

/**
 * The activity types the console understands in detail; everything else is {@link #OTHER} and kept as written.
 * Immutable.
 */
public enum ActivityKind {
    EXECUTE_PIPELINE("ExecutePipeline"),
    INVOKE_PIPELINE("InvokePipeline"),
    NOTEBOOK("TridentNotebook"),
    LOOKUP("Lookup"),
    SET_VARIABLE("SetVariable"),
    WAIT("Wait"),
    COPY("Copy"),
    FOR_EACH("ForEach"),
    IF_CONDITION("IfCondition"),
    SWITCH("Switch"),
    UNTIL("Until"),
    OTHER("");

    private final String jsonType;

    ActivityKind(String jsonType) {
        this.jsonType = jsonType;
    }

    /** The {@code type} value in pipeline JSON; empty for {@link #OTHER}. */
    public String jsonType() {
        return jsonType;
    }

    /** The kind for a {@code type} value; {@link #OTHER} for types the console does not model. */
    public static ActivityKind of(String type) {
        return Arrays.stream(values()).filter(k -> k != OTHER && k.jsonType.equals(type)).findFirst().orElse(OTHER);
    }
}
