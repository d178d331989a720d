package org.dbb.console.core.emulator.scenario;

import java.util.Objects;
import java.util.Optional;

/**
 * How a scripted job failure looks. Immutable.
 *
 * @param activity  for pipelines: the activity that fails (every attempt of it); empty means the last activity
 *                  of the pipeline in dependency order
 * @param errorCode the error code reported on the failing activity or notebook
 * @param message   the error message
 */
public record JobFailure(Optional<String> activity, String errorCode, String message) {

    /** The failure used when a scenario names failing attempts but not how they fail. */
    public static final JobFailure DEFAULT = new JobFailure(Optional.empty(), "UserError",
            "The activity failed: scripted failure from the emulator scenario.");

    public JobFailure {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
    }
}
