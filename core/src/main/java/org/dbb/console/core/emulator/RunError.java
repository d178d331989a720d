package org.dbb.console.core.emulator;

/**
 * Why a job or activity failed. Immutable.
 *
 * @param errorCode   the error code
 * @param message     the message
 * @param failureType ADF-style failure type of an activity, e.g. {@code UserError}
 * @param target      the activity it concerns (empty for jobs)
 */
record RunError(String errorCode, String message, String failureType, String target) {

    static RunError job(String errorCode, String message) {
        return new RunError(errorCode, message, "", "");
    }
}
