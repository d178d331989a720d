package org.dbb.console.core.fabric.powerbi;

import java.util.Objects;
import java.util.Optional;

/**
 * A table, or one partition of it, to refresh. Immutable.
 *
 * @param table     the table name
 * @param partition the partition name; empty refreshes the whole table
 */
public record RefreshObject(String table, Optional<String> partition) {

    public RefreshObject {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("table must not be blank");
        }
        Objects.requireNonNull(partition, "partition");
    }

    public static RefreshObject table(String table) {
        return new RefreshObject(table, Optional.empty());
    }

    public static RefreshObject partition(String table, String partition) {
        return new RefreshObject(table, Optional.of(partition));
    }
}
