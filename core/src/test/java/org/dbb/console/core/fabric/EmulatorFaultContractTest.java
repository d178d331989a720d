package org.dbb.console.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.TokenScope;
import org.dbb.console.core.emulator.MutableClock;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.http.Waiting;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.fabric.powerbi.PowerBiClient;
import org.dbb.console.core.fabric.powerbi.RefreshRequest;
import org.dbb.console.core.fabric.powerbi.RefreshStart;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.fabric.testing.FakeTokens;
import org.dbb.console.core.fabric.testing.RotatingTokens;
import org.dbb.console.core.workspace.Workspace;

/**
 * The clients' retry, idempotency and sign-in rules against faults the emulator injects from scenario files:
 * throttling storms, server errors, dropped connections and expired tokens. Each test's scenario file is written
 * here; the clients retry within {@code TransportFixture.QUICK} (4 attempts, 3 s of waiting). Nothing may hang.
 */
@Timeout(20)
class EmulatorFaultContractTest {

    private static final String ITEMS = "GET /v1/workspaces/{workspaceId}/items";
    private static final String RUN_JOB = "POST /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances";
    private static final String REFRESH = "POST /v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes";

    @TempDir
    static Path shared;

    private static Workspace repository;

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T06:00:00Z"));
    private EmulatorFixture fixture;

    @BeforeAll
    static void exportSample() {
        repository = EmulatorFixture.sample(shared);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private EmulatorFixture start(String scenarioYaml) {
        return start(scenarioYaml, new RotatingTokens());
    }

    private EmulatorFixture start(String scenarioYaml, AccessTokens tokens) {
        fixture = EmulatorFixture.builder(repository)
                .scenario(EmulatorFixture.scenarioFile(temp.resolve("scenario.yml"), scenarioYaml))
                .tokens(tokens).clock(clock, Duration.ofSeconds(1)).start();
        return fixture;
    }

    private List<Waiting> waits(WaitCause cause) {
        return fixture.waits.all().stream().filter(w -> w.cause() == cause).toList();
    }

    // Throttling

    @Test
    void aThrottleStormIsRetriedAfterEachRetryAfterAndTheCallSucceeds() {
        start("""
                timeScale: 0.001
                faults:
                  - route: GET /v1/workspaces/{workspaceId}/items
                    kind: throttle
                    requests: [1]
                    retryAfterSeconds: 1000     # 1 s at this time scale
                  - route: GET /v1/workspaces/{workspaceId}/items
                    kind: throttle
                    requests: [2, 3]
                    retryAfterSeconds: 0
                """);

        List<Item> items = fixture.fabric().listItems(fixture.sandboxId());

        assertThat(items).hasSize(fixture.sandbox().items().size());
        List<Waiting> throttled = waits(WaitCause.THROTTLED);
        assertThat(throttled).hasSize(3);
        assertThat(throttled.get(0).retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(throttled.get(0).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttled.get(0).reason())
                .matches("throttled by Fabric until \\d\\d:\\d\\d:\\d\\d \\(429, Retry-After 1 s\\)");
        assertThat(throttled.get(1).reason()).contains("(429, Retry-After 0 s)");
        assertThat(fixture.stats().requests(ITEMS)).isEqualTo(4);
    }

    @Test
    void aThrottleStormLongerThanTheRetryBudgetFailsWithTheReasonAfterTheAllowedAttempts() {
        start("""
                timeScale: 0.001
                faults:
                  - route: GET /v1/workspaces/{workspaceId}/items
                    kind: throttle
                    requests: [1, 2, 3, 4, 5, 6]
                    retryAfterSeconds: 0
                """);

        assertThatThrownBy(() -> fixture.fabric().listItems(fixture.sandboxId()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.errorCode()).isEqualTo("RequestBlocked");
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.getMessage()).startsWith("gave up after 4 attempts (the retry budget allows 4"
                            + " attempts): GET /v1/workspaces/{workspaceId}/items failed: 429 RequestBlocked");
                });
        assertThat(fixture.stats().requests(ITEMS)).isEqualTo(4);
    }

