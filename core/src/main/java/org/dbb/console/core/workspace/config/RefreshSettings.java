package org.dbb.console.core.workspace.config;

import java.util.Map;
import java.util.OptionalInt;

/**
 * How the semantic-model refresh stage is found and judged. Immutable.
 *
 * @param pipeline             the refresh pipeline's display name
 * @param parameter            its array parameter listing the models
 * @param defaultTargetMinutes target duration for models without their own target
 * @param targetMinutes        per-model target durations
 * @param concurrency          a console-side cap overriding the pipeline's ForEach, when set
 */
public record RefreshSettings(String pipeline, String parameter, int defaultTargetMinutes,
                              Map<String, Integer> targetMinutes, OptionalInt concurrency) {

    public static final String DEFAULT_PIPELINE = "refresh_semantic_models";
    public static final String DEFAULT_PARAMETER = "semantic_models";
    public static final int DEFAULT_TARGET_MINUTES = 30;

    public static final RefreshSettings DEFAULTS = new RefreshSettings(DEFAULT_PIPELINE, DEFAULT_PARAMETER,
            DEFAULT_TARGET_MINUTES, Map.of(), OptionalInt.empty());

    public RefreshSettings {
        targetMinutes = Map.copyOf(targetMinutes);
    }

    /** The target duration of one model. */
    public int targetMinutesFor(String model) {
        return targetMinutes.getOrDefault(model, defaultTargetMinutes);
    }
}
