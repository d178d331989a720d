package org.dbb.console.core.fabric.powerbi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The progress of one enhanced refresh. Immutable.
 *
 * @param refreshId          the refresh id
 * @param state              from {@code extendedStatus} (see {@link RefreshState})
 * @param extendedStatusText {@code extendedStatus} as Power BI sent it (empty when absent)
 * @param statusText         {@code status} as Power BI sent it
 * @param startTime          when it started
 * @param endTime            when it ended; empty while running
 * @param type               the refresh type, as Power BI sent it
 * @param commitMode         the commit mode, as Power BI sent it
 * @param numberOfAttempts   attempts Power BI made so far
 * @param objects            per table/partition progress
 * @param messages           engine messages (errors and warnings)
 * @param attempts           the attempts
 * @param retryAfter         how long Power BI asked to wait before polling again, if it said
 */
public record RefreshDetail(String refreshId, RefreshState state, String extendedStatusText, String statusText,
        Optional<Instant> startTime, Optional<Instant> endTime, Optional<String> type, Optional<String> commitMode,
        int numberOfAttempts, List<RefreshObjectStatus> objects, List<RefreshMessage> messages,
        List<RefreshAttempt> attempts, Optional<Duration> retryAfter) {

    public RefreshDetail {
        Objects.requireNonNull(refreshId, "refreshId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(extendedStatusText, "extendedStatusText");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(commitMode, "commitMode");
        objects = List.copyOf(objects);
        messages = List.copyOf(messages);
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** The engine's error messages, for the monitoring row and the notification. */
    public List<RefreshMessage> errors() {
        return messages.stream().filter(RefreshMessage::isError).toList();
    }
}
