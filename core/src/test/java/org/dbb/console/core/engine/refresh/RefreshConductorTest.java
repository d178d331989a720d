package org.dbb.console.core.engine.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.fabric.powerbi.PowerBiClient;
import org.dbb.console.core.fabric.powerbi.RefreshDetail;
import org.dbb.console.core.fabric.powerbi.RefreshHistoryEntry;
import org.dbb.console.core.fabric.powerbi.RefreshObjectStatus;
import org.dbb.console.core.fabric.powerbi.RefreshState;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.workspace.Workspace;

/**
 * The conductor driving the real Power BI client over HTTP against the emulator, seeded from the sample's six
 * models, on the system clock at time scale 0.001 (a scenario second is a real millisecond).
 */
@Timeout(10)
class RefreshConductorTest {

    private static final List<String> SAMPLE_MODELS = List.of("Customer360", "Finance", "HR", "Inventory",
            "Operations", "Sales");
    private static final Duration LONG_TARGET = Duration.ofSeconds(30);
    private static final RefreshPolicy NO_RETRIES = new RefreshPolicy(0, Duration.ofMillis(20), Duration.ofSeconds(5));

    @TempDir
    static Path shared;
    private static Workspace repository;

    @TempDir
    Path scenarios;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private EmulatorFixture fixture;

    @BeforeAll
    static void exportSample() {
        repository = EmulatorFixture.sample(shared);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        if (fixture != null) {
            fixture.close();
        }
    }

    private RefreshConductor conductor(String scenarioYaml) {
        fixture = EmulatorFixture.builder(repository)
                .scenario(EmulatorFixture.scenarioFile(scenarios.resolve("scenario.yml"), scenarioYaml)).start();
        return new RefreshConductor(fixture.powerBi(), scheduler, Clock.systemUTC());
    }

    private static String scenario(int refreshSeconds, String models) {
        return """
                version: 1
                timeScale: 0.001
                defaults: {refreshSeconds: %d, refreshQueueSeconds: 0}
                """.formatted(refreshSeconds) + (models.isBlank() ? "" : "models:\n" + models);
    }

    private RefreshTarget target(String model) {
        return target(model, LONG_TARGET);
    }

    private RefreshTarget target(String model, Duration target) {
        return RefreshTarget.of(model, fixture.sandboxId(), fixture.itemId("SemanticModel", model), target);
    }

    private List<RefreshTarget> targets(List<String> models) {
        return models.stream().map(this::target).toList();
    }

    private static ConductorResult finish(ConductorRun run) throws Exception {
        return run.completion().get(8, TimeUnit.SECONDS);
    }

