package org.dbb.console.core.engine;

import org.dbb.console.core.monitoring.MonitoringStatus;

/** How one attempt of a step ended. Immutable. */
public enum AttemptStatus {
    SUCCEEDED(MonitoringStatus.SUCCEEDED),
    /** Fabric or Power BI reported a failure (Failed, Deduped), or the request was refused. */
    FAILED(MonitoringStatus.FAILED),
    /** The run was cancelled while the attempt was in flight. */
    CANCELLED(MonitoringStatus.CANCELLED),
    /** The attempt ran past its policy timeout; the console cancelled it. Counts as a failed attempt. */
    TIMED_OUT(MonitoringStatus.TIMED_OUT);

    private final MonitoringStatus monitoringStatus;

    AttemptStatus(MonitoringStatus monitoringStatus) {
        this.monitoringStatus = monitoringStatus;
    }

    /** The status the attempt's end row carries in {@code meta.monitoring_integration}. */
    public MonitoringStatus monitoringStatus() {
        return monitoringStatus;
    }
}
