package org.dbb.console.core.engine;

import java.time.Instant;
import java.util.Optional;

/** The identity of one attempt, for its events and monitoring rows. Immutable. */
record AttemptLog(StepKey key, int attempt, Optional<String> item, Instant startedAt, Optional<String> jobId) {

    AttemptLog withJobId(String id) {
        return new AttemptLog(key, attempt, item, startedAt, Optional.of(id));
    }
}
