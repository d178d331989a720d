package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.emulator.WebhookPost;
import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.rules.MonitoringRule;
import org.dbb.console.core.notify.DeliveryOutcome;
import org.dbb.console.core.notify.DeliveryPolicy;
import org.dbb.console.core.notify.NotificationChannel;
import org.dbb.console.core.notify.NotificationDispatcher;
import org.dbb.console.core.notify.RunNotifier;
import org.dbb.console.core.fabric.http.HttpClients;
import org.dbb.console.core.fabric.http.HttpTimeouts;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.workspace.config.NotificationSettings;

/**
 * The sample's integration pipeline run against the emulator: its Copy activities' row counts become monitoring rows,
 * and the run's monitoring rules are checked at its end, a breach stored as a row and sent to the ops channel (the
 * emulator's webhook sink, over real HTTP).
 */
class MonitoringRulesRunTest {

    private static final String INTEGRATION = "Integration";
    private static final String RUN_INTEGRATION = "Run integration pipeline";
    private static final String PIPELINE = "integration_pipeline_DBB";
    private static final String SALES = "Copy ERP sales orders";
    private static final List<String> COPIES = List.of(SALES, "Copy ERP ledger entries", "Copy ERP stock levels",
            "Copy CRM customers", "Copy HR extract");
    private static final StepKey STEP = StepKey.of(INTEGRATION, RUN_INTEGRATION);
    private static final MonitoringRule SALES_MINIMUM = new MonitoringRule.RowsBelowMinimum(1, INTEGRATION, SALES,
            1000, RUN_INTEGRATION);
    private static final MonitoringRule LOADS = new MonitoringRule.IncompleteLoad(2, INTEGRATION, COPIES.stream()
            .map(c -> new MonitoringRule.ExpectedActivity(c, RUN_INTEGRATION)).toList());
    private static final MonitoringRule STAGE_TARGET = new MonitoringRule.DurationOverTarget(3, INTEGRATION,
            Optional.empty(), Duration.ofHours(1), RUN_INTEGRATION);
    private static final String FEW_SALES = """
            timeScale: 0.002
            items:
              integration_pipeline_DBB:
                rows:
                  Copy ERP sales orders: 812
                  Copy CRM customers: {read: 5000, copied: 4990}
            """;

