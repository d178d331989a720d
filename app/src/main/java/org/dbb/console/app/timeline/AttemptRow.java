package org.dbb.console.app.timeline;

/**
 * One attempt in the step detail's table, every field as shown. Immutable.
 *
 * @param number   the attempt number
 * @param status   {@code running}, {@code succeeded}, {@code failed}, {@code timed out}, {@code cancelled}
 * @param started  when it started
 * @param ended    when it ended; empty while it runs
 * @param duration how long it ran (so far)
 * @param id       the Fabric job instance id, Power BI refresh id or activity run id; empty when unknown
 * @param error    its error code and message, shortened; empty when none
 */
public record AttemptRow(int number, String status, String started, String ended, String duration, String id,
                         String error) {
}
