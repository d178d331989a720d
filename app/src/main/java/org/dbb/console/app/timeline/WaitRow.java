package org.dbb.console.app.timeline;

/**
 * One span a step waited, in the step detail's wait history. Immutable.
 *
 * @param reason   why it waited, the wait reason's sentence
 * @param started  when the wait began
 * @param ended    when it ended; {@code waiting} while it still waits
 * @param duration how long it waited (so far)
 */
public record WaitRow(String reason, String started, String ended, String duration) {
}
