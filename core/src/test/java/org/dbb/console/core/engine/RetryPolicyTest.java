package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.core.engine.EngineHarness.ms;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.plan.ItemRef;

class RetryPolicyTest {

    private static final String SILVER = "nb_silver_conform";

    @Test
    void everyAttemptFailingStartsExactlyRetriesPlusOneJobs() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5, failOnAttempts: [1, 2, 3, 4, 5],
                                      failure: {errorCode: SparkJobFailed, message: boom}}
                """)) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan().stage("Transformation",
                    Plans.step("Conform silver", Plans.notebook(h.notebook(SILVER), Map.of()))
                            .retry(2, ms(60), Duration.ofSeconds(5)).build()).build(), events);

            assertThat(h.jobsStarted(SILVER)).isEqualTo(3);
            List<RunEvent.AttemptEnded> ended = events.attemptsEnded("Conform silver");
            assertThat(ended).extracting(RunEvent.AttemptEnded::attempt).containsExactly(1, 2, 3);
            assertThat(ended).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(AttemptStatus.FAILED);
                assertThat(e.message().orElseThrow()).contains("boom");
            });
            assertThat(outcome.state()).isEqualTo(RunState.FAILED);
            assertThat(outcome.failedSteps()).containsExactly(StepKey.of("Transformation", "Conform silver"));
            assertThat(events.last("Conform silver")).contains(StepState.FAILED);
        }
    }

    @Test
    void attemptsStartAtLeastTheIntervalApartAndWaitWithARetryTime() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5, failOnAttempts: [1, 2]}
                """)) {
            RecordingListener events = new RecordingListener();
            Duration interval = ms(150);
            RunOutcome outcome = h.run(h.plan().stage("Transformation",
                    Plans.step("Conform silver", Plans.notebook(h.notebook(SILVER), Map.of()))
                            .retry(3, interval, Duration.ofSeconds(5)).build()).build(), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.jobsStarted(SILVER)).isEqualTo(3);
            List<RunEvent.AttemptEnded> ended = events.attemptsEnded("Conform silver");
            List<RunEvent.AttemptStarted> started = events.attemptsStarted("Conform silver");
            assertThat(started).hasSize(3);
            for (int i = 1; i < started.size(); i++) {
                assertThat(Duration.between(ended.get(i - 1).at(), started.get(i).at())).isGreaterThanOrEqualTo(
                        interval);
            }
            List<WaitReason> retries = events.step("Conform silver").stream()
                    .flatMap(e -> e.waitReason().stream()).filter(w -> w.kind() == WaitReason.Kind.RETRY_AT).toList();
            assertThat(retries).hasSize(2);
            assertThat(retries.get(0).text()).startsWith("retry at ").endsWith("(attempt 2 of 4)");
            assertThat(retries.get(0).until()).isPresent();
        }
    }

    @Test
    void anAttemptPastItsTimeoutCancelsTheJobAndCountsAsFailed() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5000}
                """)) {
            RecordingListener events = new RecordingListener();
            ItemRef notebook = h.notebook(SILVER);
            RunOutcome outcome = h.run(h.plan().stage("Transformation",
                    Plans.step("Conform silver", Plans.notebook(notebook, Map.of()))
                            .retry(1, ms(10), ms(150)).build()).build(), events);

            assertThat(outcome.state()).isEqualTo(RunState.FAILED);
            List<RunEvent.AttemptEnded> ended = events.attemptsEnded("Conform silver");
            assertThat(ended).extracting(RunEvent.AttemptEnded::status)
                    .containsExactly(AttemptStatus.TIMED_OUT, AttemptStatus.TIMED_OUT);
            assertThat(h.jobsStarted(SILVER)).isEqualTo(2);
            for (RunEvent.AttemptStarted attempt : events.attemptsStarted("Conform silver")) {
                assertThat(h.job(notebook, attempt.jobInstanceId().orElseThrow()).status())
                        .isEqualTo(JobStatus.CANCELLED);
            }
            assertThat(h.rows.rows(MonitoringStatus.TIMED_OUT)).hasSize(2);
        }
    }
}
