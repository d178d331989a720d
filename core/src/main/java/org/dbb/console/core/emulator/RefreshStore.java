package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Every refresh of every model, the attempt numbers scenarios script against, and the in-flight counts derived from
 * the refreshes' timelines. Not thread-safe: guarded by the emulator's state lock.
 */
final class RefreshStore {

    private final List<RefreshRun> runs = new ArrayList<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private long nextId = 1;

    long nextId() {
        return nextId++;
    }

    void add(RefreshRun run) {
        runs.add(run);
    }

    /** The next API attempt of a model in a workspace, 1-based. */
    int nextAttempt(UUID workspaceId, UUID modelId) {
        return attempts.merge(workspaceId + "/" + modelId, 1, Integer::sum);
    }

    /** The refresh keeping a model busy now, if any. */
    Optional<RefreshRun> inFlight(UUID workspaceId, UUID modelId, Instant now) {
        return runs.stream().filter(r -> r.workspaceId().equals(workspaceId) && r.modelId().equals(modelId)
                && r.inFlightAt(now)).findFirst();
    }

    /** A model's refreshes visible now, newest first. */
    List<RefreshRun> history(UUID workspaceId, UUID modelId, Instant now) {
        return runs.stream().filter(r -> r.workspaceId().equals(workspaceId) && r.modelId().equals(modelId)
                        && r.visibleAt(now))
                .sorted(Comparator.comparing(RefreshRun::acceptedAt).thenComparing(RefreshRun::id).reversed())
                .toList();
    }

    Optional<RefreshRun> byRequestId(UUID workspaceId, UUID modelId, String requestId, Instant now) {
        return history(workspaceId, modelId, now).stream()
                .filter(r -> r.requestId().toString().equalsIgnoreCase(requestId)).findFirst();
    }

    /** API refreshes in flight now, per model key. */
    Map<String, Integer> inFlightPerModel(Instant now) {
        Map<String, Integer> out = new TreeMap<>();
        runs.stream().filter(RefreshRun::viaApi).filter(r -> r.inFlightAt(now))
                .forEach(r -> out.merge(r.modelKey(), 1, Integer::sum));
        return out;
    }

    /** The most API refreshes that were ever in flight at once for each model, up to now. */
    Map<String, Integer> maxInFlightPerModel(Instant now) {
        Map<String, List<RefreshRun>> byModel = new LinkedHashMap<>();
        runs.stream().filter(RefreshRun::viaApi).filter(r -> r.visibleAt(now))
                .forEach(r -> byModel.computeIfAbsent(r.modelKey(), k -> new ArrayList<>()).add(r));
        Map<String, Integer> out = new TreeMap<>();
        byModel.forEach((model, list) -> out.put(model, maxOverlap(list, now)));
        return out;
    }

    /** The most API refreshes that were ever in flight at once, all models together, up to now. */
    int maxInFlight(Instant now) {
        return maxOverlap(runs.stream().filter(RefreshRun::viaApi).filter(r -> r.visibleAt(now)).toList(), now);
    }

    private static int maxOverlap(List<RefreshRun> list, Instant now) {
        // Sweep over start (+1) and end (-1) events; an end at the same instant as a start comes first, because a
        // refresh that ended is no longer in flight when the next one is accepted.
        List<long[]> events = new ArrayList<>();
        for (RefreshRun r : list) {
            events.add(new long[] {nanos(r.acceptedAt()), 1});
            if (!r.endAt().isAfter(now)) {
                events.add(new long[] {nanos(r.endAt()), -1});
            }
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int current = 0;
        int max = 0;
        for (long[] e : events) {
            current += (int) e[1];
            max = Math.max(max, current);
        }
        return max;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
