package org.dbb.console.core.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A re-run of part of an earlier run, linked to it. Immutable.
 *
 * @param originalRunId the run being re-run (a console run id, or a Fabric job instance id)
 * @param mode          what to repeat
 * @param stage         the stage for {@link RerunMode#STAGE_ONLY} and {@link RerunMode#FROM_STAGE}; empty for
 *                      {@link RerunMode#ONLY_FAILED}, which finds the failed stage itself
 */
public record RerunRequest(String originalRunId, RerunMode mode, Optional<String> stage) {

    public RerunRequest {
        Objects.requireNonNull(originalRunId, "originalRunId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(stage, "stage");
        if (mode != RerunMode.ONLY_FAILED && stage.isEmpty()) {
            throw new IllegalArgumentException(mode + " needs a stage name");
        }
    }

    /** What the re-run repeats, in words: {@code stage Transformation}, {@code from stage Transformation on}. */
    public String describe() {
        return switch (mode) {
            case STAGE_ONLY -> "stage " + stage.orElseThrow();
            case FROM_STAGE -> "from stage " + stage.orElseThrow() + " on";
            case ONLY_FAILED -> "the failed items";
        };
    }
}
