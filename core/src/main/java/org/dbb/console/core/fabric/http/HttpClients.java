package org.dbb.console.core.fabric.http;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the console's one shared {@link OkHttpClient}. Call it once in the composition root and derive every
 * variant from the result with {@link OkHttpClient#newBuilder()}, so all clients share one connection pool and
 * dispatcher. Stateless and thread-safe.
 */
public final class HttpClients {

    private HttpClients() {
    }

    /** Requests in flight to one host: Fabric is one host, and a run polls every job and refresh it started. */
    static final int MAX_REQUESTS_PER_HOST = 32;
    static final int MAX_REQUESTS = 128;

    /** The shared client with the given timeouts. */
    public static OkHttpClient create(HttpTimeouts timeouts) {
        // OkHttp's default of 5 requests per host would queue the polls of a capped fan-out behind each other
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
        dispatcher.setMaxRequests(MAX_REQUESTS);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                .callTimeout(timeouts.call())
                .build();
    }
}
