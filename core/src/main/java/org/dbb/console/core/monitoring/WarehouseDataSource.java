package org.dbb.console.core.monitoring;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Date;
import java.util.Objects;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.microsoft.sqlserver.jdbc.SQLServerAccessTokenCallback;
import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import com.microsoft.sqlserver.jdbc.SqlAuthenticationToken;

import org.dbb.console.core.auth.AccessToken;
import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.TokenScope;

/**
 * Connections to a Fabric Warehouse SQL endpoint ({@code *.datawarehouse.fabric.microsoft.com}, TDS on 1433)
 * signed in with Entra access tokens for {@link TokenScope#SQL}. The driver asks for a token through a callback
 * each time it opens a connection, so a token that expired since the last one is never reused; tokens are never
 * stored here, and {@link #toString()} names only the server and database. Thread-safe.
 */
public final class WarehouseDataSource implements DataSource {

    /** TDS port of Fabric SQL endpoints. */
    public static final int PORT = 1433;
    /** The certificate name every Fabric Warehouse endpoint presents. */
    static final String HOST_NAME_IN_CERTIFICATE = "*.datawarehouse.fabric.microsoft.com";
    static final String APPLICATION_NAME = "DBB Console";
    private static final int LOGIN_TIMEOUT_SECONDS = 30;

    private final String server;
    private final String database;
    private final SQLServerDataSource driver;

    /**
     * @param server   the SQL endpoint host, e.g. {@code abc123.datawarehouse.fabric.microsoft.com}
     * @param database the warehouse name
     * @param tokens   the environment's sign-in; asked for a {@link TokenScope#SQL} token per connection
     */
    public WarehouseDataSource(String server, String database, AccessTokens tokens) {
        this.server = requireText(server, "server");
        this.database = requireText(database, "database");
        Objects.requireNonNull(tokens, "tokens");
        driver = new SQLServerDataSource();
        driver.setServerName(this.server);
        driver.setPortNumber(PORT);
        driver.setDatabaseName(this.database);
        driver.setEncrypt("true");
        driver.setTrustServerCertificate(false);
        driver.setHostNameInCertificate(HOST_NAME_IN_CERTIFICATE);
        driver.setApplicationName(APPLICATION_NAME);
        driver.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        driver.setAccessTokenCallback(new TokenCallback(tokens));
    }

    public String server() {
        return server;
    }

    public String database() {
        return database;
    }

    /** The driver's configuration, for tests; it holds the token callback, never a token. */
    SQLServerDataSource driver() {
        return driver;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return driver.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the Fabric Warehouse accepts Entra sign-in only, not a"
                + " user name and password");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "WarehouseDataSource[server=" + server + ", database=" + database + "]";
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the warehouse " + name + " must not be blank");
        }
        return value.strip();
    }

    /** Hands the driver a fresh token from the sign-in. Called on the connecting thread; thread-safe. */
    static final class TokenCallback implements SQLServerAccessTokenCallback {
        private final AccessTokens tokens;

        TokenCallback(AccessTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public SqlAuthenticationToken getAccessToken(String spn, String stsurl) {
            // The driver's spn/stsurl are ignored: the Warehouse audience is fixed, and the sign-in knows the tenant.
            AccessToken token = tokens.token(TokenScope.SQL, false);
            return new SqlAuthenticationToken(token.value(), Date.from(token.expiresAt()));
        }

        @Override
        public String toString() {
            return "TokenCallback[" + TokenScope.SQL.scope() + "]";
        }
    }
}
