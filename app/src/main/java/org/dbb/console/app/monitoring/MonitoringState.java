package org.dbb.console.app.monitoring;

/** Where the monitoring page stands; the view switches what it shows on it. Immutable. */
public enum MonitoringState {
    /** No environment is selected and no run was asked for: nothing to show. */
    NO_ENVIRONMENT,
    /** The newest rows are being read; {@code waitingFor} says from where. */
    LOADING,
    /** The rows are shown and new ones are followed. */
    LIVE,
    /** The store could not be read; the message says why and {@code reload} tries again. */
    FAILED
}
