package org.dbb.console.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

/**
 * A flood of monitoring rows as a busy DBB run writes them, appended to a store in transactions of a given size on
 * the calling thread: the load the window benchmarks put on the Monitoring page. Stateless.
 */
final class MonitoringFlood {

    private static final String[] STAGES = {"Initialisation", "Integration", "Transformation", "Monitoring",
            "Maintenance", "Semantic refresh"};

    private MonitoringFlood() {
    }

    /**
     * Appends {@code total} rows of {@code environment} to {@code store}, {@code chunk} per transaction, as fast as
     * the store takes them, and returns the ids it gave them. Blocks; call it on a writer thread.
     */
    static Written write(JdbcMonitoringStore store, String environment, int total, int chunk) {
        long start = System.nanoTime();
        Instant t0 = Instant.now();
        long[] ids = new long[total];
        int stored = 0;
        List<MonitoringRow> batch = new ArrayList<>(chunk);
        for (int i = 0; i < total; i++) {
            batch.add(row(i, t0, environment));
            if (batch.size() == chunk || i == total - 1) {
                for (MonitoringRow row : store.appendAll(batch)) {
                    ids[stored++] = row.id().orElseThrow();
                }
                batch.clear();
            }
        }
        return new Written(ids, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Row {@code i}: mostly starts and successes, some failures, breaches and overruns. */
    static MonitoringRow row(int i, Instant t0, String environment) {
        String stage = STAGES[(i / 40) % STAGES.length];
        int kind = i % 50;
        MonitoringStatus status = kind == 7 ? MonitoringStatus.FAILED
                : kind == 19 ? MonitoringStatus.THRESHOLD_BREACH
                : kind == 31 ? MonitoringStatus.OVERRUN
                : i % 2 == 0 ? MonitoringStatus.IN_PROGRESS : MonitoringStatus.SUCCEEDED;
        Instant started = t0.plusMillis(i * 37L);
        boolean ended = status != MonitoringStatus.IN_PROGRESS;
        boolean problem = status != MonitoringStatus.IN_PROGRESS && status != MonitoringStatus.SUCCEEDED;
        return new MonitoringRow(OptionalLong.empty(), "20260301-0600-" + (i / 2_000), environment, stage,
                stage + " activity " + (i % 23), Optional.of("item_" + (i % 311)), 1 + (i % 3), status,
                Optional.of("job-" + i), started, ended ? Optional.of(started.plusMillis(1_000 + i % 9_000))
                : Optional.empty(), ended ? OptionalLong.of(i * 13L) : OptionalLong.empty(),
                ended ? OptionalLong.of(i * 12L) : OptionalLong.empty(),
                problem ? Optional.of("E" + kind) : Optional.empty(),
                problem ? Optional.of("Row " + i + " needs a look: value outside its threshold") : Optional.empty(),
                "bench");
    }

    /**
     * What one flood stored. Immutable by convention: the array is not handed to anyone who changes it.
     *
     * @param ids  the ids the store gave the rows, in the order written
     * @param took how long the store took to take them all
     */
    record Written(long[] ids, Duration took) {

        double rowsPerSecond() {
            return ids.length / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }
}
