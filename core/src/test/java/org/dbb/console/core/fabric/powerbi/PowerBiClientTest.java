package org.dbb.console.core.fabric.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.auth.TokenScope;
import org.dbb.console.core.fabric.Polling;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.testing.FakeTokens;
import org.dbb.console.core.fabric.testing.TransportFixture;

class PowerBiClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFRESH = "87f31ef7-1e3a-4006-9b0b-191693e79e9e";
    private static final String REFRESHES = "/v1.0/myorg/groups/g1/datasets/d1/refreshes";

    private final TransportFixture fixture = new TransportFixture();
    private final PowerBiClient powerBi = new PowerBiClient(fixture.transport());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void startsAnEnhancedRefreshAndTakesTheIdFromLocation() throws Exception {
        fixture.enqueue(202, null, "Location", "https://api.powerbi.com" + REFRESHES + "/" + REFRESH,
                "x-ms-request-id", REFRESH);
        RefreshRequest request = RefreshRequest.builder().type(RefreshType.FULL).maxParallelism(2).retryCount(2)
                .timeout(Duration.ofHours(2)).partition("DimCustomer", "DimCustomer").table("DimDate").build();

        RefreshStart start = powerBi.triggerRefresh("g1", "d1", request);

        assertThat(start).isEqualTo(new RefreshStart.Started(new RefreshRef("g1", "d1", REFRESH, Optional.empty())));
        RecordedRequest sent = fixture.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo(REFRESHES);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer cached-POWER_BI");
        assertThat(JSON.readTree(sent.getBody().readUtf8())).isEqualTo(JSON.readTree("{\"type\":\"Full\","
                + "\"commitMode\":\"Transactional\",\"maxParallelism\":2,\"retryCount\":2,\"objects\":["
                + "{\"table\":\"DimCustomer\",\"partition\":\"DimCustomer\"},{\"table\":\"DimDate\"}],"
                + "\"timeout\":\"02:00:00\"}"));
        assertThat(fixture.tokens().asks()).containsExactly(new FakeTokens.Ask(TokenScope.POWER_BI, false));
    }

    @Test
    void takesTheIdFromTheRequestIdHeaderWhenLocationIsMissing() {
        fixture.enqueue(202, null, "x-ms-request-id", REFRESH, "Retry-After", "5");

        RefreshStart start = powerBi.triggerRefresh("g1", "d1", RefreshRequest.full());

        assertThat(start).isInstanceOfSatisfying(RefreshStart.Started.class, s -> {
            assertThat(s.refresh().refreshId()).isEqualTo(REFRESH);
            assertThat(s.refresh().retryAfter()).contains(Duration.ofSeconds(5));
        });
    }

    @Test
    void partialBatchSendsApplyRefreshPolicyFalse() throws Exception {
        fixture.enqueue(202, null, "x-ms-request-id", REFRESH);

        powerBi.triggerRefresh("g1", "d1", RefreshRequest.builder().commitMode(CommitMode.PARTIAL_BATCH).build());

        assertThat(JSON.readTree(fixture.take().getBody().readUtf8()).path("applyRefreshPolicy").asBoolean(true))
                .isFalse();
    }

    @Test
    void aModelAlreadyRefreshingIsBusyNotFailed() {
        fixture.enqueue(400, "{\"error\":{\"code\":\"InvalidRequest\",\"message\":\"Invalid dataset refresh request."
                + " Another refresh request is already executing\"}}", "RequestId", "pb-busy");

        RefreshStart start = powerBi.triggerRefresh("g1", "d1", RefreshRequest.full());

        assertThat(start).isInstanceOfSatisfying(RefreshStart.Busy.class, busy -> {
            assertThat(busy.datasetId()).isEqualTo("d1");
            assertThat(busy.message()).contains("already executing");
            assertThat(busy.requestId()).contains("pb-busy");
        });
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anyOtherRefusalIsAFailure() {
        fixture.enqueue(400, "{\"error\":{\"code\":\"InvalidRequest\",\"message\":\"Enhanced refresh is not "
                + "supported on shared capacity\"}}");

        assertThatThrownBy(() -> powerBi.triggerRefresh("g1", "d1", RefreshRequest.full()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("InvalidRequest");
                })
                .hasMessageStartingWith("POST /v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes failed: "
                        + "400 InvalidRequest");
    }

    @Test
    void throttledRefreshRequestsAreRetried() throws Exception {
        fixture.enqueue(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow\"}}", "Retry-After", "0");
        fixture.enqueue(202, null, "x-ms-request-id", REFRESH);

        RefreshStart start = powerBi.triggerRefreshAsync("g1", "d1", RefreshRequest.full()).get(2, TimeUnit.SECONDS);

        assertThat(start).isInstanceOf(RefreshStart.Started.class);
        assertThat(fixture.waits.reasons()).singleElement().asString()
                .matches("throttled by Power BI until \\d\\d:\\d\\d:\\d\\d \\(429, Retry-After 0 s\\)");
    }

    @Test
    void pollsARefreshUntilItsExtendedStatusIsFinalAtTheDefaultIntervalWithoutRetryAfter() {
        PowerBiClient polling = new PowerBiClient(fixture.transport(),
                new Polling(Duration.ofMillis(10), Duration.ofMillis(30), Duration.ofSeconds(5)));
        fixture.enqueue(202, "{\"status\":\"Unknown\",\"extendedStatus\":\"NotStarted\"}");
        fixture.enqueue(202, "{\"status\":\"Unknown\",\"extendedStatus\":\"InProgress\"}", "Retry-After", "0");
        fixture.enqueue(200, "{\"status\":\"Completed\",\"extendedStatus\":\"Completed\","
                + "\"endTime\":\"2025-05-01T06:05:00.000Z\"}");

        RefreshDetail done = polling.awaitRefresh(new RefreshRef("g1", "d1", REFRESH, Optional.empty()));

        assertThat(done.state()).isEqualTo(RefreshState.COMPLETED);
        assertThat(fixture.waits.all()).extracting(w -> w.delay().toMillis()).containsExactly(30L, 30L, 10L);
        assertThat(fixture.waits.all()).allSatisfy(w -> assertThat(w.cause()).isEqualTo(WaitCause.REFRESH_RUNNING));
        assertThat(fixture.waits.reasons().get(1))
                .startsWith("Power BI refresh " + REFRESH + " of dataset d1 is NotStarted, next check at");
        assertThat(fixture.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void readsARunningRefreshFromItsExtendedStatus() {
        fixture.enqueue(202, "{\"startTime\":\"2025-05-01T06:00:00.123Z\",\"endTime\":\"\",\"type\":\"Full\","
                + "\"commitMode\":\"Transactional\",\"status\":\"Unknown\",\"extendedStatus\":\"InProgress\","
                + "\"currentRefreshType\":\"Full\",\"numberOfAttempts\":1,\"objects\":[{\"table\":\"DimDate\","
                + "\"partition\":\"DimDate\",\"status\":\"Completed\"},{\"table\":\"Sales\",\"status\":\"InProgress\"}]}",
                "Retry-After", "10");

        RefreshDetail detail = powerBi.getRefresh("g1", "d1", REFRESH);

        assertThat(detail.state()).isEqualTo(RefreshState.IN_PROGRESS);
        assertThat(detail.isTerminal()).isFalse();
        assertThat(detail.startTime()).contains(Instant.parse("2025-05-01T06:00:00.123Z"));
        assertThat(detail.endTime()).isEmpty();
        assertThat(detail.objects()).containsExactly(
                new RefreshObjectStatus("DimDate", Optional.of("DimDate"), RefreshState.COMPLETED, "Completed"),
                new RefreshObjectStatus("Sales", Optional.empty(), RefreshState.IN_PROGRESS, "InProgress"));
        assertThat(detail.retryAfter()).contains(Duration.ofSeconds(10));
        assertThat(fixture.take().getPath()).isEqualTo(REFRESHES + "/" + REFRESH);
    }

    @Test
    void readsAFailedRefreshWithItsErrorMessagesAndAttempts() {
        fixture.enqueue(200, "{\"startTime\":\"2025-05-01T06:00:00Z\",\"endTime\":\"2025-05-01T06:10:00Z\","
                + "\"status\":\"Failed\",\"extendedStatus\":\"Failed\",\"numberOfAttempts\":2,"
                + "\"messages\":[{\"code\":\"0xC11C0020\",\"message\":\"model evicted\",\"type\":\"Error\"},"
                + "{\"code\":\"0x1\",\"message\":\"slow source\",\"type\":\"Warning\"}],"
                + "\"refreshAttempts\":[{\"attemptId\":1,\"startTime\":\"2025-05-01T06:00:00Z\","
                + "\"endTime\":\"2025-05-01T06:05:00Z\",\"serviceExceptionJson\":\"{\\\"errorCode\\\":\\\"X\\\"}\","
                + "\"type\":\"Data\"}]}");

        RefreshDetail detail = powerBi.getRefresh("g1", "d1", REFRESH);

        assertThat(detail.state()).isEqualTo(RefreshState.FAILED);
        assertThat(detail.numberOfAttempts()).isEqualTo(2);
        assertThat(detail.errors()).containsExactly(new RefreshMessage("0xC11C0020", "model evicted", "Error"));
        assertThat(detail.attempts()).singleElement()
                .satisfies(a -> assertThat(a.serviceExceptionJson()).contains("{\"errorCode\":\"X\"}"));
    }

    @Test
    void anUnknownExtendedStatusIsUnknownAndAMissingOneFallsBackToStatus() throws Exception {
        fixture.enqueue(200, "{\"status\":\"Completed\",\"extendedStatus\":\"Quarantined\"}");
        fixture.enqueue(200, "{\"status\":\"Completed\",\"endTime\":\"2025-05-01T06:10:00Z\"}");
        fixture.enqueue(202, "{\"status\":\"Unknown\"}");

        assertThat(powerBi.getRefresh("g1", "d1", "a").state()).isEqualTo(RefreshState.UNKNOWN);
        assertThat(powerBi.getRefresh("g1", "d1", "b").state()).isEqualTo(RefreshState.COMPLETED);
        assertThat(powerBi.getRefreshAsync("g1", "d1", "c").get(2, TimeUnit.SECONDS).state())
                .isEqualTo(RefreshState.IN_PROGRESS);
    }

    @Test
    void readsTheRefreshHistoryWithALiteralTopOption() {
        fixture.enqueue(200, "{\"value\":[{\"id\":1234,\"requestId\":\"r-new\",\"refreshType\":\"ViaEnhancedApi\","
                + "\"startTime\":\"2025-05-01T06:00:00Z\",\"status\":\"Unknown\"},"
                + "{\"requestId\":\"r-old\",\"refreshType\":\"Scheduled\",\"startTime\":\"2025-04-30T06:00:00Z\","
                + "\"endTime\":\"2025-04-30T06:20:00Z\",\"status\":\"Failed\","
                + "\"serviceExceptionJson\":\"{\\\"errorCode\\\":\\\"ModelRefreshFailed\\\"}\"},"
                + "{\"requestId\":\"r-x\",\"refreshType\":\"ReliableProcessing\",\"status\":\"Cancelled\","
                + "\"endTime\":\"2025-04-29T06:20:00Z\"}]}");

        List<RefreshHistoryEntry> history = powerBi.refreshHistory("g1", "d1", 3);

        assertThat(history).extracting(RefreshHistoryEntry::state)
                .containsExactly(RefreshState.IN_PROGRESS, RefreshState.FAILED, RefreshState.CANCELLED);
        assertThat(history.get(0).isRunning()).isTrue();
        assertThat(history.get(0).id()).hasValue(1234);
        assertThat(history.get(1).serviceExceptionJson()).contains("{\"errorCode\":\"ModelRefreshFailed\"}");
        assertThat(fixture.take().getPath()).isEqualTo(REFRESHES + "?$top=3");
    }

    @Test
    void cancelsWithDelete() {
        fixture.enqueue(200, null);

        powerBi.cancelRefresh("g1", "d1", REFRESH);

        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getPath()).isEqualTo(REFRESHES + "/" + REFRESH);
    }
}
