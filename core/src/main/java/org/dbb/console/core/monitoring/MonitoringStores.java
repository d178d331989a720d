package org.dbb.console.core.monitoring;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.workspace.config.MonitoringSettings;

/** Opens the monitoring store an environment's settings name. Stateless. */
public final class MonitoringStores {

    /** The schema the monitoring table lives in, and whose migrations this feature owns. */
    public static final String SCHEMA = "meta";
    /** Where the {@link #SCHEMA} migrations are on the classpath. */
    public static final String MIGRATIONS = "db/migration/meta";

    private MonitoringStores() {
    }

    /**
     * The store {@code settings} names: the embedded database (its {@code meta} schema brought up to date first),
     * or the Fabric Warehouse, whose {@code meta.monitoring_integration} belongs to the DBB deployment and is used
     * as it is. Only the store chosen is touched: the embedded database is not opened for a warehouse, and no
     * token is asked for the embedded store.
     *
     * @param embedded  the console's database, asked for only when the embedded store is chosen
     * @param tokens    the environment's sign-in, asked for only when the warehouse is chosen
     * @param scheduler where followers poll; owned by the caller
     * @throws MonitoringStoreException when the warehouse settings lack the server or the database
     */
    public static JdbcMonitoringStore open(MonitoringSettings settings, Supplier<EmbeddedDatabase> embedded,
                                           Supplier<AccessTokens> tokens, ScheduledExecutorService scheduler) {
        return switch (settings.store()) {
            case EMBEDDED -> embedded(embedded.get(), scheduler);
            case WAREHOUSE -> {
                String server = settings.server().orElseThrow(() -> missing("server"));
                String database = settings.database().orElseThrow(() -> missing("database"));
                WarehouseDataSource source = new WarehouseDataSource(server, database, tokens.get());
                yield new JdbcMonitoringStore(source, scheduler, JdbcMonitoringStore.Options.warehouse(),
                        "the warehouse " + database + " on " + server);
            }
        };
    }

    /** The store in the console's own database, its {@code meta} schema brought up to date first. */
    public static JdbcMonitoringStore embedded(EmbeddedDatabase database, ScheduledExecutorService scheduler) {
        database.migrate(SCHEMA, MIGRATIONS);
        return new JdbcMonitoringStore(database.dataSource(), scheduler, JdbcMonitoringStore.Options.embedded(),
                database.file().toString());
    }

    private static MonitoringStoreException missing(String key) {
        return new MonitoringStoreException("The monitoring store is 'warehouse' but monitoring." + key
                + " is not set in dbb-console.yml; set monitoring.server (the SQL endpoint host) and"
                + " monitoring.database (the warehouse name).");
    }
}
