package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a conductor run ended: {@code CANCELLED} when {@link ConductorRun#cancel()} was called, else
 * {@code FAILED} when any model failed after its retries, else {@code SUCCEEDED}. Immutable.
 *
 * @param state     the run's end state
 * @param models    every model, in list order
 * @param startedAt when the run started
 * @param endedAt   when its last model ended
 */
public record ConductorResult(ModelState state, List<ModelResult> models, Instant startedAt, Instant endedAt) {

    public ConductorResult {
        Objects.requireNonNull(state, "state");
        models = List.copyOf(models);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (!state.isTerminal()) {
            throw new IllegalArgumentException("a result needs a terminal state, not " + state);
        }
    }

    public Optional<ModelResult> model(String name) {
        return models.stream().filter(m -> m.model().equals(name)).findFirst();
    }

    /** The models that failed after their retries. */
    public List<ModelResult> failed() {
        return models.stream().filter(m -> m.state() == ModelState.FAILED).toList();
    }

    /** From the start of the run to the end of its last model. */
    public Duration makespan() {
        return Duration.between(startedAt, endedAt);
    }
}
