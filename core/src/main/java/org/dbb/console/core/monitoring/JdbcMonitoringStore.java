package org.dbb.console.core.monitoring;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code meta.monitoring_integration} over JDBC: the embedded database or a Fabric Warehouse. Appends rows, reads
 * them back by filter, and follows new rows for the live view.
 *
 * <p>Thread-safe. It starts no threads: followers poll on the injected scheduler and are also woken by appends made
 * through this store, so rows appended in this process show up at once and rows appended by other processes
 * within one poll interval. Consumers are called on the scheduler's threads, one batch at a time per subscription.
 */
public final class JdbcMonitoringStore implements MonitoringSink {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMonitoringStore.class);
    private static final String TRUNCATION_MARK = "…";

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler;
    private final Options options;
    private final LongSupplier nanoTime;
    private final String description;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final SharedStrings shared = new SharedStrings();

    /**
     * How a store appends and follows. Immutable.
     *
     * @param appendMode   how appends get their ids
     * @param pollInterval how often followers look for rows appended by other processes
     * @param gapGrace     how long a follower waits for a missing id to be committed before it skips it (an id
     *                     can go missing for good when an insert is rolled back)
     * @param batchSize    the most rows handed to a consumer at once
     */
    public record Options(AppendMode appendMode, Duration pollInterval, Duration gapGrace, int batchSize) {

        public Options {
            Objects.requireNonNull(appendMode, "appendMode");
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(gapGrace, "gapGrace");
            if (pollInterval.isNegative() || pollInterval.isZero() || batchSize < 1) {
                throw new IllegalArgumentException("poll interval and batch size must be positive");
            }
        }

        /** The embedded database: appends queue on a lock row, followers poll every second. */
        public static Options embedded() {
            return new Options(AppendMode.SERIALIZED, Duration.ofSeconds(1), Duration.ofSeconds(5), 500);
        }

        /**
         * A Fabric Warehouse: no lock row (the Warehouse detects write conflicts instead of queueing), slower polls,
         * a longer wait for ids that arrive late.
         */
        public static Options warehouse() {
            return new Options(AppendMode.CONCURRENT, Duration.ofSeconds(5), Duration.ofSeconds(30), 500);
        }

        public Options withPollInterval(Duration value) {
            return new Options(appendMode, value, gapGrace, batchSize);
        }

        public Options withGapGrace(Duration value) {
            return new Options(appendMode, pollInterval, value, batchSize);
        }

        public Options withBatchSize(int value) {
            return new Options(appendMode, pollInterval, gapGrace, value);
        }
    }

    /** How appends get their ids. */
    public enum AppendMode {
        /** Each append first updates {@code meta.monitoring_append_lock}, so ids commit in order. */
        SERIALIZED,
        /** Plain inserts; ids may commit out of order and followers rely on the gap grace alone. */
        CONCURRENT
    }

    /**
     * @param dataSource  connections to a database whose {@code meta} schema is migrated
     * @param scheduler   runs the followers' polls and deliveries; owned by the caller
     * @param options     append and follow behaviour
     * @param description names the store in messages, e.g. the database file; never a secret
     */
    public JdbcMonitoringStore(DataSource dataSource, ScheduledExecutorService scheduler, Options options,
                               String description) {
        this(dataSource, scheduler, options, description, System::nanoTime);
    }

    JdbcMonitoringStore(DataSource dataSource, ScheduledExecutorService scheduler, Options options,
                        String description, LongSupplier nanoTime) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.options = Objects.requireNonNull(options, "options");
        this.description = Objects.requireNonNull(description, "description");
        this.nanoTime = nanoTime;
    }

    /**
     * Stores {@code row} as it will be read back: instants cut to milliseconds and the error message cut to the
     * column's 4,000 bytes of UTF-8 (ending in "…"); returns that form with its id.
     *
     * @throws MonitoringStoreException when a value is longer than its column, or the database fails
     */
    @Override
    public MonitoringRow append(MonitoringRow row) {
        return appendAll(List.of(row)).get(0);
    }

    /**
     * Stores {@code rows} in one transaction, in list order (ids ascending), as {@link #append} would store each;
     * either all are stored or none. Cheaper than one append per row when many rows arrive at once.
     *
     * @throws MonitoringStoreException when a value is longer than its column, or the database fails
     */
    public List<MonitoringRow> appendAll(List<MonitoringRow> rows) {
        List<MonitoringRow> stored = rows.stream().map(this::storedForm).toList();
        if (stored.isEmpty()) {
            return stored;
        }
        List<MonitoringRow> withIds = new ArrayList<>(stored.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (options.appendMode() == AppendMode.SERIALIZED) {
                    lockAppends(connection);
                }
                try (PreparedStatement statement = connection.prepareStatement(MonitoringSql.INSERT,
                        new String[] {"id"})) {
                    for (MonitoringRow row : stored) {
                        withIds.add(row.withId(insert(statement, row)));
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("store monitoring rows", e);
        }
        followers.forEach(Follower::wake);
        return List.copyOf(withIds);
    }

    /** Up to {@code limit} rows matching {@code filter} with ids above {@code afterId}, oldest first. */
    public List<MonitoringRow> rowsAfter(long afterId, MonitoringQuery filter, int limit) {
        requirePositive(limit);
        Select select = new Select(MonitoringSql.SELECT_AFTER).bind(limit).bind(afterId).filter(filter)
                .append(MonitoringSql.ORDER_BY_ID);
        return query(select);
    }

    @Override
    public List<MonitoringRow> rowsOfRunAfter(String runId, long afterId) {
        List<MonitoringRow> rows = new ArrayList<>();
        MonitoringQuery filter = MonitoringQuery.ALL.withRunId(runId);
        long after = afterId;
        while (true) {
            List<MonitoringRow> page = rowsAfter(after, filter, options.batchSize());
            rows.addAll(page);
            if (page.size() < options.batchSize()) {
                return rows;
            }
            after = page.get(page.size() - 1).id().orElseThrow();
        }
    }

    /** The newest {@code limit} rows matching {@code filter}, oldest first. */
    public List<MonitoringRow> latest(MonitoringQuery filter, int limit) {
        requirePositive(limit);
        Select select = new Select(MonitoringSql.SELECT_LATEST).bind(limit).filter(filter)
                .append(MonitoringSql.ORDER_BY_ID_DESC);
        List<MonitoringRow> rows = new ArrayList<>(query(select));
        Collections.reverse(rows);
        return rows;
    }

    /** The highest id stored, 0 when the table is empty. */
    public long lastId() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(MonitoringSql.SELECT_MAX_ID);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("read the monitoring rows", e);
        }
    }

    /**
     * Delivers every row matching {@code filter} with an id above {@code afterId} that exists now or is appended
     * later, by any process, to {@code consumer}: in id order, in batches, each row once. Rows already present are
     * delivered first, starting at once on the scheduler.
     *
     * <p>A row whose id was handed out but whose insert is not yet committed holds back the rows after it until it
     * commits, or until the gap grace has passed (an insert rolled back leaves its id unused forever). A consumer
     * that throws is logged; its batch counts as delivered.
     */
    public Subscription subscribe(long afterId, MonitoringQuery filter, Consumer<List<MonitoringRow>> consumer) {
        Follower follower = new Follower(afterId, Objects.requireNonNull(filter, "filter"),
                Objects.requireNonNull(consumer, "consumer"));
        followers.add(follower);
        long interval = options.pollInterval().toNanos();
        follower.poll = scheduler.scheduleWithFixedDelay(follower::wake, interval, interval, TimeUnit.NANOSECONDS);
        follower.wake();
        return follower;
    }

    /** What the store reads and writes, for messages such as "Loading rows from …": a file, or a warehouse. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "JdbcMonitoringStore[" + description + "]";
    }

    private void lockAppends(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MonitoringSql.LOCK_APPENDS)) {
            if (statement.executeUpdate() != 1) {
                throw new MonitoringStoreException("The monitoring store " + description + " has no append lock"
                        + " row in meta.monitoring_append_lock; its schema was not created by the console's"
                        + " migrations.");
            }
        }
    }

    private static long insert(PreparedStatement statement, MonitoringRow row) throws SQLException {
        int i = 0;
        statement.setString(++i, row.runId());
        statement.setString(++i, row.environment());
        statement.setString(++i, row.stage());
        statement.setString(++i, row.activity());
        setString(statement, ++i, row.item());
        statement.setInt(++i, row.attempt());
        statement.setString(++i, row.status().wireName());
        setString(statement, ++i, row.jobInstanceId());
        statement.setObject(++i, utc(row.startedAt()));
        if (row.endedAt().isPresent()) {
            statement.setObject(++i, utc(row.endedAt().get()));
        } else {
            statement.setNull(++i, Types.TIMESTAMP);
        }
        setLong(statement, ++i, row.duration().map(d -> OptionalLong.of(d.toMillis()))
                .orElse(OptionalLong.empty()));
        setLong(statement, ++i, row.rowsRead());
        setLong(statement, ++i, row.rowsWritten());
        setString(statement, ++i, row.errorCode());
        setString(statement, ++i, row.errorMessage());
        statement.setString(++i, row.operator());
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no id for the new row");
            }
            return keys.getLong(1);
        }
    }

    private List<MonitoringRow> query(Select select) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = select.prepare(connection);
             ResultSet rs = statement.executeQuery()) {
            List<MonitoringRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw failure("read the monitoring rows", e);
        }
    }

    private List<Long> idsAfter(long afterId, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(MonitoringSql.SELECT_IDS_AFTER)) {
            statement.setInt(1, limit);
            statement.setLong(2, afterId);
            try (ResultSet rs = statement.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw failure("read the monitoring rows", e);
        }
    }

    private MonitoringRow read(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String status = rs.getString("status");
        MonitoringStatus parsed;
        try {
            parsed = MonitoringStatus.parse(status);
        } catch (IllegalArgumentException e) {
            throw new MonitoringStoreException("Row " + id + " of " + MonitoringSql.TABLE + " in " + description
                    + " has the status '" + status + "', which the console does not know.", e);
        }
        return new MonitoringRow(OptionalLong.of(id), shared(rs, "run_id"), shared(rs, "environment"),
                shared(rs, "stage"), shared(rs, "activity"), Optional.ofNullable(shared(rs, "item")),
                rs.getInt("attempt"), parsed, Optional.ofNullable(rs.getString("job_instance_id")),
                instant(rs, "started_at").orElseThrow(), instant(rs, "ended_at"), optionalLong(rs, "rows_read"),
                optionalLong(rs, "rows_written"), Optional.ofNullable(shared(rs, "error_code")),
                Optional.ofNullable(rs.getString("error_message")), shared(rs, "operator"));
    }

    private String shared(ResultSet rs, String column) throws SQLException {
        return shared.share(rs.getString(column));
    }

    private MonitoringRow storedForm(MonitoringRow row) {
        check("run_id", row.runId(), MonitoringSql.RUN_ID_MAX);
        check("environment", row.environment(), MonitoringSql.ENVIRONMENT_MAX);
        check("stage", row.stage(), MonitoringSql.STAGE_MAX);
        check("activity", row.activity(), MonitoringSql.ACTIVITY_MAX);
        row.item().ifPresent(v -> check("item", v, MonitoringSql.ITEM_MAX));
        check("status", row.status().wireName(), MonitoringSql.STATUS_MAX);
        row.jobInstanceId().ifPresent(v -> check("job_instance_id", v, MonitoringSql.JOB_INSTANCE_ID_MAX));
        row.errorCode().ifPresent(v -> check("error_code", v, MonitoringSql.ERROR_CODE_MAX));
        check("operator", row.operator(), MonitoringSql.OPERATOR_MAX);
        return new MonitoringRow(row.id(), row.runId(), row.environment(), row.stage(), row.activity(), row.item(),
                row.attempt(), row.status(), row.jobInstanceId(), row.startedAt().truncatedTo(ChronoUnit.MILLIS),
                row.endedAt().map(t -> t.truncatedTo(ChronoUnit.MILLIS)), row.rowsRead(), row.rowsWritten(),
                row.errorCode(),
                row.errorMessage().map(m -> truncateUtf8(m, MonitoringSql.ERROR_MESSAGE_MAX_BYTES)),
                row.operator());
    }

    private void check(String column, String value, int maxBytes) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new MonitoringStoreException("Cannot store a monitoring row in " + description + ": " + column
                    + " is " + bytes + " bytes long, the column holds " + maxBytes + ".");
        }
    }

    /**
     * {@code text} cut so that it, with the mark, fits in {@code maxBytes} of UTF-8; never splits a character,
     * surrogate pairs included.
     */
    static String truncateUtf8(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - TRUNCATION_MARK.getBytes(StandardCharsets.UTF_8).length;
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (used + size > budget) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + TRUNCATION_MARK;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return Optional.ofNullable(value).map(v -> v.toInstant(ZoneOffset.UTC));
    }

    private static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static void setString(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static void setLong(PreparedStatement statement, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.getAsLong());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    private MonitoringStoreException failure(String action, SQLException e) {
        return new MonitoringStoreException("Cannot " + action + " in " + description + ": "
                + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown database error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A SELECT assembled from {@link MonitoringSql} fragments and its parameters. Not thread-safe. */
    private static final class Select {
        private final StringBuilder sql;
        private final List<Object> parameters = new ArrayList<>();

        Select(String start) {
            this.sql = new StringBuilder(start);
        }

        Select bind(Object value) {
            parameters.add(value);
            return this;
        }

        Select append(String fragment) {
            sql.append(fragment);
            return this;
        }

        Select filter(MonitoringQuery filter) {
            filter.environment().ifPresent(v -> append(MonitoringSql.AND_ENVIRONMENT).bind(v));
            filter.runId().ifPresent(v -> append(MonitoringSql.AND_RUN_ID).bind(v));
            filter.stage().ifPresent(v -> append(MonitoringSql.AND_STAGE).bind(v));
            filter.status().ifPresent(v -> append(MonitoringSql.AND_STATUS).bind(v.wireName()));
            filter.normalisedText().ifPresent(v -> append(MonitoringSql.AND_TEXT).bind(v).bind(v).bind(v).bind(v));
            return this;
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            try {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return statement;
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
        }
    }

    /**
     * One subscription. {@link #wake} may be called from any thread and coalesces: at most one drain is queued at a
     * time, and drains of one follower never overlap.
     */
    private final class Follower implements Subscription {
        private final MonitoringQuery filter;
        private final Consumer<List<MonitoringRow>> consumer;
        private final AtomicBoolean queued = new AtomicBoolean();
        private final Object drainLock = new Object();
        private volatile boolean closed;
        private volatile ScheduledFuture<?> poll;
        /** Every id up to it was delivered or filtered out. Written under drainLock. */
        private volatile long handled;
        /** The missing id the follower is waiting for, and since when; -1 when not waiting. Under drainLock. */
        private long gapAt = -1;
        private long gapSince;
        /** Whether the last drain failed, so a database outage is logged once, not on every poll. */
        private boolean failing;

        Follower(long afterId, MonitoringQuery filter, Consumer<List<MonitoringRow>> consumer) {
            this.handled = afterId;
            this.filter = filter;
            this.consumer = consumer;
        }

        void wake() {
            if (closed || !queued.compareAndSet(false, true)) {
                return;
            }
            try {
                scheduler.execute(this::drain);
            } catch (RejectedExecutionException shutDown) {
                queued.set(false);
            }
        }

        private void drain() {
            // Cleared before reading, so an append committed during this drain queues another one.
            queued.set(false);
            synchronized (drainLock) {
                try {
                    while (!closed) {
                        long horizon = settledHorizon();
                        if (horizon <= handled) {
                            break;
                        }
                        Select select = new Select(MonitoringSql.SELECT_RANGE).bind(handled).bind(horizon)
                                .filter(filter).append(MonitoringSql.ORDER_BY_ID);
                        List<MonitoringRow> rows = query(select);
                        handled = horizon;
                        if (!rows.isEmpty() && !closed) {
                            deliver(rows);
                        }
                    }
                    if (failing) {
                        LOG.info("Following {} again", description);
                        failing = false;
                    }
                } catch (MonitoringStoreException e) {
                    if (!failing) {
                        LOG.warn("Cannot follow new monitoring rows, retrying every {}: {}", options.pollInterval(),
                                e.getMessage());
                        failing = true;
                    }
                }
            }
        }

        /**
         * The highest id up to which every id is committed or given up on, looking at most one batch ahead. Ids
         * are read without the filter, so rows that do not match are not mistaken for gaps.
         */
        private long settledHorizon() {
            List<Long> ids = idsAfter(handled, options.batchSize());
            long horizon = handled;
            for (long id : ids) {
                if (id == horizon + 1) {
                    horizon = id;
                    continue;
                }
                long missing = horizon + 1;
                long now = nanoTime.getAsLong();
                if (gapAt != missing) {
                    gapAt = missing;
                    gapSince = now;
                }
                if (now - gapSince < options.gapGrace().toNanos()) {
                    return horizon;
                }
                LOG.debug("Monitoring ids {} to {} in {} were never committed; skipping them", missing, id - 1,
                        description);
                gapAt = -1;
                horizon = id;
            }
            return horizon;
        }

        private void deliver(List<MonitoringRow> rows) {
            try {
                consumer.accept(List.copyOf(rows));
            } catch (RuntimeException e) {
                LOG.error("A monitoring row consumer failed on rows {} to {}", rows.get(0).id().getAsLong(),
                        rows.get(rows.size() - 1).id().getAsLong(), e);
            }
        }

        @Override
        public long lastId() {
            return handled;
        }

        @Override
        public void close() {
            closed = true;
            followers.remove(this);
            ScheduledFuture<?> task = poll;
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