    private static long count(Map<String, ModelProgress> snapshot, ModelState state) {
        return snapshot.values().stream().filter(p -> p.state() == state).count();
    }

    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {1, 3, 8})
    void neverRunsMoreThanTheCapNorTwoRefreshesOfOneModel(int cap) throws Exception {
        RefreshConductor conductor = conductor(scenario(200, ""));
        RecordingConductorListener listener = new RecordingConductorListener();

        ConductorResult result = finish(conductor.start(targets(SAMPLE_MODELS), cap, NO_RETRIES, listener));

        EmulatorStats stats = fixture.stats();
        assertThat(stats.maxInFlightRefreshes()).isLessThanOrEqualTo(cap)
                .as("runs in parallel up to the cap").isGreaterThanOrEqualTo(Math.min(cap, 3));
        assertThat(stats.maxInFlightRefreshesPerModel()).hasSize(SAMPLE_MODELS.size()).allSatisfy(
                (model, max) -> assertThat(max).as(model).isEqualTo(1));
        assertThat(listener.maxRunning()).isLessThanOrEqualTo(cap);
        assertThat(result.state()).isEqualTo(ModelState.SUCCEEDED);
        assertThat(result.models()).extracting(ModelResult::model).containsExactlyElementsOf(SAMPLE_MODELS);
        assertThat(result.models()).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(ModelState.SUCCEEDED);
            assertThat(m.attempts()).singleElement().extracting(RefreshOutcome::status)
                    .isEqualTo(AttemptStatus.SUCCEEDED);
        });
        List<String> started = listener.events("started").stream().map(RecordingConductorListener.Event::model)
                .toList();
        // models are requested in list order; the first {@code cap} are requested together, so Power BI may
        // accept them in any order
        assertThat(started.subList(0, Math.min(cap, 6))).containsExactlyInAnyOrderElementsOf(
                SAMPLE_MODELS.subList(0, Math.min(cap, 6)));
        if (cap == 1) {
            assertThat(started).containsExactlyElementsOf(SAMPLE_MODELS);
        }
        if (cap < SAMPLE_MODELS.size()) {
            assertThat(listener.waits(SAMPLE_MODELS.get(cap))).first()
                    .isInstanceOfSatisfying(ModelWait.Slot.class, slot -> {
                        assertThat(slot.heldBy()).containsExactlyElementsOf(SAMPLE_MODELS.subList(0, cap));
                        assertThat(slot.reason()).contains("held by " + SAMPLE_MODELS.get(0));
                    });
        }
    }

    @Test
    void sendsAFullTransactionalEnhancedRefreshOfTheListedTablesWithoutPowerBiRetries() throws Exception {
        RefreshConductor conductor = conductor(scenario(20, ""));
        RefreshTarget hr = new RefreshTarget("HR", fixture.sandboxId(), fixture.itemId("SemanticModel", "HR"),
                LONG_TARGET, List.of("dim_employee"));

        ConductorResult result = finish(conductor.start(List.of(hr), 1, NO_RETRIES, ConductorListener.NONE));

        String refreshId = result.model("HR").orElseThrow().attempts().get(0).refreshId().orElseThrow();
        RefreshDetail detail = fixture.powerBi().getRefresh(hr.groupId(), hr.datasetId(), refreshId);
        assertThat(detail.type()).contains("Full");
        assertThat(detail.commitMode()).contains("Transactional");
        assertThat(detail.objects()).extracting(RefreshObjectStatus::table).containsExactly("dim_employee");
        assertThat(ConductedRun.request(hr).retryCount()).hasValue(0);
    }

    @Test
    void aBusyModelWaitsWithoutHoldingASlotAndThenRunsItsOwnRefresh() throws Exception {
        RefreshConductor conductor = conductor(scenario(40, """
                  Sales:
                    busy: {startAfterSeconds: 0, seconds: 600}
                """));
        RecordingConductorListener listener = new RecordingConductorListener();

        ConductorResult result = finish(conductor.start(targets(List.of("Sales", "HR", "Finance")), 1, NO_RETRIES,
                listener));

        assertThat(listener.waits("Sales")).anySatisfy(w -> {
            assertThat(w.kind()).isEqualTo(ModelWait.Kind.MODEL_BUSY);
            assertThat(((ModelWait.ModelBusy) w).refreshType()).contains("Scheduled");
        });
        assertThat(listener.waits("Sales")).filteredOn(w -> w.kind() == ModelWait.Kind.MODEL_BUSY)
                .as("reported once per busy refresh, not once per check").hasSize(1);
        ModelResult sales = result.model("Sales").orElseThrow();
        assertThat(sales.state()).isEqualTo(ModelState.SUCCEEDED);
        assertThat(sales.attempts()).singleElement().extracting(RefreshOutcome::status)
                .isEqualTo(AttemptStatus.SUCCEEDED);
        assertThat(result.state()).isEqualTo(ModelState.SUCCEEDED);
        assertThat(listener.indexOf("started", "HR")).as("HR uses the only slot while Sales is busy")
                .isLessThan(listener.indexOf("started", "Sales"));
        List<RefreshHistoryEntry> history = fixture.powerBi().refreshHistory(fixture.sandboxId(),
                fixture.itemId("SemanticModel", "Sales"), 10);
        assertThat(history).extracting(RefreshHistoryEntry::refreshType)
                .as("our own refresh after the scheduled one").containsExactly("ViaEnhancedApi", "Scheduled");
        assertThat(fixture.stats().maxInFlightRefreshes()).isEqualTo(1);
    }

    @Test
    void raisingTheCapStartsQueuedModelsAtOnce() throws Exception {
        RefreshConductor conductor = conductor(scenario(1000, ""));
        RecordingConductorListener listener = new RecordingConductorListener(1);
        ConductorRun run = conductor.start(targets(SAMPLE_MODELS), 1, NO_RETRIES, listener);
        listener.awaitStarts();
        assertThat(count(run.snapshot(), ModelState.QUEUED)).isEqualTo(5);

        run.setCap(6);

        assertThat(run.cap()).isEqualTo(6);
        assertThat(count(run.snapshot(), ModelState.REFRESHING)).as("requested as setCap returns").isEqualTo(6);
        ConductorResult result = finish(run);
        assertThat(result.state()).isEqualTo(ModelState.SUCCEEDED);
        assertThat(fixture.stats().maxInFlightRefreshes()).isEqualTo(6);
        assertThat(listener.maxRunning()).isEqualTo(6);
        assertThat(listener.events("started")).extracting(RecordingConductorListener.Event::runningBefore)
                .as("all five started while the first one still ran").containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void loweringTheCapHoldsNewStartsWithoutCancellingRunningOnes() throws Exception {
        RefreshConductor conductor = conductor(scenario(200, ""));
        RecordingConductorListener listener = new RecordingConductorListener(3);
        ConductorRun run = conductor.start(targets(SAMPLE_MODELS), 3, NO_RETRIES, listener);
        listener.awaitStarts();

        run.setCap(1);

        assertThat(count(run.snapshot(), ModelState.REFRESHING)).isEqualTo(3);
        ConductorResult result = finish(run);
        assertThat(result.state()).isEqualTo(ModelState.SUCCEEDED);
        assertThat(result.models()).allSatisfy(m -> assertThat(m.attempts()).hasSize(1));
        List<RecordingConductorListener.Event> starts = listener.events("started");
        assertThat(starts.subList(3, 6)).extracting(RecordingConductorListener.Event::runningBefore)
                .as("after lowering, each start waits until nothing else runs").containsOnly(0);
        assertThat(fixture.stats().maxInFlightRefreshes()).isEqualTo(3);
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheIntervalAndSucceeds() throws Exception {
        RefreshConductor conductor = conductor(scenario(30, """
                  HR:
                    failOnAttempts: [1]
                    failure: {engineCode: "0xC11C0020", errorCode: ModelRefresh_ShortMessage_ProcessingError, message: "The model was evicted from memory"}
                """));
        RecordingConductorListener listener = new RecordingConductorListener();
        RefreshPolicy policy = new RefreshPolicy(2, Duration.ofMillis(80), Duration.ofSeconds(5));

        ConductorResult result = finish(conductor.start(targets(List.of("HR", "Sales")), 2, policy, listener));

        ModelResult hr = result.model("HR").orElseThrow();
        assertThat(hr.state()).isEqualTo(ModelState.SUCCEEDED);
        assertThat(hr.attempts()).extracting(RefreshOutcome::attempt, RefreshOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, AttemptStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple(2, AttemptStatus.SUCCEEDED));
        assertThat(hr.attempts().get(0).errorCode()).contains("ModelRefresh_ShortMessage_ProcessingError");
        assertThat(hr.attempts().get(0).errorMessage()).hasValueSatisfying(
                m -> assertThat(m).contains("evicted").contains("0xC11C0020"));
        assertThat(listener.waits("HR")).anySatisfy(w -> assertThat(w)
                .isInstanceOfSatisfying(ModelWait.RetryAt.class, r -> assertThat(r.nextAttempt()).isEqualTo(2)));
        RecordingConductorListener.Event failed = listener.events("ended", "HR").get(0);
        RecordingConductorListener.Event second = listener.events("started", "HR").get(1);
        assertThat(Duration.ofNanos(second.nanos() - failed.nanos())).as("waited the retry interval")
                .isGreaterThanOrEqualTo(Duration.ofMillis(70));
        assertThat(result.state()).isEqualTo(ModelState.SUCCEEDED);
    }

    @Test
    void withoutRetriesAFailedAttemptFailsTheModelWithTheServiceErrorCode() throws Exception {
        RefreshConductor conductor = conductor(scenario(30, """
                  HR:
                    failOnAttempts: [1]
                    failure: {engineCode: "0xC11C0020", errorCode: ModelRefresh_ShortMessage_ProcessingError, message: "The model was evicted from memory"}
                """));

        ConductorResult result = finish(conductor.start(targets(List.of("HR", "Sales")), 2, NO_RETRIES,
                ConductorListener.NONE));

        assertThat(result.state()).isEqualTo(ModelState.FAILED);
        assertThat(result.failed()).singleElement().satisfies(hr -> {
            assertThat(hr.model()).isEqualTo("HR");
            assertThat(hr.attempts()).hasSize(1);
            assertThat(hr.errorCode()).contains("ModelRefresh_ShortMessage_ProcessingError");
        });
        assertThat(result.model("Sales").orElseThrow().state()).isEqualTo(ModelState.SUCCEEDED);
    }

    @Test
    void theAttemptTimeoutCancelsTheRefreshAndCountsAsTimedOut() throws Exception {
        RefreshConductor conductor = conductor(scenario(30, """
                  Inventory:
                    seconds: 100000
                """));
        RecordingConductorListener listener = new RecordingConductorListener();
        RefreshPolicy policy = new RefreshPolicy(0, Duration.ofMillis(20), Duration.ofMillis(150));

        ConductorResult result = finish(conductor.start(targets(List.of("Inventory")), 2, policy, listener));

        ModelResult inventory = result.model("Inventory").orElseThrow();
        assertThat(inventory.state()).isEqualTo(ModelState.FAILED);
        RefreshOutcome attempt = inventory.attempts().get(0);
        assertThat(attempt.status()).isEqualTo(AttemptStatus.TIMED_OUT);
        assertThat(attempt.errorCode()).contains("AttemptTimedOut");
        assertThat(attempt.duration()).isBetween(Duration.ofMillis(150), Duration.ofSeconds(2));
        RefreshDetail detail = fixture.powerBi().getRefresh(fixture.sandboxId(),
                fixture.itemId("SemanticModel", "Inventory"), attempt.refreshId().orElseThrow());
        assertThat(detail.state()).isEqualTo(RefreshState.CANCELLED);
        assertThat(fixture.stats().inFlightRefreshes()).isZero();
        assertThat(listener.events("ended", "Inventory")).singleElement();
    }

    @Test
    void anOverrunIsReportedOnceAndTheRefreshCarriesOn() throws Exception {
        RefreshConductor conductor = conductor(scenario(30, """
                  Finance:
                    seconds: 400
                """));
        RecordingConductorListener listener = new RecordingConductorListener();
        Duration target = Duration.ofMillis(100);

        ConductorResult result = finish(conductor.start(List.of(target("Finance", target), target("HR")), 2,
                NO_RETRIES, listener));

        assertThat(listener.events("overrun")).singleElement().satisfies(e -> {
            assertThat(e.model()).isEqualTo("Finance");
            assertThat((Duration) e.detail()).isGreaterThan(target);
        });
        assertThat(listener.indexOf("overrun", "Finance")).as("reported while it ran")
                .isLessThan(listener.indexOf("ended", "Finance"));
        ModelResult finance = result.model("Finance").orElseThrow();
        assertThat(finance.state()).isEqualTo(ModelState.SUCCEEDED);
        assertThat(finance.overran()).isTrue();
        assertThat(finance.elapsed()).isGreaterThan(Duration.ofMillis(350));
        assertThat(result.model("HR").orElseThrow().overran()).isFalse();
    }

    @Test
    void cancelStopsEveryRefreshInFlightAndEndsTheRunCancelled() throws Exception {
        RefreshConductor conductor = conductor(scenario(100000, ""));
        RecordingConductorListener listener = new RecordingConductorListener(3);
        ConductorRun run = conductor.start(targets(SAMPLE_MODELS), 3, NO_RETRIES, listener);
        listener.awaitStarts();
        assertThat(fixture.stats().inFlightRefreshes()).isEqualTo(3);

        run.cancel();

        ConductorResult result = finish(run);
        assertThat(result.state()).isEqualTo(ModelState.CANCELLED);
        assertThat(result.models()).allSatisfy(m -> assertThat(m.state()).isEqualTo(ModelState.CANCELLED));
        assertThat(fixture.stats().inFlightRefreshes()).isZero();
        assertThat(result.models().subList(0, 3)).allSatisfy(m -> assertThat(m.attempts()).singleElement()
                .extracting(RefreshOutcome::status).isEqualTo(AttemptStatus.CANCELLED));
        assertThat(result.models().subList(3, 6)).allSatisfy(m -> assertThat(m.attempts()).isEmpty());
        assertThat(run.snapshot().values()).allSatisfy(p -> assertThat(p.state()).isEqualTo(ModelState.CANCELLED));
        PowerBiClient powerBi = fixture.powerBi();
        for (ModelResult m : result.models().subList(0, 3)) {
            String refreshId = m.attempts().get(0).refreshId().orElseThrow();
            assertThat(powerBi.getRefresh(fixture.sandboxId(), fixture.itemId("SemanticModel", m.model()), refreshId)
                    .state()).isEqualTo(RefreshState.CANCELLED);
        }
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheRun() throws Exception {
        RefreshConductor conductor = conductor(scenario(30, """
                  HR:
                    failOnAttempts: [1]
                    failure: {engineCode: "0xC11C0020", errorCode: ModelRefresh_ShortMessage_ProcessingError, message: "evicted"}
                """));
        AtomicInteger calls = new AtomicInteger();
        ConductorListener throwing = new ConductorListener() {
            @Override
            public void waiting(String model, ModelWait reason) {
                calls.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void attemptStarted(String model, int attempt, String refreshId, java.time.Instant at) {
                calls.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void attemptEnded(String model, int attempt, RefreshOutcome outcome, java.time.Instant at) {
                calls.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }
        };
        RefreshPolicy policy = new RefreshPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(5));

        ConductorResult result = finish(conductor.start(targets(SAMPLE_MODELS), 2, policy, throwing));

        assertThat(result.state()).isEqualTo(ModelState.SUCCEEDED);
        assertThat(result.models()).allSatisfy(m -> assertThat(m.state()).isEqualTo(ModelState.SUCCEEDED));
        assertThat(calls.get()).as("every callback was still made").isGreaterThanOrEqualTo(2 * 6 + 2 + 4);
    }

    @Test
    void aThrottleThatOutlastsTheTransportRetriesIsAWaitNotAFailure() throws Exception {
        RefreshConductor conductor = conductor(scenario(30, "") + """
                faults:
                  - route: POST /v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes
                    kind: throttle
                    requests: [1, 2, 3, 4]
                    retryAfterSeconds: 20
                """);
        RecordingConductorListener listener = new RecordingConductorListener();

        ConductorResult result = finish(conductor.start(targets(List.of("HR")), 1, NO_RETRIES, listener));

        assertThat(listener.waits("HR")).anySatisfy(w -> assertThat(w.kind()).isEqualTo(ModelWait.Kind.THROTTLED));
        assertThat(result.model("HR").orElseThrow().attempts()).singleElement().extracting(RefreshOutcome::status)
                .isEqualTo(AttemptStatus.SUCCEEDED);
        assertThat(result.state()).isEqualTo(ModelState.SUCCEEDED);
    }

    @Test
    void refusesAModelListedTwiceNamingIt() {
        RefreshConductor conductor = conductor(scenario(30, ""));
        List<RefreshTarget> twice = List.of(target("HR"), target("Sales"), target("HR"));

        assertThatThrownBy(() -> conductor.start(twice, 2, NO_RETRIES, ConductorListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'HR'");
        assertThatThrownBy(() -> conductor.start(List.of(target("HR")), 0, NO_RETRIES, ConductorListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap");
        assertThat(fixture.stats().requests("POST /v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes"))
                .isZero();
    }
}
