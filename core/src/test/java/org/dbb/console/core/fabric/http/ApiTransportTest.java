package org.dbb.console.core.fabric.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.TokenScope;
import org.dbb.console.core.fabric.testing.FakeTokens;
import org.dbb.console.core.fabric.testing.TransportFixture;

class ApiTransportTest {

    private static final ApiCall LIST = ApiCall.get(Service.FABRIC, "/v1/workspaces");
    private static final ApiCall RUN = ApiCall.post(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances?jobType={jobType}");

    private final TransportFixture fixture = new TransportFixture();
    private final ApiTransport transport = fixture.transport();

    @AfterEach
    void close() {
        fixture.close();
    }

    private ApiRequest list() {
        return ApiRequest.to(LIST, transport.url(Service.FABRIC, "v1", "workspaces").build());
    }

    private ApiRequest run() {
        return ApiRequest.to(RUN, transport.url(Service.FABRIC, "v1", "workspaces", "w", "items", "i", "jobs",
                "instances").addQueryParameter("jobType", "Pipeline").build());
    }

    @Test
    void sendsTheBearerTokenOfTheCallsServiceScope() throws Exception {
        fixture.enqueue(200, "{}");
        fixture.enqueue(200, "{}");

        transport.execute(list());
        transport.execute(ApiRequest.to(ApiCall.get(Service.POWER_BI, "/v1.0/myorg/groups"),
                transport.url(Service.POWER_BI, "v1.0", "myorg", "groups").build()));

        assertThat(fixture.take().getHeader("Authorization")).isEqualTo("Bearer cached-FABRIC");
        assertThat(fixture.take().getHeader("Authorization")).isEqualTo("Bearer cached-POWER_BI");
        assertThat(fixture.tokens().asks()).containsExactly(new FakeTokens.Ask(TokenScope.FABRIC, false),
                new FakeTokens.Ask(TokenScope.POWER_BI, false));
    }

    @Test
    void fetchesAFreshTokenOnceAfter401AndSucceeds() {
        fixture.enqueue(401, "{\"errorCode\":\"TokenExpired\",\"message\":\"expired\"}");
        fixture.enqueue(200, "{\"ok\":true}");

        ApiResponse response = transport.execute(list());

        assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
        assertThat(fixture.take().getHeader("Authorization")).isEqualTo("Bearer cached-FABRIC");
        assertThat(fixture.take().getHeader("Authorization")).isEqualTo("Bearer fresh-FABRIC");
        assertThat(fixture.tokens().asks()).containsExactly(new FakeTokens.Ask(TokenScope.FABRIC, false),
                new FakeTokens.Ask(TokenScope.FABRIC, true));
    }

    @Test
    void reportsSignInExpiredWhenTheFreshTokenIsRefusedToo() {
        fixture.enqueue(401, "{\"errorCode\":\"TokenExpired\",\"message\":\"expired\"}");
        fixture.enqueue(401, "{\"errorCode\":\"TokenExpired\",\"message\":\"expired\",\"requestId\":\"r-401\"}");

        assertThatThrownBy(() -> transport.execute(list()))
                .isInstanceOf(SignInException.class)
                .hasMessageStartingWith("sign-in expired for prod (GET /v1/workspaces")
                .hasMessageContaining("request id r-401")
                .hasMessageEndingWith("; sign in again")
                .hasMessageNotContaining("fresh-FABRIC")
                .hasCauseInstanceOf(FabricApiException.class);
        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
    }

    private ApiRequest powerBiHistory() {
        ApiCall history = ApiCall.get(Service.POWER_BI, "/v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes");
        return ApiRequest.to(history, transport.url(Service.POWER_BI, "v1.0", "myorg", "groups", "g1", "datasets",
                "d1", "refreshes").build());
    }

    @Test
    void treatsPowerBis403TokenExpiredLikeA401AndSucceedsWithAFreshToken() {
        fixture.enqueue(403, "{\"error\":{\"code\":\"TokenExpired\",\"message\":\"Access token has expired,"
                + " resubmit with a new access token\"}}");
        fixture.enqueue(200, "{\"value\":[]}");

        ApiResponse response = transport.execute(powerBiHistory());

        assertThat(response.bodyText()).isEqualTo("{\"value\":[]}");
        assertThat(fixture.take().getHeader("Authorization")).isEqualTo("Bearer cached-POWER_BI");
        assertThat(fixture.take().getHeader("Authorization")).isEqualTo("Bearer fresh-POWER_BI");
        assertThat(fixture.tokens().asks()).containsExactly(new FakeTokens.Ask(TokenScope.POWER_BI, false),
                new FakeTokens.Ask(TokenScope.POWER_BI, true));
    }

    @Test
    void reportsSignInExpiredWhenPowerBiRefusesTheFreshTokenWith403Too() {
        fixture.enqueue(403, "{\"error\":{\"code\":\"TokenExpired\",\"message\":\"expired\"}}");
        fixture.enqueue(403, "{\"error\":{\"code\":\"TokenExpired\",\"message\":\"expired\"}}",
                "x-ms-request-id", "r-403");

        assertThatThrownBy(() -> transport.execute(powerBiHistory()))
                .isInstanceOf(SignInException.class)
                .hasMessageStartingWith("sign-in expired for prod (GET /v1.0/myorg/groups/{groupId}/datasets/"
                        + "{datasetId}/refreshes was refused even with a freshly fetched token")
                .hasMessageContaining("request id r-403");
        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aForbiddenThatIsNotAnExpiredTokenIsAnOrdinaryFailureWithoutATokenRefresh() {
        fixture.enqueue(403, "{\"error\":{\"code\":\"PowerBINotAuthorizedException\",\"message\":\"no\"}}");

        assertThatThrownBy(() -> transport.execute(powerBiHistory()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorCode()).isEqualTo("PowerBINotAuthorizedException");
                });
        assertThat(fixture.tokens().asks()).containsExactly(new FakeTokens.Ask(TokenScope.POWER_BI, false));
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSignInFailureOfTheTokenSupplierReachesTheCallerUnretried() {
        AccessTokens refusing = (scope, forceRefresh) -> {
            throw new SignInException("no account is signed in for prod; sign in again");
        };
        ApiTransport unsigned = ApiTransport.builder(new OkHttpClient(), refusing, fixture.scheduler)
                .endpoints(ServiceEndpoints.emulator(fixture.server.url("/").uri())).retryBudget(TransportFixture.QUICK)
                .build();

        assertThatThrownBy(() -> unsigned.execute(list()))
                .isInstanceOf(SignInException.class).hasMessage("no account is signed in for prod; sign in again");
        assertThatThrownBy(() -> Futures.join(unsigned.executeAsync(list())))
                .isInstanceOf(SignInException.class);
        assertThat(fixture.server.getRequestCount()).isZero();
    }

    @Test
    void asyncCallsReportSignInExpiredToo() {
        fixture.enqueue(401, null);
        fixture.enqueue(401, null);

        assertThatThrownBy(() -> Futures.join(transport.executeAsync(list())))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("even with a freshly fetched token");
    }

    @Test
    void waitsForRetryAfterOn429AndReportsTheThrottling() {
        fixture.enqueue(429, "{\"errorCode\":\"RequestBlocked\",\"message\":\"slow down\"}", "Retry-After", "1");
        fixture.enqueue(200, "{}");

        long started = System.nanoTime();
        transport.execute(list());
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(elapsedMs).isBetween(950L, 1_900L);
        assertThat(fixture.waits.all()).singleElement().satisfies(w -> {
            assertThat(w.cause()).isEqualTo(WaitCause.THROTTLED);
            assertThat(w.status()).isEqualTo(429);
            assertThat(w.delay()).isEqualTo(Duration.ofSeconds(1));
            assertThat(w.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(w.attempt()).isEqualTo(1);
            assertThat(w.reason()).matches("throttled by Fabric until \\d\\d:\\d\\d:\\d\\d \\(429, Retry-After 1 s\\)");
        });
    }

    @Test
    void retries430CapacityRefusalWithItsOwnReason() {
        fixture.enqueue(430, "{\"errorCode\":\"TooManyRequestsForCapacity\",\"message\":\"Spark is full\"}",
                "Retry-After", "0");
        fixture.enqueue(200, "{}");

        transport.execute(list());

        assertThat(fixture.waits.all()).singleElement().satisfies(w -> {
            assertThat(w.cause()).isEqualTo(WaitCause.CAPACITY_BUSY);
            assertThat(w.reason()).startsWith("Fabric capacity is busy (430 TooManyRequestsForCapacity, "
                    + "Retry-After 0 s), retrying at ");
        });
    }

    @Test
    void retries503WithBackoffThenSucceeds() {
        fixture.enqueue(503, null);
        fixture.enqueue(503, null);
        fixture.enqueue(200, "{\"n\":1}");

        ApiResponse response = transport.execute(list());

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.waits.all()).extracting(Waiting::delay)
                .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(fixture.waits.reasons()).allMatch(r -> r.matches(
                "Fabric unavailable \\(503\\), retrying at \\d\\d:\\d\\d:\\d\\d"));
    }

    @Test
    void retriesADroppedConnectionOfAnIdempotentCall() {
        fixture.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        fixture.enqueue(200, "{}");

        transport.execute(list());

        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
        assertThat(fixture.waits.all()).singleElement().satisfies(w -> {
            assertThat(w.cause()).isEqualTo(WaitCause.CONNECTION_FAILED);
            assertThat(w.reason()).startsWith("connection to Fabric failed (ConnectionDropped), retrying at ");
        });
    }

    @Test
    void neverResendsAJobSubmissionWhoseConnectionDroppedAfterSending() {
        fixture.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        fixture.enqueue(202, null);

        assertThatThrownBy(() -> transport.execute(run()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.errorCode()).isEqualTo("ConnectionDropped");
                })
                .hasMessageContaining("check its state before sending it again");
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
        assertThat(fixture.waits.all()).isEmpty();
    }

    @Test
    void resendsAJobSubmissionTheServiceRefusedWith429() {
        fixture.enqueue(429, "{\"errorCode\":\"TooManyRequestsForJobs\",\"message\":\"wait\"}", "Retry-After", "0");
        fixture.enqueue(202, null, "Location", "https://x/v1/jobs/instances/1");

        assertThat(transport.execute(run()).status()).isEqualTo(202);
        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void givesUpWithAClearMessageWhenTheAttemptsAreSpent() {
        for (int i = 0; i < 4; i++) {
            fixture.enqueue(503, "{\"errorCode\":\"ServiceUnavailable\",\"message\":\"down\"}", "RequestId", "rq-" + i);
        }

        assertThatThrownBy(() -> transport.execute(list()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.requestId()).contains("rq-3");
                })
                .hasMessage("gave up after 4 attempts (the retry budget allows 4 attempts): GET /v1/workspaces "
                        + "failed: 503 ServiceUnavailable: down (request id rq-3)");
        assertThat(fixture.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void givesUpAtOnceWhenRetryAfterExceedsTheRemainingBudget() {
        fixture.enqueue(429, "{\"errorCode\":\"RequestBlocked\",\"message\":\"later\"}", "Retry-After", "120");

        long started = System.nanoTime();
        assertThatThrownBy(() -> transport.execute(list()))
                .isInstanceOf(FabricApiException.class)
                .hasMessageStartingWith("gave up after 1 attempt (Retry-After 120 s is more than the 3 s of waiting "
                        + "left in the retry budget): GET /v1/workspaces failed: 429 RequestBlocked");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_000);
    }

    @Test
    void doesNotRetryAClientErrorAndNamesCallCodeAndRequestId() {
        fixture.enqueue(404, "{\"errorCode\":\"ItemNotFound\",\"message\":\"The requested item was not found\","
                + "\"requestId\":\"5d2c-1\",\"isRetriable\":false}");

        assertThatThrownBy(() -> transport.execute(list()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.call()).isEqualTo(LIST);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo("ItemNotFound");
                    assertThat(e.requestId()).contains("5d2c-1");
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.retryAfter()).isEmpty();
                })
                .hasMessage("GET /v1/workspaces failed: 404 ItemNotFound: The requested item was not found "
                        + "(request id 5d2c-1)");
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAClientErrorTheServiceMarksRetriable() {
        fixture.enqueue(409, "{\"errorCode\":\"Conflict\",\"message\":\"busy\",\"isRetriable\":true}");
        fixture.enqueue(200, "{}");

        assertThat(transport.execute(list()).status()).isEqualTo(200);
        assertThat(fixture.waits.all()).singleElement()
                .satisfies(w -> assertThat(w.cause()).isEqualTo(WaitCause.SERVICE_ERROR));
    }

    @Test
    void readsTheRequestIdAndCodeFromHeadersWhenTheBodyIsNotJson() {
        fixture.server.enqueue(new MockResponse().setResponseCode(403).setBody("<html>denied</html>")
                .addHeader("x-ms-request-id", "hdr-1").addHeader("x-ms-public-api-error-code",
                        "InsufficientPrivileges"));

        assertThatThrownBy(() -> transport.execute(list()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.requestId()).contains("hdr-1");
                    assertThat(e.errorCode()).isEqualTo("InsufficientPrivileges");
                });
    }

