package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;

class FaultsAndTokensTest {

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
    void aThrottleBurstAnswers429WithRetryAfterOnTheScriptedRequestsOnly() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                faults:
                  - route: GET /v1/workspaces
                    kind: throttle
                    requests: [2, 3]
                    retryAfterSeconds: 7
                """));

        int first = harness.get("/v1/workspaces").status();
        EmulatorHarness.Reply second = harness.get("/v1/workspaces");
        int third = harness.get("/v1/workspaces").status();
        int fourth = harness.get("/v1/workspaces").status();

        assertThat(first).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isEqualTo("7");
        assertThat(second.json().path("errorCode").asText()).isEqualTo("RequestBlocked");
        assertThat(second.json().path("message").asText()).startsWith("Request is blocked by the upstream service");
        assertThat(second.json().path("requestId").asText()).isEqualTo(second.header("RequestId"));
        assertThat(third).isEqualTo(429);
        assertThat(fourth).isEqualTo(200);
    }

    @Test
    void retryAfterOfAThrottleIsScaledWithTheScenario() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                timeScale: 0.1
                faults:
                  - {route: GET /v1/workspaces, kind: throttle, requests: [1], retryAfterSeconds: 60}
                """));

        assertThat(harness.get("/v1/workspaces").header("Retry-After")).isEqualTo("6");
    }

    @Test
    void aServerErrorAnswersTheScriptedStatusInTheServiceErrorShape() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                faults:
                  - route: GET /v1.0/myorg/groups/{groupId}/datasets
                    kind: serverError
                    status: 503
                    requests: [1]
                """));

        EmulatorHarness.Reply reply = harness.get("/v1.0/myorg/groups/" + harness.sandbox() + "/datasets");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().at("/error/code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(harness.get("/v1.0/myorg/groups/" + harness.sandbox() + "/datasets").status()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionClosesWithoutAnAnswer() throws IOException {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                faults:
                  - {route: GET /v1/workspaces, kind: drop, requests: [1]}
                """));
        URI base = URI.create(harness.emulator.baseUrl());

        int firstByte;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /v1/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer t\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            firstByte = socket.getInputStream().read();
        }

        assertThat(firstByte).as("no byte of an answer before the connection closes").isEqualTo(-1);
        assertThat(harness.get("/v1/workspaces").status()).isEqualTo(200);
        assertThat(harness.emulator.stats().requests("GET /v1/workspaces")).isEqualTo(2);
    }

    @Test
    void aClientSeesTheDropAsAnIoFailureWhenItDoesNotRetry() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                faults:
                  - route: POST /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances
                    kind: drop
                    requests: [1]
                """));
        String path = harness.itemPath("DataPipeline", "transformation_pipeline_DBB")
                + "/jobs/instances?jobType=Pipeline";

        assertThatThrownBy(() -> harness.sendOrThrow(harness.request(path)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()))).isInstanceOf(IOException.class);
        assertThat(harness.emulator.stats().jobsStartedPerItem()).isEmpty();
    }

    @Test
    void aSlowResponseArrivesAfterItsRealTimeDelay() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                faults:
                  - {route: GET /v1/workspaces, kind: slow, delayMillis: 300, requests: [1]}
                """));

        long started = System.nanoTime();
        int status = harness.get("/v1/workspaces").status();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aRequestWithoutAuthorizationIsRefusedWith401InTheFabricShape() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.send(harness.anonymous("/v1/workspaces").GET());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("Unauthorized");
        assertThat(reply.json().path("requestId").asText()).isEqualTo(reply.header("RequestId"));
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenExpiresAfterTheScriptedNumberOfRequestsAndANewTokenWorks() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                tokenExpiry: {afterRequests: 2}
                """));

        int first = harness.get("/v1/workspaces").status();
        int second = harness.get("/v1/workspaces").status();
        EmulatorHarness.Reply third = harness.get("/v1/workspaces");
        int renewed = harness.send(harness.request("/v1/workspaces").GET()
                .setHeader("Authorization", "Bearer renewed-token")).status();

        assertThat(first).isEqualTo(200);
        assertThat(second).isEqualTo(200);
        assertThat(third.status()).isEqualTo(401);
        assertThat(third.json().path("errorCode").asText()).isEqualTo("TokenExpired");
        assertThat(third.json().path("message").asText()).isNotBlank();
        assertThat(third.json().path("requestId").asText()).isEqualTo(third.header("RequestId"));
        assertThat(renewed).isEqualTo(200);
    }

    @Test
    void aTokenExpiresAfterTheScriptedTime() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                tokenExpiry: {afterSeconds: 3600}
                """));

        int fresh = harness.get("/v1/workspaces").status();
        harness.advance(3_600);
        int old = harness.get("/v1/workspaces").status();

        assertThat(fresh).isEqualTo(200);
        assertThat(old).isEqualTo(401);
    }

    @Test
    void powerBiRefusesAnExpiredTokenWithItsOwnShape() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                tokenExpiry: {afterRequests: 1}
                """));
        String datasets = "/v1.0/myorg/groups/" + harness.sandbox() + "/datasets";
        harness.get(datasets);

        EmulatorHarness.Reply expired = harness.get(datasets);

        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().at("/error/code").asText()).isEqualTo("TokenExpired");
        assertThat(expired.json().at("/error/message").asText())
                .isEqualTo("Access token has expired, resubmit with a new access token");
    }

    @Test
    void anUnknownPathIsAnswered404AndCountedAsUnmatched() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.get("/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(harness.emulator.stats().requests("unmatched")).isEqualTo(1);
    }
}
