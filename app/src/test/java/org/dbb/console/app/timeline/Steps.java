package org.dbb.console.app.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.Breach;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;
import org.dbb.console.core.timeline.AttemptSpan;
import org.dbb.console.core.timeline.StepRow;
import org.dbb.console.core.timeline.WaitSpan;

/**
 * Builds {@link StepRow}s by hand for tests, with times given in seconds after a fixed run start. Not thread-safe.
 */
public final class Steps {

    private final Instant t0;
    private final StepKey key;
    private final String type;
    private String label;
    private StepState state = StepState.PENDING;
    private WaitReason waiting;
    private final List<AttemptSpan> attempts = new ArrayList<>();
    private final List<WaitSpan> waits = new ArrayList<>();
    private String itemId;
    private String message;
    private String reusedFrom;
    private final List<Breach> breaches = new ArrayList<>();
    private Duration overrunTarget;
    private String activityRunsNote;
    private final List<StepRow> children = new ArrayList<>();

    private Steps(Instant t0, StepKey key, String type) {
        this.t0 = t0;
        this.key = key;
        this.type = type;
        this.label = key.name();
    }

    /** A step {@code key} of {@code type} whose times count from {@code t0}. */
    public static Steps step(Instant t0, StepKey key, String type) {
        return new Steps(t0, key, type);
    }

    public Steps label(String text) {
        label = text;
        return this;
    }

    public Steps state(StepState next) {
        state = next;
        return this;
    }

    /** An ended attempt from {@code from} to {@code to} seconds. */
    public Steps attempt(long from, long to, AttemptStatus status, String jobId) {
        attempts.add(new AttemptSpan(attempts.size() + 1, at(from), Optional.of(at(to)), Optional.of(status),
                Optional.ofNullable(jobId), Optional.empty(), Optional.empty(), Optional.empty()));
        return this;
    }

    /** A failed attempt with the service's error. */
    public Steps failedAttempt(long from, long to, String jobId, String code, String text, String requestId) {
        attempts.add(new AttemptSpan(attempts.size() + 1, at(from), Optional.of(at(to)),
                Optional.of(AttemptStatus.FAILED), Optional.ofNullable(jobId), Optional.ofNullable(code),
                Optional.ofNullable(text), Optional.ofNullable(requestId)));
        return this;
    }

    /** An attempt still in flight since {@code from}. */
    public Steps runningAttempt(long from, String jobId) {
        attempts.add(new AttemptSpan(attempts.size() + 1, at(from), Optional.empty(), Optional.empty(),
                Optional.ofNullable(jobId), Optional.empty(), Optional.empty(), Optional.empty()));
        return this;
    }

    /** An ended wait. */
    public Steps waited(WaitReason reason, long from, long to) {
        waits.add(new WaitSpan(reason, at(from), Optional.of(at(to))));
        return this;
    }

    /** A wait still open since {@code from}; the step is WAITING for {@code reason}. */
    public Steps waiting(WaitReason reason, long from) {
        waits.add(new WaitSpan(reason, at(from), Optional.empty()));
        waiting = reason;
        state = StepState.WAITING;
        return this;
    }

    public Steps item(String id) {
        itemId = id;
        return this;
    }

    public Steps message(String text) {
        message = text;
        return this;
    }

    public Steps reusedFrom(String run) {
        reusedFrom = run;
        return this;
    }

    public Steps breach(String table, String check, String actual, String expected) {
        breaches.add(new Breach(Optional.of(table), Optional.of(check), Optional.of(actual), Optional.of(expected)));
        return this;
    }

    public Steps overran(Duration target) {
        overrunTarget = target;
        return this;
    }

    public Steps activityRunsNote(String note) {
        activityRunsNote = note;
        return this;
    }

    public Steps child(StepRow row) {
        children.add(row);
        return this;
    }

    public Steps children(List<StepRow> rows) {
        children.addAll(rows);
        return this;
    }

    public StepRow build() {
        return new StepRow(key, label, type, state, Optional.ofNullable(waiting), attempts, waits,
                Optional.ofNullable(itemId), Optional.ofNullable(message), Optional.ofNullable(reusedFrom), breaches,
                Optional.ofNullable(overrunTarget), Optional.ofNullable(activityRunsNote), children);
    }

    private Instant at(long seconds) {
        return t0.plusSeconds(seconds);
    }
}
