package org.dbb.console.core.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of {@code meta.monitoring_integration}: what one attempt of one activity (or one semantic-model refresh,
 * or one monitoring check) did in one run. Immutable.
 *
 * @param id               the store's sequence number; empty until the row is stored
 * @param runId            the console run id (or the Fabric job instance id of a run Fabric started)
 * @param environment      the environment name, e.g. {@code PROD}
 * @param stage            the stage name, e.g. {@code Transformation}
 * @param activity         the top-level activity, e.g. {@code Run transformation pipeline}
 * @param item             the Fabric item or semantic model the attempt ran, when there is one
 * @param attempt          1 for the first attempt
 * @param status           what the row records
 * @param jobInstanceId    the Fabric job instance id or Power BI refresh id, when there is one
 * @param startedAt        when the attempt started (UTC)
 * @param endedAt          when it ended; empty on the row written at its start
 * @param rowsRead         rows read, when Fabric reports them
 * @param rowsWritten      rows written, when Fabric reports them
 * @param errorCode        the service's error code, for failures
 * @param errorMessage     the service's error message, for failures and breaches
 * @param operator         who launched the run (OS user or signed-in account), or {@code Fabric schedule}
 */
public record MonitoringRow(OptionalLong id, String runId, String environment, String stage, String activity,
                            Optional<String> item, int attempt, MonitoringStatus status,
                            Optional<String> jobInstanceId, Instant startedAt, Optional<Instant> endedAt,
                            OptionalLong rowsRead, OptionalLong rowsWritten, Optional<String> errorCode,
                            Optional<String> errorMessage, String operator) {

    public MonitoringRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(jobInstanceId, "jobInstanceId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(rowsRead, "rowsRead");
        Objects.requireNonNull(rowsWritten, "rowsWritten");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(operator, "operator");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
        }
    }

    /** How long the attempt took, once it has ended. */
    public Optional<Duration> duration() {
        return endedAt.map(end -> Duration.between(startedAt, end));
    }

    /** This row with the id the store gave it. */
    public MonitoringRow withId(long storedId) {
        return new MonitoringRow(OptionalLong.of(storedId), runId, environment, stage, activity, item, attempt,
                status, jobInstanceId, startedAt, endedAt, rowsRead, rowsWritten, errorCode, errorMessage, operator);
    }
}