    @Test
    void aRetryAfterLongerThanTheBudgetLeftFailsAtOnceRatherThanWaiting() {
        start("""
                timeScale: 0.001
                faults:
                  - route: GET /v1/workspaces/{workspaceId}/items
                    kind: throttle
                    requests: [1]
                    retryAfterSeconds: 30000
                """);

        assertThatThrownBy(() -> fixture.fabric().listItems(fixture.sandboxId()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(e.getMessage()).contains("Retry-After 30 s is more than the 3 s of waiting left");
                });
        assertThat(waits(WaitCause.THROTTLED)).isEmpty();
    }

    @Test
    void aThrottledRefreshRequestIsSentAgainBecauseTheServiceRefusedIt() {
        start("""
                timeScale: 0.001
                faults:
                  - route: POST /v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes
                    kind: throttle
                    requests: [1]
                    retryAfterSeconds: 0
                """);

        RefreshStart start = fixture.powerBi().triggerRefresh(fixture.sandboxId(),
                fixture.itemId("SemanticModel", "Finance"), RefreshRequest.full());

        assertThat(start).isInstanceOf(RefreshStart.Started.class);
        assertThat(waits(WaitCause.THROTTLED)).singleElement()
                .satisfies(w -> assertThat(w.reason()).startsWith("throttled by Power BI until"));
        assertThat(fixture.stats().requests(REFRESH)).isEqualTo(2);
        assertThat(fixture.stats().maxInFlightRefreshes("sandbox", "Finance")).isEqualTo(1);
    }

    // Server errors

    @Test
    void serverErrorsWhilePollingAJobAreRetriedAndThePollCarriesOn() {
        start("""
                timeScale: 0.001
                faults:
                  - route: GET /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances/{jobInstanceId}
                    kind: serverError
                    status: 503
                    requests: [1, 2]
                """);
        FabricClient fabric = fixture.fabric();

        JobInstance done = fabric.awaitJob(fabric.runJob(fixture.sandboxId(),
                fixture.itemId("Notebook", "nb_silver_conform"), JobRequest.notebook(Map.of())));

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(waits(WaitCause.SERVICE_UNAVAILABLE)).hasSize(2)
                .allSatisfy(w -> assertThat(w.reason()).startsWith("Fabric unavailable (503"));
    }

    @Test
    void aJobSubmissionAnswered500IsSentAgainOnlyBecauseFabricMarksItRetriableAndStartsOneJob() {
        start("""
                timeScale: 0.001
                faults:
                  - route: POST /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances
                    kind: serverError
                    status: 500
                    requests: [1]
                """);
        FabricClient fabric = fixture.fabric();

        JobInstance done = fabric.awaitJob(fabric.runJob(fixture.sandboxId(),
                fixture.itemId("Notebook", "nb_silver_conform"), JobRequest.notebook(Map.of())));

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(fixture.stats().requests(RUN_JOB)).isEqualTo(2);
        assertThat(fixture.stats().jobsStarted("sandbox", "nb_silver_conform")).isEqualTo(1);
    }

