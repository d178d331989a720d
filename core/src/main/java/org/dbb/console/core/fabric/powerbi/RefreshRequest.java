package org.dbb.console.core.fabric.powerbi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The body of an enhanced refresh. Enhanced (rather than standard) so that Power BI returns the refresh id and the
 * refresh can be polled and cancelled; {@code notifyOption} is therefore never sent. Immutable; build with
 * {@link #builder()}.
 *
 * @param type               what the refresh does
 * @param commitMode         transactional or per batch
 * @param maxParallelism     parallel processing commands (Power BI's default: 10)
 * @param retryCount         retries Power BI itself makes (default 0)
 * @param objects            tables or partitions; empty refreshes the whole model
 * @param applyRefreshPolicy whether incremental refresh policies apply (must be false with PartialBatch)
 * @param effectiveDate      the "today" of incremental refresh policies
 * @param timeout            per-attempt timeout, under 24 h (Power BI's default: 5 h)
 */
public record RefreshRequest(RefreshType type, CommitMode commitMode, OptionalInt maxParallelism,
        OptionalInt retryCount, List<RefreshObject> objects, Optional<Boolean> applyRefreshPolicy,
        Optional<LocalDate> effectiveDate, Optional<Duration> timeout) {

    private static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    public RefreshRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(commitMode, "commitMode");
        Objects.requireNonNull(maxParallelism, "maxParallelism");
        Objects.requireNonNull(retryCount, "retryCount");
        objects = List.copyOf(objects);
        Objects.requireNonNull(applyRefreshPolicy, "applyRefreshPolicy");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(timeout, "timeout");
        if (maxParallelism.isPresent() && maxParallelism.getAsInt() < 1) {
            throw new IllegalArgumentException("maxParallelism must be at least 1");
        }
        if (retryCount.isPresent() && retryCount.getAsInt() < 0) {
            throw new IllegalArgumentException("retryCount must not be negative");
        }
        if (commitMode == CommitMode.PARTIAL_BATCH && applyRefreshPolicy.orElse(false)) {
            throw new IllegalArgumentException("applyRefreshPolicy must be false with commitMode PartialBatch");
        }
        if (timeout.isPresent() && (timeout.get().compareTo(Duration.ofSeconds(1)) < 0
                || timeout.get().compareTo(MAX_TIMEOUT) >= 0 || timeout.get().getNano() != 0)) {
            throw new IllegalArgumentException("timeout must be whole seconds between 00:00:01 and 23:59:59, was "
                    + timeout.get());
        }
    }

    /** A full, transactional refresh of the whole model with Power BI's defaults. */
    public static RefreshRequest full() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code applyRefreshPolicy} as sent: PartialBatch needs an explicit {@code false}. */
    Optional<Boolean> effectiveApplyRefreshPolicy() {
        return commitMode == CommitMode.PARTIAL_BATCH ? Optional.of(false) : applyRefreshPolicy;
    }

    /** The timeout as Power BI's {@code hh:mm:ss}. */
    Optional<String> timeoutText() {
        return timeout.map(t -> String.format("%02d:%02d:%02d", t.toHours(), t.toMinutesPart(), t.toSecondsPart()));
    }

    /** Collects a {@link RefreshRequest}. Not thread-safe. */
    public static final class Builder {

        private RefreshType type = RefreshType.FULL;
        private CommitMode commitMode = CommitMode.TRANSACTIONAL;
        private Integer maxParallelism;
        private Integer retryCount;
        private final List<RefreshObject> objects = new ArrayList<>();
        private Boolean applyRefreshPolicy;
        private LocalDate effectiveDate;
        private Duration timeout;

        private Builder() {
        }

        public Builder type(RefreshType value) {
            this.type = Objects.requireNonNull(value, "value");
            return this;
        }

        public Builder commitMode(CommitMode value) {
            this.commitMode = Objects.requireNonNull(value, "value");
            return this;
        }

        public Builder maxParallelism(int value) {
            this.maxParallelism = value;
            return this;
        }

        public Builder retryCount(int value) {
            this.retryCount = value;
            return this;
        }

        public Builder table(String table) {
            objects.add(RefreshObject.table(table));
            return this;
        }

        public Builder partition(String table, String partition) {
            objects.add(RefreshObject.partition(table, partition));
            return this;
        }

        public Builder applyRefreshPolicy(boolean value) {
            this.applyRefreshPolicy = value;
            return this;
        }

        public Builder effectiveDate(LocalDate value) {
            this.effectiveDate = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public RefreshRequest build() {
            return new RefreshRequest(type, commitMode,
                    maxParallelism == null ? OptionalInt.empty() : OptionalInt.of(maxParallelism),
                    retryCount == null ? OptionalInt.empty() : OptionalInt.of(retryCount), objects,
                    Optional.ofNullable(applyRefreshPolicy), Optional.ofNullable(effectiveDate),
                    Optional.ofNullable(timeout));
        }
    }
}
