package org.dbb.console.core.emulator.scenario;

import java.util.Map;

/**
 * Durations, in scenario seconds, for everything a scenario does not name. Immutable.
 *
 * @param queueSeconds          how long a job stays {@code NotStarted} before it runs
 * @param jobSeconds            how long a job of an item that is not a pipeline runs (notebook, dbt job, …)
 * @param activitySeconds       how long a pipeline activity runs when neither its type nor the scenario says
 * @param activityTypeSeconds   typical durations per activity type, e.g. {@code Lookup: 4}
 * @param refreshSeconds        how long a semantic model refresh runs
 * @param refreshQueueSeconds   how long a refresh stays {@code NotStarted}
 * @param operationSeconds      how long a long-running operation takes; 0 answers such requests at once
 * @param cancelSeconds         how long a cancel request takes to end a job
 * @param pollSeconds           the wait advised in {@code Retry-After} of 202 answers (scaled like durations)
 */
public record ScenarioDefaults(double queueSeconds, double jobSeconds, double activitySeconds,
                               Map<String, Double> activityTypeSeconds, double refreshSeconds,
                               double refreshQueueSeconds, double operationSeconds, double cancelSeconds,
                               double pollSeconds) {

    /** Plausible Fabric timings: a short queue, minute-long notebooks and refreshes. */
    public static final ScenarioDefaults STANDARD = new ScenarioDefaults(3, 60, 10,
            Map.of("Lookup", 4.0, "SetVariable", 1.0, "AppendVariable", 1.0, "Copy", 45.0, "Script", 8.0,
                    "Fail", 1.0, "WebActivity", 3.0, "SqlServerStoredProcedure", 8.0),
            90, 2, 2, 2, 5);

    public ScenarioDefaults {
        activityTypeSeconds = Map.copyOf(activityTypeSeconds);
    }

    /** The typical duration of an activity type. */
    public double secondsForActivityType(String type) {
        return activityTypeSeconds.getOrDefault(type, activitySeconds);
    }
}
