package org.dbb.console.core.launch;

import java.util.Objects;

import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.plan.EnvironmentCatalog;

/**
 * An environment connected to and looked up: the open connection and what its workspace holds. Closing it closes
 * the connection (stopping an in-process sandbox emulator). Thread-safe.
 */
public final class EnvironmentLookup implements AutoCloseable {

    private final EnvironmentConnection connection;
    private final EnvironmentCatalog catalog;

    EnvironmentLookup(EnvironmentConnection connection, EnvironmentCatalog catalog) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public EnvironmentConnection connection() {
        return connection;
    }

    public EnvironmentCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        connection.close();
    }
}
