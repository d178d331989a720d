package org.dbb.console.core.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.StepState;

/**
 * One stage of a {@link RunTimeline}: its state, its span and its top-level step rows. Immutable; thread-safe.
 *
 * @param number     1-based position in run order
 * @param name       the stage name
 * @param state      the stage's state
 * @param start      when its first step started
 * @param end        when it ended
 * @param estimate   how long it usually takes (median of past successful runs), when there is history
 * @param reason     why it was skipped or failed, for operators
 * @param reusedFrom the original run a re-run took this stage's result from
 * @param steps      its top-level steps in layout order, each with its nested rows
 */
public record StageLane(int number, String name, StepState state, Optional<Instant> start, Optional<Instant> end,
        Optional<Duration> estimate, Optional<String> reason, Optional<String> reusedFrom, List<StepRow> steps) {

    public StageLane {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reusedFrom, "reusedFrom");
        steps = List.copyOf(steps);
    }
}
