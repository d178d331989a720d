package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.workspace.pipeline.DependencyCondition;

class MonitoringRowsTest {

    @Test
    void everyAttemptWritesAStartAndAnEndRowAndASkippedStepOneRow() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5, failOnAttempts: [1]}
                """)) {
            RecordingListener events = new RecordingListener();
            h.run(h.plan().stage("Transformation",
                    Plans.step("Conform", Plans.notebook(h.notebook("nb_silver_conform"), Map.of()))
                            .retry(1, Duration.ofMillis(20), Duration.ofSeconds(5)).build(),
                    Plans.step("On failure", Plans.pause(Duration.ofMillis(1)))
                            .after("Conform", DependencyCondition.FAILED).build()).build(), events);

            List<MonitoringRow> conform = h.rows.rows().stream().filter(r -> r.activity().equals("Conform")).toList();
            assertThat(conform).extracting(MonitoringRow::attempt, MonitoringRow::status).containsExactly(
                    tuple(1, MonitoringStatus.IN_PROGRESS), tuple(1, MonitoringStatus.FAILED),
                    tuple(2, MonitoringStatus.IN_PROGRESS), tuple(2, MonitoringStatus.SUCCEEDED));
            assertThat(conform).allSatisfy(row -> {
                assertThat(row.runId()).isEqualTo("run-1");
                assertThat(row.environment()).isEqualTo("sandbox");
                assertThat(row.stage()).isEqualTo("Transformation");
                assertThat(row.item()).contains("nb_silver_conform");
                assertThat(row.jobInstanceId()).isPresent();
                assertThat(row.operator()).isEqualTo("tester");
                assertThat(row.id()).isPresent();
            });
            assertThat(conform.get(1).errorCode()).isPresent();
            assertThat(conform.get(1).endedAt()).isPresent();
            assertThat(conform.get(0).jobInstanceId()).isEqualTo(conform.get(1).jobInstanceId());
            assertThat(h.rows.rows(MonitoringStatus.SKIPPED)).extracting(MonitoringRow::activity)
                    .containsExactly("On failure");
            assertThat(events.of(RunEvent.MonitoringRowWritten.class)).hasSize(h.rows.rows().size());
        }
    }

    @Test
    void breachesInAMonitoringNotebooksExitValueBecomeOneRowEach() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_monitor_threshold_breaches:
                    seconds: 5
                    exitValue: {breaches: [{table: fct_sales, metric: row_delta, value: 31.4, threshold: 25},
                                           {table: dim_date, check: null_keys, actual: 3, expected: 0}]}
                """)) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan().stage("Monitoring",
                    Plans.step("Monitor threshold breaches", Plans.notebook(
                            h.notebook("nb_monitor_threshold_breaches"), Map.of())).build()).build(), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.rows.rows(MonitoringStatus.THRESHOLD_BREACH)).extracting(r -> r.errorMessage().orElseThrow())
                    .containsExactly("fct_sales: row_delta = 31.4 (threshold 25)",
                            "dim_date: null_keys = 3 (threshold 0)");
            assertThat(events.of(RunEvent.BreachesFound.class)).singleElement()
                    .satisfies(e -> assertThat(e.breaches()).hasSize(2));
            JsonNode output = h.journal.find("run-1").orElseThrow()
                    .step(StepKey.of("Monitoring", "Monitor threshold breaches")).orElseThrow().output().orElseThrow();
            assertThat(output.path("exitValue").path("breaches").size()).isEqualTo(2);
            assertThat(output.path("result").path("exitValue").isTextual()).isTrue();
        }
    }

    @Test
    void aMonitoringStoreThatFailsIsReportedAndDoesNotFailTheRun() {
        try (EngineHarness h = EngineHarness.neutral()) {
            h.rows.refuse();
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan().stage("Local",
                    Plans.step("Wait", Plans.pause(Duration.ofMillis(2))).build()).build(), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(events.of(RunEvent.MonitoringWriteFailed.class)).hasSize(2)
                    .allSatisfy(e -> assertThat(e.message()).contains("the monitoring store is down"));
        }
    }
}
