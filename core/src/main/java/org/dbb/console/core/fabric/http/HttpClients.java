package org.dbb.console.core.fabric.http;

import okhttp3.OkHttpClient;

/**
 * Builds the console's one shared {@link OkHttpClient}. Call it once in the composition root and derive every
 * variant from the result with {@link OkHttpClient#newBuilder()}, so all clients share one connection pool and
 * dispatcher. Stateless and thread-safe.
 */
public final class HttpClients {

    private HttpClients() {
    }

    /** The shared client with the given timeouts. */
    public static OkHttpClient create(HttpTimeouts timeouts) {
        return new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                .callTimeout(timeouts.call())
                .build();
    }
}
