package org.dbb.console.core.timeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.dbb.console.core.engine.Breach;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;

/**
 * One row of the timeline: a step (activity, fan-out item, branch activity, semantic model, or a child pipeline's
 * activity run) with its attempts and waits, and the rows nested under it. Immutable; thread-safe.
 *
 * @param key          the step's key; for a Fabric child pipeline's activity, the parent's key with the activity
 *                     name appended
 * @param label        what the row shows (the last path segment, or the model name)
 * @param type         the activity type ({@code InvokePipeline}, {@code TridentNotebook}, {@code Lookup},
 *                     {@code SemanticModelRefresh}, …)
 * @param state        the step's state now
 * @param waiting      why it waits, while it is WAITING
 * @param attempts     its attempts, oldest first
 * @param waits        the spans it spent WAITING, oldest first (the last one open while it waits)
 * @param itemId       the Fabric item (or semantic model) it runs, when it runs one
 * @param message      why it failed or was skipped
 * @param reusedFrom   the original run a re-run took this step's result from
 * @param breaches     threshold breaches a monitoring notebook reported
 * @param overrunTarget a refresh's target duration, when the refresh overran it
 * @param activityRunsNote for a Fabric child run: how its activity runs were found ("matched by time window")
 * @param children     nested rows: fan-out items, branch activities, models, a child pipeline's activities
 */
public record StepRow(StepKey key, String label, String type, StepState state, Optional<WaitReason> waiting,
        List<AttemptSpan> attempts, List<WaitSpan> waits, Optional<String> itemId, Optional<String> message,
        Optional<String> reusedFrom, List<Breach> breaches, Optional<Duration> overrunTarget,
        Optional<String> activityRunsNote, List<StepRow> children) {

    public StepRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(waiting, "waiting");
        attempts = List.copyOf(attempts);
        waits = List.copyOf(waits);
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reusedFrom, "reusedFrom");
        breaches = List.copyOf(breaches);
        Objects.requireNonNull(overrunTarget, "overrunTarget");
        Objects.requireNonNull(activityRunsNote, "activityRunsNote");
        children = List.copyOf(children);
    }

    /** This row followed by every row nested under it, depth first. */
    public Stream<StepRow> flatten() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(StepRow::flatten));
    }

    /** Whether any attempt but the last failed or timed out, so the view can mark retries at a glance. */
    public boolean retried() {
        return attempts.size() > 1;
    }
}
