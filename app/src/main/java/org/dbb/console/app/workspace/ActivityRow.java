package org.dbb.console.app.workspace;

/**
 * One activity with its retry policy in operator wording. Immutable.
 *
 * @param name     the activity name
 * @param type     the Fabric activity type
 * @param retries  e.g. "3 retries · up to 4 attempts"
 * @param interval e.g. "30 s"
 * @param timeout  e.g. "0.12:00:00 (12 hours)"
 * @param inactive whether the activity is deactivated in the pipeline
 */
public record ActivityRow(String name, String type, String retries, String interval, String timeout,
                          boolean inactive) {
}
