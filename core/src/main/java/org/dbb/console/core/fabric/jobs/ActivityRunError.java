package org.dbb.console.core.fabric.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * Why an activity run failed. Immutable.
 *
 * @param errorCode   the error code
 * @param message     the message
 * @param failureType e.g. {@code UserError}, {@code SystemError}
 * @param target      the activity the error is about
 */
public record ActivityRunError(String errorCode, String message, Optional<String> failureType,
        Optional<String> target) {

    public ActivityRunError {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(failureType, "failureType");
        Objects.requireNonNull(target, "target");
    }
}
