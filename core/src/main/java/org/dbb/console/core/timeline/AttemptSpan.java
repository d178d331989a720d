package org.dbb.console.core.timeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.AttemptStatus;

/**
 * One attempt of a step on the timeline. The end fields are empty while it runs. Immutable; thread-safe.
 *
 * @param attempt       1-based attempt number
 * @param start         when it started (submitted)
 * @param end           when it ended
 * @param status        how it ended
 * @param jobInstanceId the Fabric job instance id, Power BI refresh id, or Fabric activity run id
 * @param errorCode     the service's error code, for failures
 * @param message       the service's error message, for failures
 * @param requestId     the service's request id, for failures
 */
public record AttemptSpan(int attempt, Instant start, Optional<Instant> end, Optional<AttemptStatus> status,
        Optional<String> jobInstanceId, Optional<String> errorCode, Optional<String> message,
        Optional<String> requestId) {

    public AttemptSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(jobInstanceId, "jobInstanceId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");
    }

    public boolean running() {
        return end.isEmpty();
    }
}
