package org.dbb.console.core.monitoring;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which monitoring rows to read: every given criterion must hold; an empty one matches every row. Immutable.
 *
 * @param environment the environment name, matched exactly
 * @param runId       the run id, matched exactly
 * @param stage       the stage name, matched exactly
 * @param status      the status
 * @param text        free text found, ignoring case, in the activity, item, error code or error message
 */
public record MonitoringQuery(Optional<String> environment, Optional<String> runId, Optional<String> stage,
                              Optional<MonitoringStatus> status, Optional<String> text) {

    /** Every row. */
    public static final MonitoringQuery ALL = new MonitoringQuery(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public MonitoringQuery {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        text = text.filter(t -> !t.isEmpty());
    }

    public MonitoringQuery withEnvironment(String value) {
        return new MonitoringQuery(Optional.of(value), runId, stage, status, text);
    }

    public MonitoringQuery withRunId(String value) {
        return new MonitoringQuery(environment, Optional.of(value), stage, status, text);
    }

    public MonitoringQuery withStage(String value) {
        return new MonitoringQuery(environment, runId, Optional.of(value), status, text);
    }

    public MonitoringQuery withStatus(MonitoringStatus value) {
        return new MonitoringQuery(environment, runId, stage, Optional.of(value), text);
    }

    public MonitoringQuery withText(String value) {
        return new MonitoringQuery(environment, runId, stage, status, Optional.of(value));
    }

    /** The free text as the store compares it: lower case, independent of the database's collation. */
    Optional<String> normalisedText() {
        return text.map(t -> t.toLowerCase(Locale.ROOT));
    }
}
