package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every job run the emulator planned, and how many runs each item has had (the attempt numbers scenarios script
 * against). Not thread-safe: guarded by the emulator's state lock.
 */
final class JobStore {

    private final Map<UUID, JobRun> runs = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();

    void add(JobRun run) {
        runs.put(run.id(), run);
    }

    /** The next attempt number of an item in a workspace, 1-based; every run of the item counts. */
    int nextAttempt(UUID workspaceId, UUID itemId) {
        return attempts.merge(workspaceId + "/" + itemId, 1, Integer::sum);
    }

    Optional<JobRun> find(UUID jobId, Instant now) {
        return Optional.ofNullable(runs.get(jobId)).filter(r -> r.visibleAt(now));
    }

    /** The runs of one item visible now, newest first. */
    List<JobRun> ofItem(UUID workspaceId, UUID itemId, Instant now) {
        List<JobRun> out = new ArrayList<>();
        for (JobRun run : runs.values()) {
            if (run.workspaceId().equals(workspaceId) && run.itemId().equals(itemId) && run.visibleAt(now)) {
                out.add(run);
            }
        }
        out.sort(Comparator.comparing(JobRun::createdAt).reversed());
        return out;
    }

    List<JobRun> visible(Instant now) {
        return runs.values().stream().filter(r -> r.visibleAt(now)).toList();
    }
}
