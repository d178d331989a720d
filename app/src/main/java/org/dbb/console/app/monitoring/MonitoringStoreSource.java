package org.dbb.console.app.monitoring;

import org.dbb.console.core.monitoring.JdbcMonitoringStore;

/**
 * Where an environment's monitoring rows are kept: the console's embedded store, or the environment's Fabric
 * Warehouse. Called on a background thread (opening a store may migrate a schema or sign in); may be called
 * from any thread.
 */
@FunctionalInterface
public interface MonitoringStoreSource {

    /**
     * The store holding {@code environment}'s rows.
     *
     * @param environment the environment's name, or null when a run is shown with no environment selected
     * @throws RuntimeException with a message for the operator when the store cannot be opened
     */
    JdbcMonitoringStore storeFor(String environment);
}