    private final ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor();
    private final List<CompletableFuture<DeliveryOutcome>> deliveries = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        delivery.shutdownNow();
    }

    private static RunPlan plan(EngineHarness h, MonitoringRule... rules) {
        return h.plan().stage(INTEGRATION, Plans.step(RUN_INTEGRATION, Plans.pipeline(h.item("DataPipeline",
                PIPELINE))).build()).rules(rules).build();
    }

    /** A listener recording events and sending notices to the emulator's "ops" webhook as the console would. */
    private RunListener notifying(EngineHarness h, RecordingListener events) {
        NotificationDispatcher dispatcher = NotificationDispatcher.builder(HttpClients.create(new HttpTimeouts(
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10))),
                        NotificationChannel.of(NotificationSettings.Kind.TEAMS, h.fabric.emulator.webhookUrl("ops")),
                        delivery)
                .policy(new DeliveryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5)))
                .build();
        return RunListeners.both(events, new RunNotifier("sandbox", n -> deliveries.add(dispatcher.submit(n))));
    }

    private void awaitDeliveries() throws Exception {
        for (CompletableFuture<DeliveryOutcome> d : deliveries) {
            assertThat(d.get(20, TimeUnit.SECONDS)).isInstanceOf(DeliveryOutcome.Delivered.class);
        }
    }

    private static List<MonitoringRow> copyRows(EngineHarness h) {
        return h.rows.rows().stream().filter(r -> r.item().equals(Optional.of(PIPELINE)))
                .filter(r -> !r.activity().equals(RUN_INTEGRATION)).toList();
    }

    @Test
    void theCopyActivitiesOfThePipelineRunBecomeRowsWithWhatTheyReadAndCopied() {
        try (EngineHarness h = EngineHarness.scenario(FEW_SALES)) {
            RecordingListener events = new RecordingListener();

            RunOutcome outcome = h.run(plan(h), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            String job = events.attemptsStarted(RUN_INTEGRATION).get(0).jobInstanceId().orElseThrow();
            List<MonitoringRow> copies = copyRows(h);
            assertThat(copies).extracting(MonitoringRow::activity).containsExactlyInAnyOrderElementsOf(COPIES);
            assertThat(copies).allSatisfy(r -> {
                assertThat(r.stage()).isEqualTo(INTEGRATION);
                assertThat(r.status()).isEqualTo(MonitoringStatus.SUCCEEDED);
                assertThat(r.attempt()).isEqualTo(1);
                assertThat(r.jobInstanceId()).contains(job);
                assertThat(r.endedAt()).isPresent();
                assertThat(r.rowsRead()).isPresent();
                assertThat(r.operator()).isEqualTo("tester");
            });
            assertThat(copies).filteredOn(r -> r.activity().equals(SALES))
                    .extracting(MonitoringRow::rowsRead, MonitoringRow::rowsWritten)
                    .containsExactly(tuple(OptionalLong.of(812), OptionalLong.of(812)));
            assertThat(copies).filteredOn(r -> r.activity().equals("Copy CRM customers"))
                    .extracting(MonitoringRow::rowsRead, MonitoringRow::rowsWritten)
                    .containsExactly(tuple(OptionalLong.of(5000), OptionalLong.of(4990)));
            assertThat(h.journal.rowsWritten("run-1").keySet()).filteredOn(m -> m.kind().startsWith("copy "))
                    .hasSize(COPIES.size()).allSatisfy(m -> assertThat(m.step().path())
                            .startsWith(RUN_INTEGRATION + "/Copy "));
            assertThat(events.of(RunEvent.MonitoringRowWritten.class)).hasSize(h.rows.rows().size());
        }
    }

    @Test
    void aCopyBelowItsMinimumIsABreachRowAReportedBreachAndANoticeOnTheOpsChannel() throws Exception {
        try (EngineHarness h = EngineHarness.scenario(FEW_SALES)) {
            RecordingListener events = new RecordingListener();

            RunOutcome outcome = h.run(plan(h, SALES_MINIMUM, LOADS, STAGE_TARGET), notifying(h, events));
            awaitDeliveries();

            assertThat(outcome.state()).as("a breach is reported, the run does not fail").isEqualTo(RunState.SUCCEEDED);
            assertThat(h.rows.rows(MonitoringStatus.THRESHOLD_BREACH)).singleElement().satisfies(row -> {
                assertThat(row.stage()).isEqualTo(INTEGRATION);
                assertThat(row.activity()).isEqualTo(SALES);
                assertThat(row.errorMessage()).contains("Copy ERP sales orders: rows-below-minimum = 812 rows copied"
                        + " (threshold 1000 rows)");
                assertThat(row.runId()).isEqualTo("run-1");
            });
            assertThat(h.rows.rows(MonitoringStatus.INCOMPLETE_LOAD)).isEmpty();
            assertThat(events.of(RunEvent.BreachesFound.class)).singleElement().satisfies(e -> {
                assertThat(e.step()).isEqualTo(STEP);
                assertThat(e.breaches()).extracting(Breach::describe).containsExactly(
                        "Copy ERP sales orders: rows-below-minimum = 812 rows copied (threshold 1000 rows)");
            });
            assertThat(h.journal.rowsWritten("run-1")).containsKey(new RowMark(STEP, 1, "rule 1.1"));
            List<WebhookPost> posts = h.fabric.emulator.webhookPosts("ops");
            assertThat(posts).singleElement().satisfies(post -> assertThat(post.body())
                    .contains("Threshold breached: " + RUN_INTEGRATION)
                    .contains("rows-below-minimum = 812 rows copied (threshold 1000 rows)"));
        }
    }

    @Test
    void rulesThatHoldStoreNoFindingAndNotifyNobody() throws Exception {
        try (EngineHarness h = EngineHarness.scenario("timeScale: 0.002\n")) {
            RecordingListener events = new RecordingListener();

            RunOutcome outcome = h.run(plan(h, SALES_MINIMUM, LOADS, STAGE_TARGET), notifying(h, events));
            awaitDeliveries();

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(copyRows(h)).hasSize(COPIES.size());
            assertThat(h.rows.rows()).extracting(MonitoringRow::status).doesNotContain(
                    MonitoringStatus.THRESHOLD_BREACH, MonitoringStatus.INCOMPLETE_LOAD);
            assertThat(events.of(RunEvent.BreachesFound.class)).isEmpty();
            assertThat(deliveries).isEmpty();
            assertThat(h.fabric.emulator.webhookPosts("ops")).isEmpty();
        }
    }

    @Test
    void aCopyThatFailedEveryRetryMakesAnIncompleteLoad() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  integration_pipeline_DBB:
                    failOnAttempts: [1]
                    failure: {activity: Copy HR extract, errorCode: SqlFailedToConnect, message: "HR share offline"}
                """)) {
            RecordingListener events = new RecordingListener();

            RunOutcome outcome = h.run(plan(h, LOADS), events);

            assertThat(outcome.state()).isEqualTo(RunState.FAILED);
            assertThat(copyRows(h)).filteredOn(r -> r.activity().equals("Copy HR extract"))
                    .extracting(MonitoringRow::attempt, MonitoringRow::status, r -> r.errorCode().orElse(""))
                    .containsExactly(tuple(1, MonitoringStatus.FAILED, "SqlFailedToConnect"),
                            tuple(2, MonitoringStatus.FAILED, "SqlFailedToConnect"),
                            tuple(3, MonitoringStatus.FAILED, "SqlFailedToConnect"),
                            tuple(4, MonitoringStatus.FAILED, "SqlFailedToConnect"));
            assertThat(h.rows.rows(MonitoringStatus.INCOMPLETE_LOAD)).singleElement().satisfies(row -> {
                assertThat(row.activity()).isEqualTo("Copy HR extract");
                assertThat(row.errorMessage()).contains("Copy HR extract: incomplete-load = last run Failed"
                        + " (threshold a Succeeded run)");
            });
            assertThat(events.of(RunEvent.BreachesFound.class)).singleElement()
                    .satisfies(e -> assertThat(e.step()).isEqualTo(STEP));
        }
    }

    @Test
    void aRunResumedAfterItsFindingsWereStoredFindsThemAgainAndStoresNoneTwice() {
        try (EngineHarness h = EngineHarness.scenario(FEW_SALES)) {
            EndlessJournal journal = new EndlessJournal(new InMemoryRunJournal());
            RunEngine engine = new RunEngine(h.fabric.fabric(), new RefreshConductor(h.fabric.powerBi(), h.scheduler,
                    Clock.systemUTC()), h.scheduler, Clock.systemUTC(), h.rows, journal, () -> "run-1");
            RunPlan plan = plan(h, SALES_MINIMUM, LOADS);
            h.await(engine.start(plan, RunListener.none()));
            List<MonitoringRow> before = h.rows.rows();
            RunRecord stopped = journal.find("run-1").orElseThrow();
            assertThat(stopped.endedAt()).as("the console stopped before recording the run's end").isEmpty();

            journal.ending.set(true);
            RecordingListener events = new RecordingListener();
            RunOutcome resumed = h.await(engine.resume(plan, stopped, events));

            assertThat(resumed.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.rows.rows()).isEqualTo(before);
            assertThat(h.rows.rows(MonitoringStatus.THRESHOLD_BREACH)).hasSize(1);
            assertThat(events.of(RunEvent.BreachesFound.class)).singleElement()
                    .satisfies(e -> assertThat(e.breaches()).hasSize(1));
            assertThat(h.jobsStarted(PIPELINE)).isEqualTo(1);
        }
    }

    /** A journal that refuses to record a run's end until told to: the console stopped just before it. */
    private static final class EndlessJournal implements RunJournal {
        private final RunJournal inner;
        final AtomicBoolean ending = new AtomicBoolean();

        EndlessJournal(RunJournal inner) {
            this.inner = inner;
        }

        @Override
        public void runCreated(String runId, RunPlan plan, Optional<String> rerunOf, Instant at) {
            inner.runCreated(runId, plan, rerunOf, at);
        }

        @Override
        public void runResumed(String runId, Instant at) {
            inner.runResumed(runId, at);
        }

        @Override
        public void attemptSubmitting(String runId, StepKey step, int attempt, Instant at) {
            inner.attemptSubmitting(runId, step, attempt, at);
        }

        @Override
        public void attemptSubmitted(String runId, StepKey step, int attempt, JobLocation job, Instant at) {
            inner.attemptSubmitted(runId, step, attempt, job, at);
        }

        @Override
        public void refreshSubmitted(String runId, StepKey step, int attempt, String refreshId, Instant at) {
            inner.refreshSubmitted(runId, step, attempt, refreshId, at);
        }

        @Override
        public void attemptEnded(String runId, StepKey step, int attempt, AttemptStatus status,
                                 Optional<String> errorCode, Optional<String> message, Instant at) {
            inner.attemptEnded(runId, step, attempt, status, errorCode, message, at);
        }

        @Override
        public void stepEnded(String runId, StepKey step, StepState state, Optional<JsonNode> output,
                              Map<String, JsonNode> variablesSet, Optional<String> reusedFrom, Instant at) {
            inner.stepEnded(runId, step, state, output, variablesSet, reusedFrom, at);
        }

        @Override
        public void stageEnded(String runId, String stage, StepState state, Instant at) {
            inner.stageEnded(runId, stage, state, at);
        }

        @Override
        public void runEnded(String runId, RunState state, Instant at) {
            if (!ending.get()) {
                throw new IllegalStateException("the console stopped here");
            }
            inner.runEnded(runId, state, at);
        }

        @Override
        public void rowWritten(String runId, RowMark mark, long rowId) {
            inner.rowWritten(runId, mark, rowId);
        }

        @Override
        public Map<RowMark, Long> rowsWritten(String runId) {
            return inner.rowsWritten(runId);
        }

        @Override
        public Optional<RunRecord> find(String runId) {
            return inner.find(runId);
        }
    }
}
