package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Power BI refreshes on a hand-moved clock: queue 2 s, then the model's duration. */
class RefreshTest {

    private static final String SCENARIO = """
            defaults:
              refreshQueueSeconds: 2
              refreshSeconds: 60
            models:
              Sales:
                busy: {startAfterSeconds: 0, seconds: 30}
              HR:
                failOnAttempts: [1]
                failure:
                  engineCode: "0xC11C0020"
                  errorCode: ModelRefresh_ShortMessage_ProcessingError
                  message: "The database was evicted"
              Finance:
                seconds: 1200
            """;
    private static final String ENHANCED = "{\"type\":\"Full\",\"commitMode\":\"Transactional\",\"maxParallelism\":2}";

    @TempDir
    Path temp;

    private EmulatorHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void anEnhancedRefreshAnswers202WithItsRequestIdAndLocation() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));

        EmulatorHarness.Reply reply = harness.post(refreshes("Finance"), ENHANCED);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.header("x-ms-request-id")).matches("[0-9a-f-]{36}");
        assertThat(reply.header("Location")).isEqualTo(harness.emulator.baseUrl() + refreshes("Finance") + "/"
                + reply.header("x-ms-request-id"));
        assertThat(reply.header("RequestId")).isNotEqualTo(reply.header("x-ms-request-id"));
    }

    @Test
    void aSecondRefreshWhileOneRunsGetsTheBusy400() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));
        harness.post(refreshes("Finance"), ENHANCED);

        EmulatorHarness.Reply second = harness.post(refreshes("Finance"), ENHANCED);

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().at("/error/code").asText()).isEqualTo("InvalidRequest");
        assertThat(second.json().at("/error/message").asText())
                .isEqualTo("Invalid dataset refresh request. Another refresh request is already executing");
    }

    @Test
    void extendedStatusMovesFromNotStartedThroughInProgressToCompleted() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));
        String location = harness.post(refreshes("Inventory"), ENHANCED).header("Location");

        EmulatorHarness.Reply queued = harness.get(location);
        harness.advance(2);
        EmulatorHarness.Reply running = harness.get(location);
        harness.advance(60);
        EmulatorHarness.Reply done = harness.get(location);

        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().path("extendedStatus").asText()).isEqualTo("NotStarted");
        assertThat(running.status()).isEqualTo(202);
        assertThat(running.json().path("extendedStatus").asText()).isEqualTo("InProgress");
        assertThat(running.json().path("status").asText()).isEqualTo("Unknown");
        assertThat(running.json().has("endTime")).isFalse();
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("extendedStatus").asText()).isEqualTo("Completed");
        assertThat(done.json().path("status").asText()).isEqualTo("Completed");
        assertThat(done.json().path("endTime").asText()).isEqualTo("2025-05-01T06:01:02.000Z");
        assertThat(done.json().path("objects").findValuesAsText("table"))
                .containsExactlyInAnyOrder("dim_warehouse", "fct_stock_levels");
        // Once the first refresh is over the model accepts another one.
        assertThat(harness.post(refreshes("Inventory"), ENHANCED).status()).isEqualTo(202);
    }

    @Test
    void aScriptedFailureReportsEngineMessagesAndTheNextAttemptSucceeds() throws Exception {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));
        String first = harness.post(refreshes("HR"), ENHANCED).header("Location");
        harness.advance(120);
        String second = harness.post(refreshes("HR"), ENHANCED).header("Location");
        harness.advance(120);

        JsonNode failed = harness.get(first).json();

        assertThat(failed.path("extendedStatus").asText()).isEqualTo("Failed");
        assertThat(failed.path("status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/messages/0/code").asText()).isEqualTo("0xC11C0020");
        assertThat(failed.at("/messages/0/type").asText()).isEqualTo("Error");
        JsonNode exception = new ObjectMapper().readTree(failed.at("/refreshAttempts/0/serviceExceptionJson").asText());
        assertThat(exception.path("errorCode").asText()).isEqualTo("ModelRefresh_ShortMessage_ProcessingError");
        assertThat(harness.get(second).json().path("extendedStatus").asText()).isEqualTo("Completed");
    }

    @Test
    void historyListsRefreshesNewestFirstAndHonoursTop() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));
        String first = harness.post(refreshes("HR"), ENHANCED).header("x-ms-request-id");
        harness.advance(120);
        String second = harness.post(refreshes("HR"), ENHANCED).header("x-ms-request-id");
        harness.advance(10);

        JsonNode all = harness.get(refreshes("HR")).json().path("value");
        JsonNode top = harness.get(refreshes("HR") + "?$top=1").json().path("value");

        assertThat(all.findValuesAsText("requestId")).containsExactly(second, first);
        assertThat(all.get(0).path("status").asText()).isEqualTo("Unknown");
        assertThat(all.get(0).has("endTime")).isFalse();
        assertThat(all.get(0).path("refreshType").asText()).isEqualTo("ViaEnhancedApi");
        assertThat(all.get(1).path("status").asText()).isEqualTo("Failed");
        assertThat(all.get(1).path("serviceExceptionJson").asText()).contains("ModelRefresh_ShortMessage");
        assertThat(top.findValuesAsText("requestId")).containsExactly(second);
    }

    @Test
    void aBusyModelIsAlreadyRefreshingOnItsScheduleWhenTheEmulatorStarts() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));

        EmulatorHarness.Reply refused = harness.post(refreshes("Sales"), ENHANCED);
        JsonNode running = harness.get(refreshes("Sales")).json().path("value").get(0);
        harness.advance(30);
        EmulatorHarness.Reply accepted = harness.post(refreshes("Sales"), ENHANCED);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(running.path("refreshType").asText()).isEqualTo("Scheduled");
        assertThat(running.path("status").asText()).isEqualTo("Unknown");
        assertThat(harness.get(refreshes("Sales") + "/" + running.path("requestId").asText()).status())
                .isEqualTo(404);
        assertThat(accepted.status()).isEqualTo(202);
    }

    @Test
    void cancellingARefreshInProgressEndsItCancelled() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));
        String location = harness.post(refreshes("Finance"), ENHANCED).header("Location");
        harness.advance(10);

        EmulatorHarness.Reply cancel = harness.delete(location);
        JsonNode after = harness.get(location).json();

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(after.path("extendedStatus").asText()).isEqualTo("Cancelled");
        assertThat(harness.delete(location).status()).isEqualTo(400);
    }

    @Test
    void aStandardRefreshIsAcceptedWithoutARequestIdHeader() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));

        EmulatorHarness.Reply reply = harness.post(refreshes("Operations"), "{\"notifyOption\":\"NoNotification\"}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.header("x-ms-request-id")).isNull();
        assertThat(reply.header("Location")).isNull();
        assertThat(harness.get(refreshes("Operations")).json().at("/value/0/refreshType").asText())
                .isEqualTo("ViaApi");
    }

    @Test
    void aRefreshLongerThanItsTimeoutEndsTimedOut() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));
        String location = harness.post(refreshes("Finance"), "{\"type\":\"Full\",\"timeout\":\"00:10:00\"}")
                .header("Location");
        harness.advance(3_600);

        assertThat(harness.get(location).json().path("extendedStatus").asText()).isEqualTo("TimedOut");
    }

    @Test
    void anUnknownDatasetIsRefusedWithThePowerBiErrorShape() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));

        EmulatorHarness.Reply reply = harness.post("/v1.0/myorg/groups/" + harness.sandbox()
                + "/datasets/00000000-0000-0000-0000-000000000009/refreshes", ENHANCED);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/error/code").asText()).isEqualTo("ItemNotFound");
        assertThat(reply.json().has("errorCode")).isFalse();
    }

    @Test
    void concurrentRequestsForOneModelStartExactlyOneRefresh() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(SCENARIO));
        java.util.List<java.util.concurrent.CompletableFuture<EmulatorHarness.Reply>> replies =
                new java.util.ArrayList<>();
        try (var pool = new PoolCloser(java.util.concurrent.Executors.newFixedThreadPool(8))) {
            for (int i = 0; i < 8; i++) {
                replies.add(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> harness.post(refreshes("Customer360"), ENHANCED), pool.executor()));
            }
            java.util.List<Integer> statuses = replies.stream().map(f -> f.join().status()).toList();

            assertThat(statuses).containsOnlyOnce(202).containsOnly(202, 400);
            assertThat(harness.emulator.stats().maxInFlightRefreshes("sandbox", "Customer360")).isEqualTo(1);
        }
    }

    /** Shuts a pool down when a test ends. */
    private record PoolCloser(java.util.concurrent.ExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    private String refreshes(String model) {
        return "/v1.0/myorg/groups/" + harness.sandbox() + "/datasets/" + harness.item("SemanticModel", model)
                + "/refreshes";
    }
}
