package org.dbb.console.app.monitoring;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

/** Monitoring rows for tests, as the engine writes them. Stateless. */
final class MonitoringRows {

    static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    private MonitoringRows() {
    }

    static MonitoringRow row(String runId, String environment, String stage, String activity,
                             MonitoringStatus status) {
        boolean ended = status != MonitoringStatus.IN_PROGRESS;
        boolean failed = status == MonitoringStatus.FAILED || status == MonitoringStatus.TIMED_OUT;
        return new MonitoringRow(OptionalLong.empty(), runId, environment, stage, activity, Optional.empty(), 1,
                status, Optional.empty(), T0, ended ? Optional.of(T0.plusMillis(4_200)) : Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), failed ? Optional.of("E42") : Optional.empty(),
                failed ? Optional.of("Source busy") : Optional.empty(), "ops");
    }

    static MonitoringRow full(String runId, String environment) {
        return new MonitoringRow(OptionalLong.empty(), runId, environment, "Semantic refresh", "Refresh models",
                Optional.of("Sales, EMEA"), 2, MonitoringStatus.FAILED,
                Optional.of("5e0c3f0e-5c1b-4b5e-9f5e-000000000001"), T0, Optional.of(T0.plusMillis(93_004)),
                OptionalLong.of(1_200), OptionalLong.of(1_180), Optional.of("ModelRefreshFailed"),
                Optional.of("line one\nline \"two\""), "alice@contoso.com");
    }
}
