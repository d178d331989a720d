package org.dbb.console.core.monitoring;

/**
 * Where the engine writes monitoring rows. Implementations must be thread-safe: the engine appends from its
 * background tasks, one row at a time, in the order the attempts start and end.
 */
public interface MonitoringSink {

    /**
     * Stores {@code row} and returns it with the id the store gave it.
     *
     * @throws MonitoringStoreException when the row cannot be stored; the engine reports it and goes on
     */
    MonitoringRow append(MonitoringRow row);
}
