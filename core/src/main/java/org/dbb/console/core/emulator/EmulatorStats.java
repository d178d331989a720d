package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of the emulator's counters, the same figures {@code GET /_emulator/stats} answers. Items and models
 * are keyed {@code environment/name}; routes {@code METHOD /template}. Refresh counts cover refreshes started
 * through the API (scheduled refreshes a scenario keeps running are left out: they are not the client's doing).
 * Immutable.
 *
 * @param at                           when the snapshot was taken, on the emulator's clock
 * @param requestsPerRoute             requests received per route ({@code unmatched} for unknown paths)
 * @param jobsStartedPerItem           job instances created per item (through the API and as child pipelines)
 * @param maxInFlightRefreshesPerModel the most refreshes of one model ever in flight at once
 * @param maxInFlightRefreshes         the most refreshes ever in flight at once, all models together
 * @param inFlightRefreshesPerModel    refreshes in flight now per model (models with none are left out)
 * @param inFlightRefreshes            refreshes in flight now
 */
public record EmulatorStats(Instant at, Map<String, Long> requestsPerRoute, Map<String, Integer> jobsStartedPerItem,
                            Map<String, Integer> maxInFlightRefreshesPerModel, int maxInFlightRefreshes,
                            Map<String, Integer> inFlightRefreshesPerModel, int inFlightRefreshes) {

    public EmulatorStats {
        requestsPerRoute = Collections.unmodifiableMap(new TreeMap<>(requestsPerRoute));
        jobsStartedPerItem = Collections.unmodifiableMap(new TreeMap<>(jobsStartedPerItem));
        maxInFlightRefreshesPerModel = Collections.unmodifiableMap(new TreeMap<>(maxInFlightRefreshesPerModel));
        inFlightRefreshesPerModel = Collections.unmodifiableMap(new TreeMap<>(inFlightRefreshesPerModel));
    }

    /** Requests received on one route, e.g. {@code requests("GET /v1/workspaces")}. */
    public long requests(String routeKey) {
        return requestsPerRoute.getOrDefault(routeKey, 0L);
    }

    /** Job instances created for one item of one environment. */
    public int jobsStarted(String environment, String itemName) {
        return jobsStartedPerItem.getOrDefault(environment + "/" + itemName, 0);
    }

    /** The most refreshes of one model that were in flight at once. */
    public int maxInFlightRefreshes(String environment, String model) {
        return maxInFlightRefreshesPerModel.getOrDefault(environment + "/" + model, 0);
    }
}
