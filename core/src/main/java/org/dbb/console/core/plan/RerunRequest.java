package org.dbb.console.core.plan;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.history.RunOrigin;

/**
 * A re-run of part of an earlier run, linked to it. Immutable.
 *
 * @param originalRunId the run being re-run: a console run id, or a Fabric job instance id
 * @param originalOrigin who started the original: the console (its record is in the run journal) or Fabric
 * @param mode          what to repeat
 * @param stage         the stage for {@link RerunMode#STAGE_ONLY} and {@link RerunMode#FROM_STAGE}; empty for
 *                      {@link RerunMode#ONLY_FAILED}, which finds the failed stage itself
 */
public record RerunRequest(String originalRunId, RunOrigin originalOrigin, RerunMode mode, Optional<String> stage) {

    public RerunRequest {
        Objects.requireNonNull(originalRunId, "originalRunId");
        Objects.requireNonNull(originalOrigin, "originalOrigin");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(stage, "stage");
        if (mode != RerunMode.ONLY_FAILED && stage.isEmpty()) {
            throw new IllegalArgumentException(mode + " needs a stage name");
        }
        if (mode == RerunMode.ONLY_FAILED && originalOrigin == RunOrigin.FABRIC) {
            throw new IllegalArgumentException(ONLY_FAILED_NOT_FOR_FABRIC);
        }
    }

    /**
     * Why a Fabric run offers no {@link RerunMode#ONLY_FAILED}: Fabric reports the refresh pipeline's ForEach as
     * activity runs without saying which model each one refreshed, so the console cannot tell which items failed.
     */
    public static final String ONLY_FAILED_NOT_FOR_FABRIC = "re-running only the failed items is not offered for"
            + " a Fabric run: Fabric does not say which items of a ForEach failed, so the console cannot pick them;"
            + " re-run the failed stage (--stage) or from it onward (--from-stage) instead";

    /** A re-run of a console run from the run journal. */
    public RerunRequest(String originalRunId, RerunMode mode, Optional<String> stage) {
        this(originalRunId, RunOrigin.CONSOLE, mode, stage);
    }

    /** A re-run of a run Fabric started, from its job instance id. */
    public static RerunRequest ofFabricRun(String jobInstanceId, RerunMode mode, String stage) {
        return new RerunRequest(jobInstanceId, RunOrigin.FABRIC, mode, Optional.of(stage));
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
