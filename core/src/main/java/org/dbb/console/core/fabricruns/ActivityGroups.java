package org.dbb.console.core.fabricruns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.fabric.jobs.ActivityRun;

/**
 * The activity runs of one pipeline run grouped by activity name, each group in start order, the groups in the
 * order their first run started. Immutable after construction; not shared between threads.
 */
final class ActivityGroups {

    private static final Comparator<ActivityRun> BY_START = Comparator
            .comparing((ActivityRun r) -> r.start().orElse(Instant.MAX))
            .thenComparingInt(r -> r.retryAttempt().orElse(0));

    private final Map<String, List<ActivityRun>> byName = new LinkedHashMap<>();

    private ActivityGroups(List<ActivityRun> runs) {
        List<ActivityRun> sorted = new ArrayList<>(runs);
        sorted.sort(BY_START);
        sorted.forEach(r -> byName.computeIfAbsent(r.activityName(), n -> new ArrayList<>()).add(r));
    }

    static ActivityGroups of(List<ActivityRun> runs) {
        return new ActivityGroups(runs);
    }

    Set<String> names() {
        return byName.keySet();
    }

    boolean ran(String name) {
        return byName.containsKey(name);
    }

    /** The latest attempt of the activity, which decides how it stands. */
    Optional<ActivityRun> latest(String name) {
        List<ActivityRun> runs = byName.get(name);
        return runs == null ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** The activity as its latest attempt stands, without its child run; {@code now} measures a running one. */
    Optional<FabricActivityDetail> detail(String name, Instant now) {
        return latest(name).map(run -> {
            Optional<Duration> duration = run.durationMs().isPresent() && run.end().isPresent()
                    ? Optional.of(Duration.ofMillis(run.durationMs().getAsLong()))
                    : run.start().map(s -> Duration.between(s, run.end().orElse(now)))
                    .map(d -> d.isNegative() ? Duration.ZERO : d);
            return new FabricActivityDetail(run.activityName(), run.activityType(), run.activityRunId(),
                    run.status(), run.statusText(), run.start(), run.end(), duration, byName.get(name).size(),
                    run.error().map(FabricRunError::of), run.inputJson(), run.outputJson(), Optional.empty());
        });
    }

    /** Every activity in the order it first started, without child runs. */
    List<FabricActivityDetail> details(Instant now) {
        return byName.keySet().stream().map(n -> detail(n, now).orElseThrow()).toList();
    }
}
