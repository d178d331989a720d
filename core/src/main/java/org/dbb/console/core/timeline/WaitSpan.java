package org.dbb.console.core.timeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.WaitReason;

/**
 * A span a step spent WAITING, with why; the end is empty while it still waits. Immutable; thread-safe.
 *
 * @param reason why it waited
 * @param start  when the wait began
 * @param end    when it ended
 */
public record WaitSpan(WaitReason reason, Instant start, Optional<Instant> end) {

    public WaitSpan {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
