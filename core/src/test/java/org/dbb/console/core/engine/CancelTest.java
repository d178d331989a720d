package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.plan.ItemRef;

class CancelTest {

    @Test
    void cancelStopsTheJobsInFlightInFabricAndEndsTheRunCancelled() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5000}
                  nb_gold_quality_checks: {seconds: 5000}
                """)) {
            RecordingListener events = new RecordingListener();
            ItemRef silver = h.notebook("nb_silver_conform");
            ItemRef gold = h.notebook("nb_gold_quality_checks");
            RunHandle run = h.engine.start(h.plan()
                    .stage("Transformation",
                            Plans.step("Conform", Plans.notebook(silver, Map.of())).build(),
                            Plans.step("Quality", Plans.notebook(gold, Map.of())).build(),
                            Plans.step("After", Plans.pause(Duration.ofMillis(1))).after("Conform").build())
                    .stage("Monitoring", Plans.step("Check", Plans.pause(Duration.ofMillis(1))).build())
                    .build(), events);
            Eventually.until(() -> events.of(RunEvent.AttemptStarted.class).size() == 2, "both jobs submitted");

            run.cancel();
            RunOutcome outcome = h.await(run);

            assertThat(outcome.state()).isEqualTo(RunState.CANCELLED);
            assertThat(run.state()).isEqualTo(RunState.CANCELLED);
            String silverJob = events.attemptsStarted("Conform").get(0).jobInstanceId().orElseThrow();
            String goldJob = events.attemptsStarted("Quality").get(0).jobInstanceId().orElseThrow();
            assertThat(h.job(silver, silverJob).status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(h.job(gold, goldJob).status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(events.attemptsEnded("Conform")).extracting(RunEvent.AttemptEnded::status)
                    .containsExactly(AttemptStatus.CANCELLED);
            assertThat(events.last("After")).contains(StepState.CANCELLED);
            assertThat(events.last("Check")).contains(StepState.CANCELLED);
            assertThat(h.rows.rows(MonitoringStatus.CANCELLED)).hasSize(2);
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(1);
        }
    }

    @Test
    void cancelDuringARetryWaitEndsAtOnceWithoutAnotherAttempt() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5, failOnAttempts: [1, 2]}
                """)) {
            RecordingListener events = new RecordingListener();
            RunHandle run = h.engine.start(h.plan().stage("Transformation",
                    Plans.step("Conform", Plans.notebook(h.notebook("nb_silver_conform"), Map.of()))
                            .retry(2, Duration.ofSeconds(30), Duration.ofSeconds(5)).build()).build(), events);
            Eventually.until(() -> events.step("Conform").stream().anyMatch(e -> e.state() == StepState.WAITING),
                    "waiting for the retry");

            run.cancel();

            assertThat(h.await(run).state()).isEqualTo(RunState.CANCELLED);
            assertThat(events.last("Conform")).contains(StepState.CANCELLED);
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(1);
        }
    }
}
