package org.dbb.console.core.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a {@link StepState#WAITING} step cannot go on yet, with a sentence for operators. Immutable.
 *
 * @param kind    what it waits for
 * @param text    the sentence to show, e.g. "retry at 10:42:07Z (attempt 2 of 4)"
 * @param holders the steps or models it waits for (upstream steps, slot holders, the busy model)
 * @param until   when the wait ends, when that is known (retries, throttling)
 */
public record WaitReason(Kind kind, String text, List<String> holders, Optional<Instant> until) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** What a step waits for. Immutable. */
    public enum Kind {
        /** Dependencies that have not ended yet. */
        UPSTREAM,
        /** A concurrency slot of a fan-out or the refresh cap, held by other items. */
        SLOT_HELD,
        /** The next attempt, scheduled by the retry policy. */
        RETRY_AT,
        /** Power BI is already refreshing the model (a scheduled or portal refresh). */
        MODEL_BUSY,
        /** The service throttled the console (429/430) and asked it to wait. */
        THROTTLED,
        /** Fabric accepted the job but has not started it (status NotStarted, e.g. Spark starting). */
        QUEUED_IN_FABRIC
    }

    public WaitReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        holders = List.copyOf(holders);
        Objects.requireNonNull(until, "until");
    }

    public static WaitReason upstream(List<String> steps) {
        return new WaitReason(Kind.UPSTREAM, "waiting for " + String.join(", ", steps) + " to finish", steps,
                Optional.empty());
    }

    public static WaitReason slotHeld(List<String> holders, int slots) {
        String by = holders.isEmpty() ? "" : ", held by " + String.join(", ", holders);
        return new WaitReason(Kind.SLOT_HELD, "waiting for one of " + slots + (slots == 1 ? " slot" : " slots")
                + by, holders, Optional.empty());
    }

    public static WaitReason retryAt(Instant at, int nextAttempt, int maxAttempts) {
        return new WaitReason(Kind.RETRY_AT, "retry at " + TIME.format(at) + " (attempt " + nextAttempt + " of "
                + maxAttempts + ")", List.of(), Optional.of(at));
    }

    public static WaitReason modelBusy(String model, String text) {
        return new WaitReason(Kind.MODEL_BUSY, text, List.of(model), Optional.empty());
    }

    public static WaitReason throttled(Instant until, String text) {
        return new WaitReason(Kind.THROTTLED, text, List.of(), Optional.of(until));
    }

    public static WaitReason queuedInFabric(String jobInstanceId) {
        return new WaitReason(Kind.QUEUED_IN_FABRIC, "Fabric has not started job " + jobInstanceId
                + " yet (NotStarted)", List.of(), Optional.empty());
    }
}
