package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.jobs.JobInstanceRef;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.LookupSource;
import org.dbb.console.core.plan.RunPlan;

class ResumeTest {

    private static final String GET_WORKSPACE = "GET /v1/workspaces/{workspaceId}";
    private static final String RUN_ID = "run-crashed";
    private static final StepKey LOOKUP = StepKey.of("Initialisation", "Lookup environment");
    private static final StepKey SET = StepKey.of("Initialisation", "Set workspace id");
    private static final StepKey CONFORM = StepKey.of("Transformation", "Conform");
    private static final String SCENARIO = """
            timeScale: 0.002
            items:
              nb_silver_conform: {seconds: 5}
            """;

    /** Initialisation (lookup, variable) → Transformation (a notebook fed the variable) → Monitoring. */
    private static RunPlan plan(EngineHarness h) {
        return h.plan()
                .stage("Initialisation",
                        Plans.step("Lookup environment", Plans.lookup(LookupSource.ENVIRONMENT, true)).build(),
                        Plans.step("Set workspace id", Plans.set("workspace_id",
                                TestExpression.output("Lookup environment", "firstRow.workspace_id")))
                                .after("Lookup environment").build())
                .stage("Transformation",
                        Plans.step("Conform", Plans.notebook(h.notebook("nb_silver_conform"),
                                Map.of("workspace", TestExpression.variable("workspace_id"))))
                                .retry(1, Duration.ofMillis(1), Duration.ofSeconds(5)).build())
                .stage("Monitoring", Plans.step("Check", Plans.pause(Duration.ofMillis(1))).build())
                .build();
    }

    /** The journal as a console leaves it when it stops after Initialisation, before Conform ended. */
    private static RunPlan initialisedThenStopped(EngineHarness h, Instant createdAt) {
        RunPlan plan = plan(h);
        h.journal.runCreated(RUN_ID, plan, Optional.empty(), createdAt);
        h.journal.stepEnded(RUN_ID, LOOKUP, StepState.SUCCEEDED, Optional.of(JsonNodeFactory.instance.objectNode()
                .set("firstRow", JsonNodeFactory.instance.objectNode().put("workspace_id", h.workspaceId()))),
                Map.of(), Optional.empty(), createdAt);
        h.journal.stepEnded(RUN_ID, SET, StepState.SUCCEEDED, Optional.empty(),
                Map.of("workspace_id", TextNode.valueOf(h.workspaceId())), Optional.empty(), createdAt);
        h.journal.stageEnded(RUN_ID, "Initialisation", StepState.SUCCEEDED, createdAt);
        return plan;
    }

    private static JobInstanceRef startConformDirectly(EngineHarness h) {
        ItemRef notebook = h.notebook("nb_silver_conform");
        return h.fabric.fabric().runJob(notebook.workspaceId(), notebook.id(), JobRequest.notebook(Map.of()));
    }

    private static RunOutcome resume(EngineHarness h, RunPlan plan, RecordingListener events) {
        return h.await(h.engine.resume(plan, h.journal.find(RUN_ID).orElseThrow(), events));
    }

    @Test
    void aSubmittedUnfinishedJobIsPolledAgainNotSubmitted() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            Instant at = Instant.now().minusSeconds(1);
            RunPlan plan = initialisedThenStopped(h, at);
            JobInstanceRef running = startConformDirectly(h);
            h.journal.attemptSubmitting(RUN_ID, CONFORM, 1, at);
            h.journal.attemptSubmitted(RUN_ID, CONFORM, 1, JobLocation.of(running), at);
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(1);

            RecordingListener events = new RecordingListener();
            RunOutcome outcome = resume(h, plan, events);