    @Test
    void readsPowerBisErrorShape() {
        fixture.enqueue(400, "{\"error\":{\"code\":\"InvalidRequest\",\"message\":\"bad body\"}}", "RequestId", "pb-1");

        assertThatThrownBy(() -> transport.execute(ApiRequest.to(ApiCall.get(Service.POWER_BI, "/v1.0/myorg"),
                transport.url(Service.POWER_BI, "v1.0", "myorg").build())))
                .isInstanceOf(FabricApiException.class)
                .hasMessage("GET /v1.0/myorg failed: 400 InvalidRequest: bad body (request id pb-1)");
    }

    @Test
    void asyncCallsRetryOnTheSchedulerAndComplete() throws Exception {
        fixture.enqueue(503, null);
        fixture.enqueue(200, "{\"async\":true}");

        CompletableFuture<ApiResponse> future = transport.executeAsync(list());

        assertThat(future.get(2, TimeUnit.SECONDS).bodyText()).isEqualTo("{\"async\":true}");
        assertThat(fixture.waits.all()).hasSize(1);
    }

    @Test
    void asyncCallsFailWithTheSettledException() {
        fixture.enqueue(503, null);
        fixture.enqueue(503, null);

        CompletableFuture<ApiResponse> future = fixture.transport(new RetryBudget(2, Duration.ofSeconds(1),
                Duration.ofMillis(5), Duration.ofMillis(5))).executeAsync(list());

        assertThatThrownBy(() -> Futures.join(future))
                .isInstanceOf(FabricApiException.class)
                .hasMessageStartingWith("gave up after 2 attempts");
    }

    @Test
    void aThrowingWaitListenerDoesNotBreakTheCall() {
        ApiTransport noisy = transport.withWaitListener(w -> {
            throw new IllegalStateException("listener bug");
        });
        fixture.enqueue(503, null);
        fixture.enqueue(200, "{}");

        assertThat(noisy.execute(list()).status()).isEqualTo(200);
    }

    @Test
    void urlSegmentsAreEncodedAndCannotClimbThePath() throws Exception {
        fixture.enqueue(200, "{}");

        transport.execute(ApiRequest.to(LIST, transport.url(Service.FABRIC, "v1", "workspaces", "a/b c").build()));

        RecordedRequest request = fixture.take();
        assertThat(request.getPath()).isEqualTo("/v1/workspaces/a%2Fb%20c");
        assertThatThrownBy(() -> transport.url(Service.FABRIC, "v1", ".."))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
