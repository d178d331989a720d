package org.dbb.console.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.http.HttpClients;
import org.dbb.console.core.fabric.http.HttpTimeouts;
import org.dbb.console.core.fabric.testing.CapturingLogger;
import org.dbb.console.core.workspace.config.NotificationSettings;

class NotificationDispatcherTest {

    /** Quick backoff, so only a honoured {@code Retry-After} can make a test wait a whole second. */
    static final DeliveryPolicy QUICK = new DeliveryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(5));
    static final OkHttpClient SHARED = HttpClients.create(new HttpTimeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)));

    private final MockWebServer server = new MockWebServer();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final RecordingListener listener = new RecordingListener();
    private final CapturingLogger log = new CapturingLogger();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        server.shutdown();
    }

    private NotificationDispatcher dispatcher(NotificationSettings.Kind kind) {
        NotificationChannel channel = NotificationChannel.of(kind, url("/workflows/abc/invoke"));
        return NotificationDispatcher.builder(SHARED, channel, scheduler).listener(listener).policy(QUICK)
                .logger(log).build();
    }

    /** The server's URL for {@code path} on the loopback address (MockWebServer would name it localhost). */
    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private static DeliveryOutcome await(CompletableFuture<DeliveryOutcome> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    /** A Teams channel receives the message envelope as JSON, and the 202 Workflows answer counts as delivered. */
    @Test
    void shouldPostTheTeamsEnvelopeAndReportDelivered() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(202));

        DeliveryOutcome outcome = await(dispatcher(NotificationSettings.Kind.TEAMS)
                .submit(Notifications.runFailed("r-1")));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Delivered.class, d -> {
            assertThat(d.status()).isEqualTo(202);
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(listener.outcomes).containsExactly(outcome);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode message = json.readTree(request.getBody().readUtf8());
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
        assertThat(message.at("/attachments/0/content/body/0/text").asText()).isEqualTo("Run failed: Transformation");
        assertThat(log.all()).contains("INFO Notification RUN_FAILED for run r-1 (Transformation) delivered");
    }

    /** A plain webhook channel receives the flat JSON object. */
    @Test
    void shouldPostThePlainBodyToAWebhookChannel() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));

        await(dispatcher(NotificationSettings.Kind.WEBHOOK).submit(Notifications.refreshOverrun("r-2")));

        JsonNode body = json.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertThat(body.path("kind").asText()).isEqualTo("REFRESH_OVERRUN");
        assertThat(body.path("durationSeconds").asLong()).isEqualTo(27 * 60);
        assertThat(body.has("attachments")).isFalse();
    }

    /** The same run, subject and kind is sent once; the copy is dropped and the listener told so. */
    @Test
    void shouldSuppressASecondIdenticalSubmit() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(202));
        server.enqueue(new MockResponse().setResponseCode(202));
        NotificationDispatcher dispatcher = dispatcher(NotificationSettings.Kind.TEAMS);

        DeliveryOutcome first = await(dispatcher.submit(Notifications.runFailed("r-1")));
        DeliveryOutcome second = await(dispatcher.submit(Notifications.runFailed("r-1")));
        DeliveryOutcome otherKind = await(dispatcher.submit(Notification.builder(Notification.Kind.STEP_FAILED,
                "r-1", "PROD", "Transformation", Notifications.AT).build()));

        assertThat(first).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(second).isInstanceOf(DeliveryOutcome.SuppressedDuplicate.class);
        assertThat(otherKind).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(listener.outcomes).containsExactly(first, second, otherKind);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(log.all()).contains("was already submitted");
    }

    /** Outages and throttling are retried until the channel accepts. */
    @Test
    void shouldRetry503And429ThenDeliver() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(429));
        server.enqueue(new MockResponse().setResponseCode(202));

        DeliveryOutcome outcome = await(dispatcher(NotificationSettings.Kind.TEAMS)
                .submit(Notifications.runFailed("r-1")));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Delivered.class,
                d -> assertThat(d.attempts()).isEqualTo(3));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(log.all()).contains("attempt 1 failed (HTTP 503").contains("attempt 2 failed (HTTP 429");
    }

    /** A 429's Retry-After is waited out even though the backoff alone would retry within milliseconds. */
    @Test
    void shouldHonourRetryAfterOn429() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
        server.enqueue(new MockResponse().setResponseCode(202));
        long started = System.nanoTime();

        DeliveryOutcome outcome = await(dispatcher(NotificationSettings.Kind.TEAMS)
                .submit(Notifications.runFailed("r-1")));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(log.all()).contains("trying again in 1s");
    }

    /** A Retry-After longer than the policy allows ends delivery at once instead of holding the notice. */
    @Test
    void shouldGiveUpWhenRetryAfterIsLongerThanThePolicyWaits() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));

        DeliveryOutcome outcome = await(dispatcher(NotificationSettings.Kind.TEAMS)
                .submit(Notifications.runFailed("r-1")));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Failed.class, f -> {
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.reason()).contains("HTTP 429").contains("asked to wait 1h").contains("5s");
        });
    }

    /** After the bound, the failure reaches the listener and the log; nothing is thrown. */
    @Test
    void shouldReportFinalFailureAfterTheBoundWithoutThrowing() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":\"flow failed\"}"));
        }
        NotificationDispatcher dispatcher = dispatcher(NotificationSettings.Kind.TEAMS);

        CompletableFuture<DeliveryOutcome> future = dispatcher.submit(Notifications.runFailed("r-1"));
        DeliveryOutcome outcome = await(future);

        assertThat(future).isCompletedWithValue(outcome);
        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Failed.class, f -> {
            assertThat(f.attempts()).isEqualTo(4);
            assertThat(f.reason()).isEqualTo("gave up after 4 attempts; the last answer was HTTP 500 Server Error:"
                    + " {\"error\":\"flow failed\"}");
            assertThat(f.channel()).isEqualTo("http://127.0.0.1:" + server.getPort() + "/…");
        });
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(listener.outcomes).containsExactly(outcome);
        assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).singleElement().asString()
                .contains("was not delivered to http://127.0.0.1:" + server.getPort() + "/…")
                .contains("gave up after 4 attempts");
    }

    /** A 400 means the request itself is wrong: it is not sent again. */
    @Test
    void shouldNotRetryA400() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("Invalid card"));
        server.enqueue(new MockResponse().setResponseCode(202));

        DeliveryOutcome outcome = await(dispatcher(NotificationSettings.Kind.TEAMS)
                .submit(Notifications.runFailed("r-1")));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Failed.class, f -> {
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.reason()).contains("refused the notification with HTTP 400 Client Error: Invalid card")
                    .contains("not retried");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** Dropped connections are retried like outages. */
    @Test
    void shouldRetryADroppedConnection() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(new MockResponse().setResponseCode(202));

        DeliveryOutcome outcome = await(dispatcher(NotificationSettings.Kind.TEAMS)
                .submit(Notifications.runFailed("r-1")));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Delivered.class,
                d -> assertThat(d.attempts()).isEqualTo(2));
    }

    /** Legacy Teams connectors report throttling inside a 200 answer; that is retried, not taken as delivered. */
    @Test
    void shouldTreatALegacyThrottlingAnswerAs429() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200)
                .setBody("Microsoft Teams endpoint returned HTTP error 429 with ContextId abc"));
        server.enqueue(new MockResponse().setResponseCode(200).setBody("1"));

        DeliveryOutcome outcome = await(dispatcher(NotificationSettings.Kind.TEAMS)
                .submit(Notifications.runFailed("r-1")));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Delivered.class,
                d -> assertThat(d.attempts()).isEqualTo(2));
    }

    /** The engine's thread is never held: submit returns while the receiver is still answering. */
    @Test
    void submitShouldReturnAtOnceWhileTheReceiverIsSlow() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(202));
        server.enqueue(new MockResponse().setResponseCode(202).setBody("ok")
                .setHeadersDelay(1500, TimeUnit.MILLISECONDS));
        NotificationDispatcher dispatcher = dispatcher(NotificationSettings.Kind.TEAMS);
        // a first notice loads the classes involved, so the timing below measures submit alone
        await(dispatcher.submit(Notifications.refreshOverrun("warm-up")));

        long started = System.nanoTime();
        CompletableFuture<DeliveryOutcome> future = dispatcher.submit(Notifications.runFailed("r-1"));
        Duration submitTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(submitTook).isLessThan(Duration.ofMillis(300));
        assertThat(future).isNotDone();
        assertThat(await(future)).isInstanceOf(DeliveryOutcome.Delivered.class);
    }

    /** A listener that throws is logged and ignored; the outcome still completes. */
    @Test
    void aThrowingListenerDoesNotBreakDelivery() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(202));
        NotificationChannel channel = NotificationChannel.of(NotificationSettings.Kind.TEAMS,
                url("/hook"));
        NotificationDispatcher dispatcher = NotificationDispatcher.builder(SHARED, channel, scheduler)
                .listener(new DeliveryListener() {
                    @Override
                    public void delivered(DeliveryOutcome.Delivered outcome) {
                        throw new IllegalStateException("listener bug");
                    }
                }).policy(QUICK).logger(log).build();

        assertThat(await(dispatcher.submit(Notifications.runFailed("r-1"))))
                .isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(log.all()).contains("listener failed; ignoring it: IllegalStateException: listener bug");
    }

    /** With its executor shut down, the dispatcher reports the notice as failed rather than throwing. */
    @Test
    void aShutDownExecutorIsReportedNotThrown() throws Exception {
        NotificationDispatcher dispatcher = dispatcher(NotificationSettings.Kind.TEAMS);
        scheduler.shutdownNow();

        CompletableFuture<DeliveryOutcome>[] future = new CompletableFuture[1];
        assertThatCode(() -> future[0] = dispatcher.submit(Notifications.runFailed("r-1"))).doesNotThrowAnyException();

        assertThat(await(future[0])).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                f -> assertThat(f.reason()).contains("executor is shut down"));
        assertThat(server.getRequestCount()).isZero();
    }
}
