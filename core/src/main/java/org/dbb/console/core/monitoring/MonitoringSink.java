package org.dbb.console.core.monitoring;

import java.util.List;

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

    /**
     * The rows of {@code runId} stored with ids above {@code afterId}, oldest first: what a resumed run looks for
     * when the console stopped between storing a row and recording that it had. A sink that cannot read back
     * answers none; a resumed run then may store that one row again.
     *
     * @throws MonitoringStoreException when the rows cannot be read
     */
    default List<MonitoringRow> rowsOfRunAfter(String runId, long afterId) {
        return List.of();
    }
}
