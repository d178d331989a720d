package org.dbb.console.core.auth;

/**
 * Supplies bearer tokens for one environment's sign-in. Implementations cache per scope and are thread-safe;
 * calls may block (a browser sign-in, a device code) and must not be made on the UI thread.
 */
public interface AccessTokens {

    /**
     * A valid token for {@code scope}.
     *
     * @param forceRefresh skip the cache, e.g. after the service answered 401 with a cached token
     * @throws SignInException when no token can be obtained; its message says what the operator should do
     */
    AccessToken token(TokenScope scope, boolean forceRefresh);
}
