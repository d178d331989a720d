package org.dbb.console.core.fabric.powerbi;

import java.util.Objects;
import java.util.Optional;

/**
 * Progress of one table or partition within a refresh. Immutable.
 *
 * @param table      the table
 * @param partition  the partition, when the refresh named one
 * @param state      its state
 * @param statusText the status as Power BI sent it
 */
public record RefreshObjectStatus(String table, Optional<String> partition, RefreshState state, String statusText) {

    public RefreshObjectStatus {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(statusText, "statusText");
    }
}
