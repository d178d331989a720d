package org.dbb.console.core.fabric.http;

import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.TokenScope;

/**
 * Answers a 401 once: fetches a fresh token (bypassing the cache) and re-sends the request. A second 401 is handed
 * back to the caller, which reports the sign-in as expired. Thread-safe.
 */
final class TokenRefreshAuthenticator implements Authenticator {

    private final AccessTokens tokens;

    TokenRefreshAuthenticator(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Request authenticate(Route route, Response response) {
        Request request = response.request();
        TokenScope scope = request.tag(TokenScope.class);
        if (scope == null || response.priorResponse() != null) {
            return null;
        }
        String token = tokens.token(scope, true).value();
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