            assertThat(outcome.runId()).isEqualTo(RUN_ID);
            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(1);
            assertThat(events.attemptsStarted("Conform")).singleElement()
                    .satisfies(a -> assertThat(a.jobInstanceId()).contains(running.jobInstanceId()));
            RunRecord record = h.journal.find(RUN_ID).orElseThrow();
            assertThat(record.endedAt()).isPresent();
            assertThat(record.step(CONFORM).orElseThrow().attempts()).singleElement()
                    .satisfies(a -> assertThat(a.status()).contains(AttemptStatus.SUCCEEDED));
        }
    }

    @Test
    void anUnansweredSubmissionIsFoundAmongTheJobInstancesInsteadOfSubmittedAgain() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            Instant at = Instant.now().minusSeconds(1);
            RunPlan plan = initialisedThenStopped(h, at);
            h.journal.attemptSubmitting(RUN_ID, CONFORM, 1, at);
            JobInstanceRef reached = startConformDirectly(h);

            RunOutcome outcome = resume(h, plan, new RecordingListener());

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(1);
            RunRecord.AttemptRecord attempt = h.journal.find(RUN_ID).orElseThrow().step(CONFORM).orElseThrow()
                    .attempts().get(0);
            assertThat(attempt.attempt()).isEqualTo(1);
            assertThat(attempt.job().map(JobLocation::jobInstanceId)).contains(reached.jobInstanceId());
        }
    }

    @Test
    void anUnansweredSubmissionThatNeverReachedFabricIsSubmittedOnceAsTheSameAttempt() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            Instant at = Instant.now().minusSeconds(1);
            RunPlan plan = initialisedThenStopped(h, at);
            h.journal.attemptSubmitting(RUN_ID, CONFORM, 1, at);

            RunOutcome outcome = resume(h, plan, new RecordingListener());

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(1);
            assertThat(h.journal.find(RUN_ID).orElseThrow().step(CONFORM).orElseThrow().attempts())
                    .singleElement().satisfies(a -> {
                        assertThat(a.attempt()).isEqualTo(1);
                        assertThat(a.job()).isPresent();
                    });
        }
    }

    @Test
    void aJobStartedWellBeforeTheUnansweredSubmissionIsNotTakenForIt() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            Instant at = Instant.now().minusSeconds(1);
            RunPlan plan = initialisedThenStopped(h, at);
            JobInstanceRef earlier = startConformDirectly(h);
            // recorded as about to be submitted beyond the clock-skew margin after that job started
            Instant submitting = Instant.now().plus(JobAttempt.CLOCK_SKEW).plusSeconds(30);
            h.journal.attemptSubmitting(RUN_ID, CONFORM, 1, submitting);

            RunOutcome outcome = resume(h, plan, new RecordingListener());

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(2);
            Optional<String> taken = h.journal.find(RUN_ID).orElseThrow().step(CONFORM).orElseThrow().attempts()
                    .get(0).job().map(JobLocation::jobInstanceId);
            assertThat(taken).isPresent();
            assertThat(taken.get()).isNotEqualTo(earlier.jobInstanceId());
        }
    }

    @Test
    void aStageThatFailedBeforeTheStopKeepsItsStateAndLaterStagesAreSkipped() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            Instant at = Instant.now().minusSeconds(1);
            RunPlan plan = initialisedThenStopped(h, at);
            h.journal.stepEnded(RUN_ID, CONFORM, StepState.FAILED, Optional.empty(), Map.of(), Optional.empty(), at);
            h.journal.stageEnded(RUN_ID, "Transformation", StepState.FAILED, at);

            RecordingListener events = new RecordingListener();
            RunOutcome outcome = resume(h, plan, events);

            assertThat(outcome.state()).isEqualTo(RunState.FAILED);
            assertThat(outcome.failedSteps()).containsExactly(CONFORM);
            assertThat(events.last("Check")).contains(StepState.SKIPPED);
            assertThat(h.jobsStarted("nb_silver_conform")).isZero();
        }
    }

    @Test
    void stepsThatEndedBeforeTheStopAreNotRunAgain() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            Instant at = Instant.now().minusSeconds(1);
            RunPlan plan = plan(h);
            h.journal.runCreated(RUN_ID, plan, Optional.empty(), at);
            // the lookup ended, the variable step had not: the stage itself never ended
            h.journal.stepEnded(RUN_ID, LOOKUP, StepState.SUCCEEDED, Optional.of(JsonNodeFactory.instance
                    .objectNode().set("firstRow", JsonNodeFactory.instance.objectNode()
                            .put("workspace_id", h.workspaceId()))), Map.of(), Optional.empty(), at);
            long lookups = h.fabric.stats().requests(GET_WORKSPACE);

            RecordingListener events = new RecordingListener();
            RunOutcome outcome = resume(h, plan, events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.fabric.stats().requests(GET_WORKSPACE)).isEqualTo(lookups);
            RunEvent.StepStateChanged lookup = events.step("Lookup environment").get(0);
            assertThat(lookup.state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(lookup.reusedFrom()).isEmpty();
            assertThat(lookup.message()).contains("recorded before the console stopped");
            assertThat(h.journal.find(RUN_ID).orElseThrow().step(SET).orElseThrow().variablesSet()
                    .get("workspace_id").asText()).isEqualTo(h.workspaceId());
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(1);
        }
    }

    @Test
    void aFailedAttemptBeforeTheStopIsFollowedByTheNextAttemptNumber() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            Instant at = Instant.now().minusSeconds(1);
            RunPlan plan = initialisedThenStopped(h, at);
            h.journal.attemptSubmitting(RUN_ID, CONFORM, 1, at);
            h.journal.attemptEnded(RUN_ID, CONFORM, 1, AttemptStatus.FAILED, Optional.of("JobFailed"),
                    Optional.of("boom"), at);

            RecordingListener events = new RecordingListener();
            RunOutcome outcome = resume(h, plan, events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(events.attemptsStarted("Conform")).singleElement()
                    .satisfies(a -> assertThat(a.attempt()).isEqualTo(2));
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(1);
        }
    }

    @Test
    void aRunThatEndedCannotResume() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            RunOutcome done = h.run(plan(h), RunListener.none());
            RunRecord record = h.journal.find(done.runId()).orElseThrow();

            assertThatThrownBy(() -> h.engine.resume(plan(h), record, RunListener.none()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already ended");
        }
    }
}
