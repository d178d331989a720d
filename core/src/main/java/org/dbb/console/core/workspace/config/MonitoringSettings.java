package org.dbb.console.core.workspace.config;

import java.util.Optional;

/**
 * Where {@code meta.monitoring_integration} rows are kept: the embedded database, or a Fabric Warehouse through
 * its SQL endpoint. Immutable.
 *
 * @param store    which store
 * @param server   the SQL endpoint host (warehouse only)
 * @param database the warehouse name (warehouse only)
 */
public record MonitoringSettings(Store store, Optional<String> server, Optional<String> database) {

    /** The kinds of monitoring store. */
    public enum Store {
        EMBEDDED, WAREHOUSE
    }

    public static final MonitoringSettings EMBEDDED = new MonitoringSettings(Store.EMBEDDED, Optional.empty(),
            Optional.empty());
}
