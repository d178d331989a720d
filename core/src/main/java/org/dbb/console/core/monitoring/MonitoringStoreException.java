package org.dbb.console.core.monitoring;

/** The monitoring store could not be read or written; the message says which store and why, never a secret. */
public final class MonitoringStoreException extends RuntimeException {

    public MonitoringStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public MonitoringStoreException(String message) {
        super(message);
    }
}
