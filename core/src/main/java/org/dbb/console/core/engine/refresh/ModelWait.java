package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a model is not refreshing right now although the run still wants it to: the step's {@code WAITING(reason)}.
 * Switch on {@link #kind()}; {@link #reason()} is the sentence to show operators. Immutable.
 */
public sealed interface ModelWait permits ModelWait.Slot, ModelWait.ModelBusy, ModelWait.RetryAt,
        ModelWait.Throttled {

    /** The kinds of wait, one per record. */
    enum Kind {
        /** Every concurrency slot is taken. */
        SLOT,
        /** Another refresh of the model is executing in Power BI. */
        MODEL_BUSY,
        /** An attempt failed; the next one starts at a given time. */
        RETRY_AT,
        /** Power BI throttled the request; nothing is sent before a given time. */
        THROTTLED
    }

    Kind kind();

    /** One sentence for operators. */
    String reason();

    /**
     * Every slot is taken.
     *
     * @param heldBy the models holding the slots, in list order
     * @param cap    the cap at the time
     */
    record Slot(List<String> heldBy, int cap) implements ModelWait {

        public Slot {
            heldBy = List.copyOf(heldBy);
        }

        @Override
        public Kind kind() {
            return Kind.SLOT;
        }

        @Override
        public String reason() {
            return "waiting for a concurrency slot (" + heldBy.size() + " of " + cap + " held"
                    + (heldBy.isEmpty() ? "" : " by " + String.join(", ", heldBy)) + ")";
        }
    }

    /**
     * Power BI refused the refresh because another refresh of the model is executing (a schedule, the portal,
     * another tool). The conductor watches the model's history and starts its own refresh once that one ends.
     *
     * @param refreshId   the running refresh's id, when the history named it
     * @param refreshType how it was started ({@code Scheduled}, {@code ViaApi} …), when known
     * @param since       when it started, when known
     */
    record ModelBusy(Optional<String> refreshId, Optional<String> refreshType, Optional<Instant> since)
            implements ModelWait {

        public ModelBusy {
            Objects.requireNonNull(refreshId, "refreshId");
            Objects.requireNonNull(refreshType, "refreshType");
            Objects.requireNonNull(since, "since");
        }

        static ModelBusy unknown() {
            return new ModelBusy(Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public Kind kind() {
            return Kind.MODEL_BUSY;
        }

        @Override
        public String reason() {
            StringBuilder s = new StringBuilder("model busy in Power BI: another refresh");
            refreshType.ifPresent(t -> s.append(" (").append(t).append(')'));
            refreshId.ifPresent(id -> s.append(' ').append(id));
            since.ifPresent(t -> s.append(" running since ").append(t));
            return s.append(" is executing; ours starts when it ends").toString();
        }
    }

    /**
     * An attempt failed and the policy allows another.
     *
     * @param at          when the next attempt becomes ready (it may still wait for a slot)
     * @param nextAttempt its number
     */
    record RetryAt(Instant at, int nextAttempt) implements ModelWait {

        public RetryAt {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Kind kind() {
            return Kind.RETRY_AT;
        }

        @Override
        public String reason() {
            return "attempt " + nextAttempt + " at " + at;
        }
    }

    /**
     * Power BI answered 429 after the transport's own retries.
     *
     * @param until      when the conductor tries again
     * @param retryAfter the {@code Retry-After} Power BI sent, if any
     */
    record Throttled(Instant until, Optional<Duration> retryAfter) implements ModelWait {

        public Throttled {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public Kind kind() {
            return Kind.THROTTLED;
        }

        @Override
        public String reason() {
            return "throttled by Power BI until " + until
                    + retryAfter.map(d -> " (Retry-After " + d.toSeconds() + " s)").orElse("");
        }
    }
}