    @Test
    void aRefreshRequestAnswered500IsNotSentAgainAndItsOutcomeIsUnknown() {
        start("""
                timeScale: 0.001
                faults:
                  - route: POST /v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes
                    kind: serverError
                    status: 500
                    requests: [1]
                """);

        assertThatThrownBy(() -> fixture.powerBi().triggerRefresh(fixture.sandboxId(),
                fixture.itemId("SemanticModel", "Finance"), RefreshRequest.full()))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("check its state before sending it again");
                });
        assertThat(fixture.stats().requests(REFRESH)).isEqualTo(1);
    }

    // Dropped connections

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        start("""
                timeScale: 0.001
                faults:
                  - route: GET /v1/workspaces
                    kind: drop
                    requests: [1]
                """);

        List<org.dbb.console.core.fabric.Workspace> workspaces = fixture.fabric().listWorkspaces();

        assertThat(workspaces).hasSize(fixture.emulator.workspaces().size());
        assertThat(waits(WaitCause.CONNECTION_FAILED)).singleElement()
                .satisfies(w -> assertThat(w.reason()).startsWith("connection to Fabric failed (ConnectionDropped)"));
        assertThat(fixture.stats().requests("GET /v1/workspaces")).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionOnAJobSubmissionIsNotSentAgainAndItsOutcomeIsUnknown() {
        start("""
                timeScale: 0.001
                faults:
                  - route: POST /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances
                    kind: drop
                    requests: [1]
                """);

        assertThatThrownBy(() -> fixture.fabric().runJob(fixture.sandboxId(),
                fixture.itemId("DataPipeline", "orchestration_pipeline_DBB"), JobRequest.pipeline(Map.of())))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ConnectionDropped");
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(fixture.stats().requests(RUN_JOB)).isEqualTo(1);
        assertThat(fixture.stats().jobsStartedPerItem()).isEmpty();
    }

    // Expired tokens

    @Test
    void fabricRefusingAnExpiredTokenWith401GetsOneFreshTokenAndTheCallSucceeds() {
        RotatingTokens tokens = new RotatingTokens();
        start("""
                timeScale: 0.001
                tokenExpiry: {afterRequests: 2}
                """, tokens);
        FabricClient fabric = fixture.fabric();

        for (int i = 0; i < 3; i++) {
            assertThat(fabric.listWorkspaces()).isNotEmpty();
        }

        assertThat(tokens.refreshes()).isEqualTo(1);
        assertThat(tokens.asks()).contains(new FakeTokens.Ask(TokenScope.FABRIC, true));
        assertThat(fixture.stats().requests("GET /v1/workspaces")).isEqualTo(4);
    }

    @Test
    void powerBiRefusingAnExpiredTokenWith403IsTreatedLikeA401() {
        RotatingTokens tokens = new RotatingTokens();
        start("""
                timeScale: 0.001
                tokenExpiry: {afterRequests: 1}
                """, tokens);
        PowerBiClient powerBi = fixture.powerBi();
        String finance = fixture.itemId("SemanticModel", "Finance");

        powerBi.refreshHistory(fixture.sandboxId(), finance, 1);
        powerBi.refreshHistory(fixture.sandboxId(), finance, 1);

        assertThat(tokens.asks()).containsOnlyOnce(new FakeTokens.Ask(TokenScope.POWER_BI, true));
        assertThat(tokens.refreshes()).isEqualTo(1);
    }

    @Test
    void aTokenRefusedAgainAfterARefreshMeansTheSignInExpiredForFabric() {
        start("""
                timeScale: 0.001
                tokenExpiry: {afterRequests: 1}
                """, new FakeTokens("stale", "stale"));
        FabricClient fabric = fixture.fabric();
        fabric.listWorkspaces();

        assertThatThrownBy(fabric::listWorkspaces).isInstanceOf(SignInException.class)
                .hasMessageStartingWith("sign-in expired for sandbox (GET /v1/workspaces was refused even with a"
                        + " freshly fetched token");
    }

    @Test
    void aTokenRefusedAgainAfterARefreshMeansTheSignInExpiredForPowerBi() {
        start("""
                timeScale: 0.001
                tokenExpiry: {afterRequests: 1}
                """, new FakeTokens("stale", "stale"));
        PowerBiClient powerBi = fixture.powerBi();
        String finance = fixture.itemId("SemanticModel", "Finance");
        powerBi.refreshHistory(fixture.sandboxId(), finance, 1);

        assertThatThrownBy(() -> powerBi.triggerRefresh(fixture.sandboxId(), finance, RefreshRequest.full()))
                .isInstanceOf(SignInException.class)
                .hasMessageStartingWith("sign-in expired for sandbox (POST /v1.0/myorg/groups/{groupId}/datasets/"
                        + "{datasetId}/refreshes was refused even with a freshly fetched token");
        assertThat(fixture.stats().inFlightRefreshes()).isZero();
    }
}
