package org.dbb.console.core.emulator.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How one item behaves when it runs. Attempts count every run of the item in one workspace, 1-based: jobs started
 * through the API and runs started by a pipeline (child pipelines, notebook and dbt activities). Immutable.
 *
 * @param seconds          how long a run lasts; pipelines ignore it and last as long as their activities
 * @param queueSeconds     how long its jobs stay {@code NotStarted}, when it differs from the default
 * @param failOnAttempts   the attempts that fail
 * @param dedupeOnAttempts the attempts that end {@code Deduped} without running
 * @param failure          how a failing attempt fails
 * @param exitValue        what a notebook returns through its exit value, as text (JSON for structured values)
 * @param activitySeconds  for pipelines: durations of named activities
 * @param branches         for pipelines: the branch an IfCondition takes ({@code true}/{@code false}), by name
 * @param copyRows         for pipelines: what named Copy activities report as read and copied
 */
public record ItemScript(OptionalDouble seconds, OptionalDouble queueSeconds, Set<Integer> failOnAttempts,
                         Set<Integer> dedupeOnAttempts, JobFailure failure, Optional<String> exitValue,
                         Map<String, Double> activitySeconds, Map<String, Boolean> branches,
                         Map<String, CopyRows> copyRows) {

    /** The script of an item the scenario does not name. */
    public static final ItemScript NONE = new ItemScript(OptionalDouble.empty(), OptionalDouble.empty(), Set.of(),
            Set.of(), JobFailure.DEFAULT, Optional.empty(), Map.of(), Map.of(), Map.of());

    public ItemScript {
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(queueSeconds, "queueSeconds");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(exitValue, "exitValue");
        failOnAttempts = Set.copyOf(failOnAttempts);
        dedupeOnAttempts = Set.copyOf(dedupeOnAttempts);
        activitySeconds = Collections.unmodifiableMap(new LinkedHashMap<>(activitySeconds));
        branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
        copyRows = Collections.unmodifiableMap(new LinkedHashMap<>(copyRows));
    }

    /** A script whose Copy activities report the emulator's usual row counts. */
    public ItemScript(OptionalDouble seconds, OptionalDouble queueSeconds, Set<Integer> failOnAttempts,
                      Set<Integer> dedupeOnAttempts, JobFailure failure, Optional<String> exitValue,
                      Map<String, Double> activitySeconds, Map<String, Boolean> branches) {
        this(seconds, queueSeconds, failOnAttempts, dedupeOnAttempts, failure, exitValue, activitySeconds, branches,
                Map.of());
    }

    public boolean failsOn(int attempt) {
        return failOnAttempts.contains(attempt);
    }

    public boolean dedupesOn(int attempt) {
        return dedupeOnAttempts.contains(attempt);
    }
}
