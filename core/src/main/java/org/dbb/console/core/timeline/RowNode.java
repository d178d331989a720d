package org.dbb.console.core.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.Breach;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;

/**
 * One step row while it changes. It keeps the {@link StepRow} it last produced and produces a new one only after
 * it or a row under it changed, so an unchanged subtree costs nothing in the next snapshot. Confined to one thread.
 */
final class RowNode {

    final StepKey key;
    final RowNode parent;
    final LaneNode lane;
    final List<RowNode> children = new ArrayList<>();
    /** Where the row goes among its siblings; -1 when its source gives no order (it goes after those seen). */
    int position = -1;
    String type = "";
    StepState state = StepState.PENDING;
    Optional<WaitReason> waiting = Optional.empty();
    final List<AttemptSpan> attempts = new ArrayList<>();
    final List<WaitSpan> waits = new ArrayList<>();
    Optional<String> itemId = Optional.empty();
    Optional<String> message = Optional.empty();
    Optional<String> reusedFrom = Optional.empty();
    List<Breach> breaches = List.of();
    Optional<Duration> overrunTarget = Optional.empty();
    Optional<String> activityRunsNote = Optional.empty();
    private StepRow snapshot;
    private boolean dirty;

    RowNode(StepKey key, RowNode parent, LaneNode lane) {
        this.key = key;
        this.parent = parent;
        this.lane = lane;
    }

    /**
     * Marks this row and every row above it for rebuilding. A row marked already has its ancestors marked, so the
     * walk stops there.
     */
    void touched() {
        for (RowNode row = this; row != null && !row.dirty; row = row.parent) {
            row.dirty = true;
        }
        lane.touched();
    }

    StepRow snapshot() {
        if (snapshot != null && !dirty) {
            return snapshot;
        }
        StepRow[] rows = new StepRow[children.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = children.get(i).snapshot();
        }
        snapshot = new StepRow(key, key.name(), type, state, waiting, attempts, waits, itemId, message, reusedFrom,
                breaches, overrunTarget, activityRunsNote, Arrays.asList(rows));
        dirty = false;
        return snapshot;
    }

    // Changes; each marks the row

    void state(StepState to, Optional<WaitReason> reason, Instant at) {
        state = to;
        waiting = to == StepState.WAITING ? reason : Optional.empty();
        WaitSpan open = waits.isEmpty() ? null : waits.get(waits.size() - 1);
        boolean stillOpen = open != null && open.end().isEmpty();
        if (reason.isPresent() && to == StepState.WAITING) {
            if (stillOpen && open.reason().kind() == reason.get().kind()) {
                // the same wait goes on with a new sentence (other slot holders): one span, the latest sentence
                waits.set(waits.size() - 1, new WaitSpan(reason.get(), open.start(), Optional.empty()));
            } else {
                closeWait(at);
                waits.add(new WaitSpan(reason.get(), at, Optional.empty()));
            }
        } else {
            closeWait(at);
        }
        touched();
    }

    private void closeWait(Instant at) {
        int last = waits.size() - 1;
        if (last >= 0 && waits.get(last).end().isEmpty()) {
            WaitSpan open = waits.get(last);
            waits.set(last, new WaitSpan(open.reason(), open.start(), Optional.of(later(open.start(), at))));
        }
    }

    /** Attempt {@code number} began at {@code at}; an attempt already known keeps its start. */
    void attemptStarted(int number, Instant at, Optional<String> jobInstanceId) {
        int index = attemptIndex(number);
        if (index < 0) {
            attempts.add(new AttemptSpan(number, at, Optional.empty(), Optional.empty(), jobInstanceId,
                    Optional.empty(), Optional.empty(), Optional.empty()));
        } else {
            AttemptSpan known = attempts.get(index);
            attempts.set(index, new AttemptSpan(number, known.start(), known.end(), known.status(),
                    jobInstanceId.or(known::jobInstanceId), known.errorCode(), known.message(), known.requestId()));
        }
        touched();
    }

    /**
     * Attempt {@code number} ended; {@code start} is when it really began (the engine announces an attempt once
     * Fabric accepted it, but measures it from the submission).
     */
    void attemptEnded(int number, Instant start, Instant end, AttemptStatus status, Optional<String> errorCode,
            Optional<String> errorMessage, Optional<String> requestId) {
        int index = attemptIndex(number);
        Optional<String> jobInstanceId = index < 0 ? Optional.empty() : attempts.get(index).jobInstanceId();
        AttemptSpan ended = new AttemptSpan(number, start, Optional.of(later(start, end)), Optional.of(status),
                jobInstanceId, errorCode, errorMessage, requestId);
        if (index < 0) {
            attempts.add(ended);
        } else {
            attempts.set(index, ended);
        }
        touched();
    }

    void breaches(List<Breach> found) {
        breaches = List.copyOf(found);
        touched();
    }

    void overrun(Duration target) {
        overrunTarget = Optional.of(target);
        touched();
    }

    boolean hasOpenAttempt() {
        return !attempts.isEmpty() && attempts.get(attempts.size() - 1).running();
    }

    private int attemptIndex(int number) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).attempt() == number) {
                return i;
            }
        }
        return -1;
    }

    private static Instant later(Instant start, Instant end) {
        return end.isBefore(start) ? start : end;
    }
}
