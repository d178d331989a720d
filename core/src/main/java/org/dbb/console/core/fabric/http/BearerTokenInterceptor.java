package org.dbb.console.core.fabric.http;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.TokenScope;

/**
 * Adds {@code Authorization: Bearer …} for the scope tagged on the request ({@link TokenScope} tag). A
 * {@link org.dbb.console.core.auth.SignInException} from the token supplier propagates to the caller. Thread-safe.
 */
final class BearerTokenInterceptor implements Interceptor {

    private final AccessTokens tokens;

    BearerTokenInterceptor(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        TokenScope scope = request.tag(TokenScope.class);
        if (scope == null || request.header("Authorization") != null) {
            return chain.proceed(request);
        }
        String token = tokens.token(scope, false).value();
        return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token).build());
    }
}
