package org.dbb.console.core.fabric.http;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.TokenScope;

/**
 * Treats Power BI's answer to an expired token, {@code 403 TokenExpired}, exactly like a 401: fetches a fresh token
 * once and re-sends. OkHttp's {@link okhttp3.Authenticator} only ever sees 401s, hence an interceptor. The re-sent
 * exchange carries the refused one as its prior response, as an authenticator's follow-up would, so a second
 * refusal reads as "refused even with a freshly fetched token". Thread-safe.
 */
final class ExpiredTokenInterceptor implements Interceptor {

    /** Error bodies are small; a bigger one is not the token refusal this looks for. */
    private static final long PEEK_BYTES = 16 * 1024;

    private final AccessTokens tokens;
    private final JsonCodec json;

    ExpiredTokenInterceptor(AccessTokens tokens, JsonCodec json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        TokenScope scope = request.tag(TokenScope.class);
        if (scope == null || response.code() != 403 || response.priorResponse() != null
                || !ErrorBodies.isExpiredTokenRefusal(403, response.headers(),
                json.treeOrMissing(response.peekBody(PEEK_BYTES).bytes()))) {
            return response;
        }
        response.close();
        String token = tokens.token(scope, true).value();
        Response retried = chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token).build());
        return retried.newBuilder().priorResponse(response.newBuilder().body(null).build()).build();
    }
}
