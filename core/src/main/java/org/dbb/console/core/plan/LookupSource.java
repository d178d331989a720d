package org.dbb.console.core.plan;

/**
 * The environment metadata a Lookup activity reads, which the console answers from the Fabric API instead of
 * querying the metadata warehouse.
 */
public enum LookupSource {
    /** {@code meta.environment_config}: one row with the workspace's id, name and capacity. */
    ENVIRONMENT,
    /** {@code meta.fabric_items}: a row per item of the workspace (type, name, id). */
    ITEMS,
    /** {@code meta.fabric_connections}: a row per connection (name, id, type). */
    CONNECTIONS
}
