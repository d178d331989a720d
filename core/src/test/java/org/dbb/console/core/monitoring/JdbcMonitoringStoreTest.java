package org.dbb.console.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.database.EmbeddedDatabase;

class JdbcMonitoringStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00.125Z");

    @TempDir
    Path temp;

    private ScheduledExecutorService scheduler;
    private EmbeddedDatabase database;
    private JdbcMonitoringStore store;

    @BeforeEach
    void open() {
        scheduler = Executors.newScheduledThreadPool(2);
        database = EmbeddedDatabase.open(temp.resolve("db/dbb-console"));
        store = MonitoringStores.embedded(database, scheduler);
    }

    @AfterEach
    void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        database.close();
    }

    static MonitoringRow row(String runId, String env, String stage, String activity, MonitoringStatus status) {
        return new MonitoringRow(OptionalLong.empty(), runId, env, stage, activity, Optional.empty(), 1, status,
                Optional.empty(), T0, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), "ops");
    }

    @Test
    void appendAndReadBackEveryColumn() {
        MonitoringRow full = new MonitoringRow(OptionalLong.empty(), "run-1", "PROD", "Semantic refresh",
                "Refresh models", Optional.of("Sales ÅÄÖ 日本"), 3, MonitoringStatus.FAILED,
                Optional.of("5e0c3f0e-5c1b-4b5e-9f5e-000000000001"), T0,
                Optional.of(T0.plusMillis(93_004)), OptionalLong.of(0), OptionalLong.of(1_234_567_890_123L),
                Optional.of("ModelRefreshFailed"), Optional.of("line one\nline \"two\", with comma 🚀"),
                "alice@contoso.com");
        MonitoringRow empty = new MonitoringRow(OptionalLong.empty(), "run-1", "PROD", "Integration", "Run",
                Optional.empty(), 1, MonitoringStatus.IN_PROGRESS, Optional.empty(),
                Instant.parse("1999-12-31T23:59:59.999Z"), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), Optional.of(""), "");

        MonitoringRow storedFull = store.append(full);
        MonitoringRow storedEmpty = store.append(empty);

        assertThat(storedFull.id()).hasValue(1);
        assertThat(storedEmpty.id()).hasValue(2);
        assertThat(store.rowsAfter(0, MonitoringQuery.ALL, 10)).containsExactly(full.withId(1), empty.withId(2));
        assertThat(store.rowsAfter(0, MonitoringQuery.ALL, 10).get(0).duration()).hasValue(Duration.ofMillis(93_004));
    }

    @Test
    void rowsReadBackShareOneInstanceOfEachRepeatedValue() {
        store.append(row("run-7", "PROD", "Integration", "Copy sales", MonitoringStatus.IN_PROGRESS));
        store.append(row("run-7", "PROD", "Integration", "Copy sales", MonitoringStatus.SUCCEEDED));

        List<MonitoringRow> rows = store.rowsAfter(0, MonitoringQuery.ALL, 10);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).runId()).isSameAs(rows.get(0).runId());
        assertThat(rows.get(1).environment()).isSameAs(rows.get(0).environment());
        assertThat(rows.get(1).stage()).isSameAs(rows.get(0).stage());
        assertThat(rows.get(1).activity()).isSameAs(rows.get(0).activity());
        assertThat(rows.get(1).operator()).isSameAs(rows.get(0).operator());
    }

    @Test
    void instantsAreStoredAsUtcWhateverTheJvmZone() throws Exception {
        store.append(row("r", "PROD", "S", "A", MonitoringStatus.SUCCEEDED));
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT CAST(started_at AS VARCHAR(30)) FROM meta.monitoring_integration")) {
            var rs = s.executeQuery();
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2026-03-01 06:00:00.125");
        }
    }

    @Test
    void instantsAreCutToMilliseconds() {
        MonitoringRow precise = new MonitoringRow(OptionalLong.empty(), "r", "PROD", "S", "A", Optional.empty(), 1,
                MonitoringStatus.SUCCEEDED, Optional.empty(), T0.plusNanos(999_999), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), "ops");
        MonitoringRow stored = store.append(precise);
        assertThat(stored.startedAt()).isEqualTo(T0);
        assertThat(store.rowsAfter(0, MonitoringQuery.ALL, 1)).containsExactly(stored);
    }

    @Test
    void rowsAfterFiltersByEachCriterion() {
        store.append(row("run-1", "PROD", "Integration", "Run integration", MonitoringStatus.SUCCEEDED));
        store.append(row("run-1", "PROD", "Transformation", "Run dbt", MonitoringStatus.FAILED));
        store.append(row("run-2", "TEST", "Integration", "Run integration", MonitoringStatus.FAILED));
        MonitoringRow withError = new MonitoringRow(OptionalLong.empty(), "run-2", "TEST", "Semantic refresh",
                "Refresh", Optional.of("Finance Model"), 2, MonitoringStatus.OVERRUN, Optional.empty(), T0,
                Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.of("Overrun"),
                Optional.of("Took 50% [longer] than its target_duration"), "ops");
        store.append(withError);

        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withEnvironment("PROD"), 10))).containsExactly(1L, 2L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withRunId("run-2"), 10))).containsExactly(3L, 4L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withStage("Integration"), 10)))
                .containsExactly(1L, 3L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withStatus(MonitoringStatus.FAILED), 10)))
                .containsExactly(2L, 3L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withStatus(MonitoringStatus.FAILED)
                .withEnvironment("TEST"), 10))).containsExactly(3L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withText("DBT"), 10))).containsExactly(2L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withText("finance"), 10))).containsExactly(4L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withText("50% [longer]"), 10))).containsExactly(4L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withText("target_"), 10))).containsExactly(4L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withText("OVERRUN"), 10))).containsExactly(4L);
        assertThat(ids(store.rowsAfter(0, MonitoringQuery.ALL.withText("%"), 10))).containsExactly(4L);
        assertThat(ids(store.rowsAfter(1, MonitoringQuery.ALL, 2))).containsExactly(2L, 3L);
        assertThat(store.rowsAfter(4, MonitoringQuery.ALL, 10)).isEmpty();
    }

    @Test
    void latestGivesTheNewestRowsOldestFirst() {
        for (int i = 0; i < 5; i++) {
            store.append(row("run-" + i, i % 2 == 0 ? "PROD" : "TEST", "S", "A", MonitoringStatus.SUCCEEDED));
        }
        assertThat(ids(store.latest(MonitoringQuery.ALL, 3))).containsExactly(3L, 4L, 5L);
        assertThat(ids(store.latest(MonitoringQuery.ALL.withEnvironment("PROD"), 2))).containsExactly(3L, 5L);
        assertThat(store.lastId()).isEqualTo(5);
    }

    @Test
    void errorMessageIsCutToTheColumnWithoutSplittingACharacter() {
        String message = "x".repeat(3_997) + "🚀🚀";
        MonitoringRow stored = store.append(withMessage(message));

        String kept = stored.errorMessage().orElseThrow();
        assertThat(kept).isEqualTo("x".repeat(3_997) + "…");
        assertThat(kept.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(4_000);
        assertThat(store.rowsAfter(0, MonitoringQuery.ALL, 1).get(0).errorMessage()).hasValue(kept);

        String wide = "日".repeat(5_000);
        String keptWide = store.append(withMessage(wide)).errorMessage().orElseThrow();
        assertThat(keptWide).isEqualTo("日".repeat(1_332) + "…");
        assertThat(keptWide.getBytes(StandardCharsets.UTF_8).length).isEqualTo(3_999);
    }

    @Test
    void appendAllStoresEveryRowOrNone() {
        List<MonitoringRow> stored = store.appendAll(List.of(row("r", "PROD", "S", "one", MonitoringStatus.SUCCEEDED),
                row("r", "PROD", "S", "two", MonitoringStatus.SUCCEEDED)));
        assertThat(ids(stored)).containsExactly(1L, 2L);

        assertThatThrownBy(() -> store.appendAll(List.of(row("r", "PROD", "S", "three", MonitoringStatus.FAILED),
                row("r", "x".repeat(101), "S", "four", MonitoringStatus.FAILED))))
                .isInstanceOf(MonitoringStoreException.class).hasMessageContaining("environment");
        assertThat(store.rowsAfter(0, MonitoringQuery.ALL, 10)).isEqualTo(stored);
    }

    @Test
    void aMessageThatFitsIsKeptWhole() {
        String message = "é".repeat(2_000);
        assertThat(store.append(withMessage(message)).errorMessage()).hasValue(message);
    }

    @Test
    void aKeyLongerThanItsColumnIsRefusedWithTheColumnName() {
        assertThatThrownBy(() -> store.append(row("r".repeat(101), "PROD", "S", "A", MonitoringStatus.FAILED)))
                .isInstanceOf(MonitoringStoreException.class)
                .hasMessageContaining("run_id")
                .hasMessageContaining("100");
        assertThat(store.lastId()).isZero();
    }

    @Test
    void aSubscriptionDeliversExistingThenNewRowsInIdOrder() throws Exception {
        store.append(row("r", "PROD", "S", "first", MonitoringStatus.SUCCEEDED));
        store.append(row("r", "TEST", "S", "other env", MonitoringStatus.SUCCEEDED));
        Collector collector = new Collector();
        try (Subscription subscription = store.subscribe(0, MonitoringQuery.ALL.withEnvironment("PROD"),
                collector)) {
            store.append(row("r", "TEST", "S", "other env", MonitoringStatus.SUCCEEDED));
            store.append(row("r", "PROD", "S", "second", MonitoringStatus.SUCCEEDED));

            await(() -> collector.rows().size() == 2);
            await(() -> subscription.lastId() == 4);
            assertThat(collector.rows()).extracting(MonitoringRow::activity).containsExactly("first", "second");
        }
    }

    @Test
    void aClosedSubscriptionDeliversNothingMore() throws Exception {
        Collector collector = new Collector();
        Subscription subscription = store.subscribe(0, MonitoringQuery.ALL, collector);
        store.append(row("r", "PROD", "S", "A", MonitoringStatus.SUCCEEDED));
        await(() -> collector.rows().size() == 1);

        subscription.close();
        store.append(row("r", "PROD", "S", "B", MonitoringStatus.SUCCEEDED));
        Thread.sleep(300);

        assertThat(collector.rows()).hasSize(1);
    }

    @Test
    void anIdLeftByARolledBackInsertIsSkippedAfterTheGrace() throws Exception {
        JdbcMonitoringStore quick = new JdbcMonitoringStore(database.dataSource(), scheduler,
                JdbcMonitoringStore.Options.embedded().withPollInterval(Duration.ofMillis(50))
                        .withGapGrace(Duration.ofMillis(300)), "test");
        quick.append(row("r", "PROD", "S", "before", MonitoringStatus.SUCCEEDED));
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(MonitoringSql.INSERT)) {
                MonitoringRowBinder.bindMinimal(s);
                s.executeUpdate();
            }
            c.rollback();
            c.setAutoCommit(true);
        }
        quick.append(row("r", "PROD", "S", "after", MonitoringStatus.SUCCEEDED));

        Collector collector = new Collector();
        long started = System.nanoTime();
        try (Subscription ignored = quick.subscribe(0, MonitoringQuery.ALL, collector)) {
            await(() -> collector.rows().size() == 2);
        }
        assertThat(ids(collector.rows())).containsExactly(1L, 3L);
        assertThat(collector.batches()).containsExactly(List.of(1L), List.of(3L));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void everyRowIsDeliveredExactlyOnceUnderConcurrentAppendsFromTwoProcesses() throws Exception {
        Collector collector = new Collector();
        int appenders = 8;
        int perAppender = 1_000;
        int fromOther = 500;
        ExecutorService pool = Executors.newFixedThreadPool(appenders + 1);
        try (EmbeddedDatabase other = EmbeddedDatabase.open(temp.resolve("db/dbb-console"));
             Subscription subscription = store.subscribe(0, MonitoringQuery.ALL, collector)) {
            // A second instance on the same file stands for another process: its appends do not wake this
            // store's followers, so they arrive through the poll.
            JdbcMonitoringStore otherStore = MonitoringStores.embedded(other, scheduler);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> tasks = new ArrayList<>();
            for (int a = 0; a < appenders; a++) {
                String run = "run-" + a;
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perAppender; i++) {
                        store.append(row(run, "PROD", "S", "A" + i, MonitoringStatus.SUCCEEDED));
                    }
                    return null;
                }));
            }
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < fromOther; i++) {
                    otherStore.append(row("other", "PROD", "S", "B" + i, MonitoringStatus.SUCCEEDED));
                }
                return null;
            }));
            long started = System.nanoTime();
            start.countDown();
            for (Future<?> task : tasks) {
                task.get(120, TimeUnit.SECONDS);
            }
            int total = appenders * perAppender + fromOther;
            await(() -> collector.rows().size() >= total);
            System.out.printf("[measure] %d single-row appends from %d appenders and a second instance, all"
                    + " delivered: %.2f s%n", total, appenders, (System.nanoTime() - started) / 1e9);
            Thread.sleep(200);

            List<Long> delivered = ids(collector.rows());
            assertThat(delivered).hasSize(total).isSorted().doesNotHaveDuplicates();
            assertThat(delivered.get(total - 1)).isEqualTo(total);
            assertThat(subscription.lastId()).isEqualTo(total);
            for (int a = 0; a < appenders; a++) {
                String run = "run-" + a;
                assertThat(collector.rows().stream().filter(r -> r.runId().equals(run)).map(MonitoringRow::activity))
                        .as("rows of %s in order", run)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perAppender)
                                .mapToObj(i -> "A" + i).toList());
            }
            assertThat(collector.rows().stream().filter(r -> r.runId().equals("other"))).hasSize(fromOther);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ingestAndFollowOneHundredThousandRows() throws Exception {
        int total = 100_000;
        int appenders = 8;
        int batchSize = 250;
        Collector collector = new Collector();
        ExecutorService pool = Executors.newFixedThreadPool(appenders);
        try (Subscription ignored = store.subscribe(0, MonitoringQuery.ALL, collector)) {
            long started = System.nanoTime();
            List<Future<?>> tasks = new ArrayList<>();
            for (int a = 0; a < appenders; a++) {
                String run = "run-" + a;
                tasks.add(pool.submit(() -> {
                    List<MonitoringRow> batch = new ArrayList<>();
                    for (int i = 0; i < total / appenders; i++) {
                        batch.add(row(run, "PROD", "Integration", "Copy " + i, MonitoringStatus.SUCCEEDED));
                        if (batch.size() == batchSize) {
                            store.appendAll(batch);
                            batch.clear();
                        }
                    }
                    store.appendAll(batch);
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get(10, TimeUnit.MINUTES);
            }
            long ingested = System.nanoTime();
            await(() -> collector.rows().size() >= total);
            long followed = System.nanoTime();

            assertThat(ids(collector.rows())).hasSize(total).isSorted().doesNotHaveDuplicates();
            double ingestSeconds = (ingested - started) / 1e9;
            System.out.printf("[measure] 100,000 monitoring rows: ingest by %d appenders in transactions of %d rows"
                            + " %.2f s (%.0f rows/s); all delivered to the subscriber %.2f s after the start"
                            + " (%d batches)%n", appenders, batchSize, ingestSeconds, total / ingestSeconds,
                    (followed - started) / 1e9, collector.batches().size());
        } finally {
            pool.shutdownNow();
        }

        long started = System.nanoTime();
        Collector replay = new Collector();
        try (Subscription ignored = store.subscribe(0, MonitoringQuery.ALL, replay)) {
            await(() -> replay.rows().size() >= total);
        }
        System.out.printf("[measure] 100,000 stored monitoring rows read back through a new subscription: %.2f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    private static MonitoringRow withMessage(String message) {
        return new MonitoringRow(OptionalLong.empty(), "r", "PROD", "S", "A", Optional.empty(), 1,
                MonitoringStatus.FAILED, Optional.empty(), T0, Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), Optional.of(message), "ops");
    }

    private static List<Long> ids(List<MonitoringRow> rows) {
        return rows.stream().map(r -> r.id().getAsLong()).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(10);
        }
    }

    /** Collects delivered batches; checks that the consumer is never called concurrently. */
    private static final class Collector implements java.util.function.Consumer<List<MonitoringRow>> {
        private final List<MonitoringRow> rows = Collections.synchronizedList(new ArrayList<>());
        private final ConcurrentLinkedQueue<List<Long>> batches = new ConcurrentLinkedQueue<>();
        private final AtomicInteger inside = new AtomicInteger();

        @Override
        public void accept(List<MonitoringRow> batch) {
            if (inside.incrementAndGet() != 1) {
                throw new AssertionError("consumer called concurrently");
            }
            batches.add(ids(batch));
            rows.addAll(batch);
            inside.decrementAndGet();
        }

        List<MonitoringRow> rows() {
            synchronized (rows) {
                return List.copyOf(rows);
            }
        }

        List<List<Long>> batches() {
            return List.copyOf(batches);
        }
    }

    /** Binds a minimal row to {@link MonitoringSql#INSERT}, for inserts made around the store. */
    private static final class MonitoringRowBinder {
        static void bindMinimal(PreparedStatement s) throws java.sql.SQLException {
            Object[] values = {"r", "PROD", "S", "rolled back", null, 1, "Failed", null,
                    Timestamp.from(T0), null, null, null, null, null, null, "ops"};
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
        }
    }
}
