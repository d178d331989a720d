package org.dbb.console.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.microsoft.sqlserver.jdbc.SqlAuthenticationToken;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.auth.AccessToken;
import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.TokenScope;
import org.dbb.console.core.workspace.config.MonitoringSettings;

class WarehouseDataSourceTest {

    private static final String SERVER = "abc123.datawarehouse.fabric.microsoft.com";
    /** Assembled at run time so the sources hold nothing shaped like a token. */
    private static final String TOKEN = String.join(".", "eyJ0eXAi", "c2VjcmV0LXBheWxvYWQ", "c2lnbmF0dXJl");

    private final List<TokenScope> asked = new ArrayList<>();
    private final AccessTokens tokens = (scope, forceRefresh) -> {
        asked.add(scope);
        return new AccessToken(TOKEN, Instant.parse("2026-03-01T07:00:00Z"));
    };

    @Test
    void connectsEncryptedToTheSqlEndpointWithoutAskingForATokenUpFront() {
        WarehouseDataSource source = new WarehouseDataSource(" " + SERVER + " ", "DBB_Warehouse", tokens);

        assertThat(source.driver().getServerName()).isEqualTo(SERVER);
        assertThat(source.driver().getPortNumber()).isEqualTo(1433);
        assertThat(source.driver().getDatabaseName()).isEqualTo("DBB_Warehouse");
        assertThat(source.driver().getEncrypt()).isEqualToIgnoringCase("true");
        assertThat(source.driver().getTrustServerCertificate()).isFalse();
        assertThat(source.driver().getHostNameInCertificate()).isEqualTo("*.datawarehouse.fabric.microsoft.com");
        assertThat(source.driver().getAccessToken()).isNull();
        assertThat(asked).isEmpty();
    }

    @Test
    void theDriverGetsAFreshSqlScopedTokenThroughTheCallback() {
        WarehouseDataSource source = new WarehouseDataSource(SERVER, "DBB_Warehouse", tokens);

        SqlAuthenticationToken token = source.driver().getAccessTokenCallback()
                .getAccessToken("https://database.windows.net/", "https://login.microsoftonline.com/tenant");

        assertThat(token.getAccessToken()).isEqualTo(TOKEN);
        assertThat(token.getExpiresOn().toInstant()).isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
        assertThat(asked).containsExactly(TokenScope.SQL);
        assertThat(TokenScope.SQL.scope()).isEqualTo("https://database.windows.net/.default");
    }

    @Test
    void noTokenReachesToString() {
        WarehouseDataSource source = new WarehouseDataSource(SERVER, "DBB_Warehouse", tokens);
        source.driver().getAccessTokenCallback().getAccessToken("spn", "sts");

        assertThat(source.toString()).isEqualTo("WarehouseDataSource[server=" + SERVER + ", database=DBB_Warehouse]");
        assertThat(source.driver().getAccessTokenCallback().toString()).doesNotContain(TOKEN);
        assertThat(source.driver().toString()).doesNotContain(TOKEN);
    }

    @Test
    void refusesBlankSettingsAndPasswords() {
        assertThatThrownBy(() -> new WarehouseDataSource(" ", "db", tokens))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server");
        WarehouseDataSource source = new WarehouseDataSource(SERVER, "db", tokens);
        assertThatThrownBy(() -> source.getConnection("user", "pw")).hasMessageContaining("Entra");
    }

    @Test
    void storesPickTheWarehouseOnlyWhenConfiguredAndNeverOpenTheOtherStore() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            MonitoringSettings warehouse = new MonitoringSettings(MonitoringSettings.Store.WAREHOUSE,
                    Optional.of(SERVER), Optional.of("DBB_Warehouse"));
            JdbcMonitoringStore store = MonitoringStores.open(warehouse,
                    () -> {
                        throw new AssertionError("the embedded database must not be opened for a warehouse");
                    }, () -> tokens, scheduler);
            assertThat(store.toString()).contains("DBB_Warehouse").contains(SERVER).doesNotContain(TOKEN);
            assertThat(asked).isEmpty();

            MonitoringSettings incomplete = new MonitoringSettings(MonitoringSettings.Store.WAREHOUSE,
                    Optional.of(SERVER), Optional.empty());
            assertThatThrownBy(() -> MonitoringStores.open(incomplete, () -> null, () -> tokens, scheduler))
                    .isInstanceOf(MonitoringStoreException.class).hasMessageContaining("monitoring.database");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
