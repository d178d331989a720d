package org.dbb.console.core.fabric.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.HttpClients;
import org.dbb.console.core.fabric.http.HttpTimeouts;
import org.dbb.console.core.fabric.http.RetryBudget;
import org.dbb.console.core.fabric.http.ServiceEndpoints;

/** A MockWebServer on 127.0.0.1 with a transport pointed at it: tiny backoffs, short timeouts, recorded waits. */
public final class TransportFixture implements AutoCloseable {

    /** Four attempts, three seconds of waiting, backoff 10 → 40 ms: retries stay fast in tests. */
    public static final RetryBudget QUICK = new RetryBudget(4, Duration.ofSeconds(3), Duration.ofMillis(10),
            Duration.ofMillis(40));

    public final MockWebServer server = new MockWebServer();
    public final RecordingWaits waits = new RecordingWaits();
    public final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final OkHttpClient shared = HttpClients.create(new HttpTimeouts(Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));
    private final FakeTokens tokens;

    public TransportFixture() {
        this(new FakeTokens());
    }

    public TransportFixture(FakeTokens tokens) {
        this.tokens = tokens;
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeTokens tokens() {
        return tokens;
    }

    public ApiTransport transport() {
        return builder().build();
    }

    public ApiTransport transport(RetryBudget budget) {
        return builder().retryBudget(budget).build();
    }

    public ApiTransport.Builder builder() {
        return ApiTransport.builder(shared, tokens, scheduler)
                .environment("prod")
                .endpoints(ServiceEndpoints.emulator(server.url("/").uri()))
                .retryBudget(QUICK)
                .waitListener(waits);
    }

    /** Queues a JSON response with {@code headers} given as name, value, name, value … */
    public void enqueue(int status, String jsonBody, String... headers) {
        MockResponse response = new MockResponse().setResponseCode(status);
        if (jsonBody != null) {
            response.setHeader("Content-Type", "application/json").setBody(jsonBody);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        server.enqueue(response);
    }

    /** The next request the server received; fails the test if none arrives within a second. */
    public RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the server received no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The base URL of the server, without a trailing slash. */
    public String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
