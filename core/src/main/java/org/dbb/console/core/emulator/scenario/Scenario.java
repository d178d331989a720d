package org.dbb.console.core.emulator.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the emulator plays: how fast time runs, how long things take, and which failures, throttling and faults it
 * scripts. Durations are written in scenario seconds and last {@code seconds × timeScale} of real time. Immutable.
 *
 * @param timeScale       real seconds per scenario second, e.g. {@code 0.01} makes a 10-minute refresh last 6 s
 * @param defaults        durations for everything the scenario does not name
 * @param items           behaviour per item display name (pipelines, notebooks, dbt jobs, …)
 * @param models          behaviour per semantic model name
 * @param faults          HTTP faults scripted on given routes
 * @param tokenExpiry     when bearer tokens stop being accepted, if ever
 * @param connections     the connections {@code GET /v1/connections} lists; empty means a few generated ones
 * @param schedule        pipeline runs started by their Fabric schedule rather than through the API
 * @param omitChildRunIds whether Execute/Invoke Pipeline activity outputs leave out the child's
 *                        {@code pipelineRunId}, as Fabric may: clients must then find child runs another way
 */
public record Scenario(double timeScale, ScenarioDefaults defaults, Map<String, ItemScript> items,
                       Map<String, ModelScript> models, List<RouteFault> faults, Optional<TokenExpiry> tokenExpiry,
                       List<ConnectionSeed> connections, List<ScheduledRun> schedule, boolean omitChildRunIds) {

    public Scenario {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
        }
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(tokenExpiry, "tokenExpiry");
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        faults = List.copyOf(faults);
        connections = List.copyOf(connections);
        schedule = List.copyOf(schedule);
    }

    /** A scenario that scripts nothing: real-time durations from {@link ScenarioDefaults#STANDARD}, no faults. */
    public static Scenario neutral() {
        return new Scenario(1.0, ScenarioDefaults.STANDARD, Map.of(), Map.of(), List.of(), Optional.empty(),
                List.of(), List.of(), false);
    }

    /** The same scenario running at another speed. */
    public Scenario withTimeScale(double scale) {
        return new Scenario(scale, defaults, items, models, faults, tokenExpiry, connections, schedule,
                omitChildRunIds);
    }

    /** The script of an item, or one that scripts nothing. */
    public ItemScript item(String displayName) {
        return items.getOrDefault(displayName, ItemScript.NONE);
    }

    /** The script of a semantic model, or one that scripts nothing. */
    public ModelScript model(String name) {
        return models.getOrDefault(name, ModelScript.NONE);
    }

    /** How long {@code scenarioSeconds} last in real time. */
    public Duration scaled(double scenarioSeconds) {
        return Duration.ofNanos(Math.round(scenarioSeconds * timeScale * 1_000_000_000d));
    }

    /**
     * The {@code Retry-After} value (whole seconds) for a wait of {@code scenarioSeconds}: scaled and rounded, so a
     * fast scenario advises clients to poll sooner.
     */
    public long retryAfterSeconds(double scenarioSeconds) {
        return Math.max(0, Math.round(scenarioSeconds * timeScale));
    }
}
