package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dbb.console.core.emulator.scenario.RefreshFailure;

/**
 * One refresh of a semantic model with its timeline planned when it was accepted. Not thread-safe: guarded by the
 * emulator's state lock.
 */
final class RefreshRun {

    /** Refresh types as the history reports them. */
    static final String VIA_ENHANCED_API = "ViaEnhancedApi";
    static final String VIA_API = "ViaApi";
    static final String SCHEDULED = "Scheduled";

    private final UUID requestId;
    private final long id;
    private final UUID workspaceId;
    private final UUID modelId;
    private final String modelKey;
    private final String refreshType;
    private final Instant acceptedAt;
    private final Instant startedAt;
    private Instant endAt;
    private ExtendedStatus outcome;
    private final Optional<RefreshFailure> failure;
    private final String type;
    private final String commitMode;
    private final List<RefreshObject> objects;

    RefreshRun(UUID requestId, long id, UUID workspaceId, UUID modelId, String modelKey, String refreshType,
               Instant acceptedAt, Instant startedAt, Instant endAt, ExtendedStatus outcome,
               Optional<RefreshFailure> failure, String type, String commitMode, List<RefreshObject> objects) {
        this.requestId = requestId;
        this.id = id;
        this.workspaceId = workspaceId;
        this.modelId = modelId;
        this.modelKey = modelKey;
        this.refreshType = refreshType;
        this.acceptedAt = acceptedAt;
        this.startedAt = startedAt;
        this.endAt = endAt;
        this.outcome = outcome;
        this.failure = failure;
        this.type = type;
        this.commitMode = commitMode;
        this.objects = List.copyOf(objects);
    }

    UUID requestId() {
        return requestId;
    }

    long id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    UUID modelId() {
        return modelId;
    }

    /** {@code environment/model}, the key stats use. */
    String modelKey() {
        return modelKey;
    }

    String refreshType() {
        return refreshType;
    }

    /** Whether it was started through the REST API (the refreshes the console is accountable for). */
    boolean viaApi() {
        return refreshType.equals(VIA_ENHANCED_API) || refreshType.equals(VIA_API);
    }

    /** Only enhanced refreshes can be read or cancelled by id. */
    boolean addressable() {
        return refreshType.equals(VIA_ENHANCED_API);
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endAt() {
        return endAt;
    }

    String type() {
        return type;
    }

    String commitMode() {
        return commitMode;
    }

    List<RefreshObject> objects() {
        return objects;
    }

    Optional<RefreshFailure> failureAt(Instant now) {
        ExtendedStatus status = extendedStatusAt(now);
        return status == ExtendedStatus.FAILED || status == ExtendedStatus.TIMED_OUT ? failure : Optional.empty();
    }

    boolean visibleAt(Instant now) {
        return !acceptedAt.isAfter(now);
    }

    boolean inFlightAt(Instant now) {
        return visibleAt(now) && now.isBefore(endAt);
    }

    ExtendedStatus extendedStatusAt(Instant now) {
        if (!now.isBefore(endAt)) {
            return outcome;
        }
        return now.isBefore(startedAt) ? ExtendedStatus.NOT_STARTED : ExtendedStatus.IN_PROGRESS;
    }

    /** Stops a refresh in flight: it reads {@code Cancelled} from {@code now} on. */
    void cancel(Instant now) {
        if (now.isBefore(endAt)) {
            endAt = now;
            outcome = ExtendedStatus.CANCELLED;
        }
    }

    /**
     * A table or partition the refresh processes.
     *
     * @param table     the table
     * @param partition the partition (the table name when the model has one partition per table)
     */
    record RefreshObject(String table, String partition) {
    }
}
