package org.dbb.console.core.fabric.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.emulator.MutableClock;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.workspace.Workspace;

/**
 * The Power BI client against the emulator: enhanced refreshes polled to their end, busy models, history, cancel
 * and the emulator's in-flight counters. Hand-moved clock at time scale 0.001, one real second on per status poll.
 */
@Timeout(20)
class EmulatorRefreshContractTest {

    private static final String SCENARIO = """
            version: 1
            timeScale: 0.001
            defaults: {refreshSeconds: 60, refreshQueueSeconds: 2, pollSeconds: 5}
            models:
              Sales:
                busy: {startAfterSeconds: 0, seconds: 100000}
              HR:
                failOnAttempts: [1]
                failure:
                  engineCode: "0xC11C0020"
                  errorCode: ModelRefresh_ShortMessage_ProcessingError
                  message: "The model was evicted from memory"
              Inventory:
                seconds: 100000
            """;

    @TempDir
    static Path shared;

    private static Workspace repository;
    private static Scenario scenario;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T06:00:00Z"));
    private EmulatorFixture fixture;
    private PowerBiClient powerBi;
    private String group;

    @BeforeAll
    static void exportSample() {
        repository = EmulatorFixture.sample(shared);
        scenario = EmulatorFixture.scenarioFile(shared.resolve("refreshes.yml"), SCENARIO);
    }

    @BeforeEach
    void start() {
        fixture = EmulatorFixture.builder(repository).scenario(scenario).clock(clock, Duration.ofSeconds(1)).start();
        powerBi = fixture.powerBi();
        group = fixture.sandboxId();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private String model(String name) {
        return fixture.itemId("SemanticModel", name);
    }

    private RefreshRef started(RefreshStart start) {
        assertThat(start).isInstanceOf(RefreshStart.Started.class);
        return ((RefreshStart.Started) start).refresh();
    }

    @Test
    void anEnhancedRefreshIsPolledUntilCompletedWithItsTablesAndShowsInTheHistory() {
        String finance = model("Finance");

        RefreshRef ref = started(powerBi.triggerRefresh(group, finance, RefreshRequest.full()));
        RefreshDetail done = powerBi.awaitRefresh(ref);
        List<RefreshHistoryEntry> history = powerBi.refreshHistory(group, finance, 5);

        assertThat(done.state()).isEqualTo(RefreshState.COMPLETED);
        assertThat(done.endTime()).isPresent();
        assertThat(done.objects()).extracting(RefreshObjectStatus::table)
                .containsExactlyInAnyOrder("dim_date", "dim_account", "fct_gl_entries");
        assertThat(done.objects()).allSatisfy(o -> assertThat(o.state()).isEqualTo(RefreshState.COMPLETED));
        assertThat(done.errors()).isEmpty();
        assertThat(history).first().satisfies(entry -> {
            assertThat(entry.requestId()).isEqualTo(ref.refreshId());
            assertThat(entry.refreshType()).isEqualTo("ViaEnhancedApi");
            assertThat(entry.state()).isEqualTo(RefreshState.COMPLETED);
        });
        assertThat(fixture.waits.all()).filteredOn(w -> w.cause() == WaitCause.REFRESH_RUNNING).isNotEmpty()
                .allSatisfy(w -> assertThat(w.reason()).startsWith("Power BI refresh " + ref.refreshId()));
    }

    @Test
    void aModelAlreadyRefreshingOnItsScheduleIsBusyNotFailed() {
        String sales = model("Sales");

        RefreshStart start = powerBi.triggerRefresh(group, sales, RefreshRequest.full());
        List<RefreshHistoryEntry> history = powerBi.refreshHistory(group, sales, 1);

        assertThat(start).isInstanceOfSatisfying(RefreshStart.Busy.class, busy -> {
            assertThat(busy.datasetId()).isEqualTo(sales);
            assertThat(busy.message()).contains("already executing");
            assertThat(busy.requestId()).isPresent();
        });
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.refreshType()).isEqualTo("Scheduled");
            assertThat(entry.isRunning()).isTrue();
        });
        // the scheduled refresh is not the client's doing, so the counters leave it out
        assertThat(fixture.stats().maxInFlightRefreshes()).isZero();
    }

    @Test
    void aRefreshScriptedToFailReportsTheEngineErrorAndTheNextOneCompletes() {
        String hr = model("HR");

        RefreshDetail failed = powerBi.awaitRefresh(started(powerBi.triggerRefresh(group, hr, RefreshRequest.full())));
        RefreshDetail retried = powerBi.awaitRefresh(started(powerBi.triggerRefresh(group, hr,
                RefreshRequest.full())));

        assertThat(failed.state()).isEqualTo(RefreshState.FAILED);
        assertThat(failed.errors()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("0xC11C0020");
            assertThat(m.message()).contains("evicted");
        });
        assertThat(retried.state()).isEqualTo(RefreshState.COMPLETED);
        assertThat(powerBi.refreshHistory(group, hr, 10)).extracting(RefreshHistoryEntry::state)
                .containsExactly(RefreshState.COMPLETED, RefreshState.FAILED);
    }

    @Test
    void aCancelledRefreshEndsCancelled() {
        String inventory = model("Inventory");

        RefreshRef ref = started(powerBi.triggerRefresh(group, inventory, RefreshRequest.full()));
        powerBi.cancelRefresh(group, inventory, ref.refreshId());
        RefreshDetail cancelled = powerBi.awaitRefresh(ref);

        assertThat(cancelled.state()).isEqualTo(RefreshState.CANCELLED);
        assertThat(powerBi.refreshHistory(group, inventory, 1)).singleElement()
                .satisfies(entry -> assertThat(entry.state()).isEqualTo(RefreshState.CANCELLED));
    }

    @Test
    void refreshesStartedTogetherAreInFlightTogetherButNeverTwiceForOneModel() {
        List<String> models = List.of(model("Finance"), model("Customer360"), model("Operations"));

        List<RefreshRef> refs = models.stream()
                .map(m -> started(powerBi.triggerRefresh(group, m, RefreshRequest.full()))).toList();
        RefreshStart second = powerBi.triggerRefresh(group, models.get(0), RefreshRequest.full());
        EmulatorStats during = fixture.stats();
        List<RefreshDetail> done = refs.stream().map(powerBi::awaitRefreshAsync).toList().stream()
                .map(CompletableFuture::join).toList();
        EmulatorStats after = fixture.stats();

        assertThat(second).isInstanceOf(RefreshStart.Busy.class);
        assertThat(during.inFlightRefreshes()).isEqualTo(3);
        assertThat(done).allSatisfy(d -> assertThat(d.state()).isEqualTo(RefreshState.COMPLETED));
        assertThat(after.inFlightRefreshes()).isZero();
        assertThat(after.maxInFlightRefreshes()).isEqualTo(3);
        assertThat(after.maxInFlightRefreshesPerModel()).containsOnlyKeys("sandbox/Finance", "sandbox/Customer360",
                "sandbox/Operations").allSatisfy((model, max) -> assertThat(max).isEqualTo(1));
    }
}
