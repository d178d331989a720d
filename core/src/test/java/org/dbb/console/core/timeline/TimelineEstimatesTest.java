package org.dbb.console.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.JobLocation;
import org.dbb.console.core.engine.RunJournal;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.journal.JdbcRunJournal;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;

/** Estimates from runs written to a real journal database. */
class TimelineEstimatesTest {

    private static final String WS = "ws-estimates";
    private static final Instant T0 = Instant.parse("2026-02-01T06:00:00Z");
    private static final ItemRef PIPELINE = new ItemRef("DataPipeline", "integration_pipeline_DBB", WS, "pl-id");
    private static final StepKey LOOKUP = StepKey.of("Initialisation", "Lookup environment");
    private static final StepKey INTEGRATE = StepKey.of("Integration", "Run integration pipeline");

    @TempDir
    Path dir;

    private static RunPlan plan(String environment) {
        RunPlan plan = TestPlans.in(WS)
                .stage("Initialisation", TestPlans.lookup("Lookup environment"))
                .stage("Integration", TestPlans.pipeline("Run integration pipeline", PIPELINE))
                .build();
        return new RunPlan(plan.request(), environment, plan.workspaceId(), plan.workspaceName(),
                plan.masterPipeline(), plan.parameters(), plan.variables(), plan.stages(), plan.timeScale(),
                plan.warnings());
    }

    /**
     * A run started {@code day} days after T0 whose lookup ends after {@code init} seconds and whose integration
     * pipeline runs {@code integration} seconds after that; the run ends a second later in {@code end}.
     */
    private static void run(RunJournal journal, String runId, String environment, int day, long init,
            long integration, RunState end) {
        Instant start = T0.plus(Duration.ofDays(day));
        journal.runCreated(runId, plan(environment), Optional.empty(), start);
        journal.attemptSubmitting(runId, LOOKUP, 1, start);
        journal.attemptEnded(runId, LOOKUP, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(),
                start.plusSeconds(init));
        journal.stepEnded(runId, LOOKUP, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.empty(),
                start.plusSeconds(init));
        journal.stageEnded(runId, "Initialisation", StepState.SUCCEEDED, start.plusSeconds(init));
        Instant integrationEnd = start.plusSeconds(init + integration);
        journal.attemptSubmitting(runId, INTEGRATE, 1, start.plusSeconds(init + 1));
        journal.attemptSubmitted(runId, INTEGRATE, 1, new JobLocation(WS, "pl-id", "job-" + runId),
                start.plusSeconds(init + 2));
        AttemptStatus attempt = end == RunState.SUCCEEDED ? AttemptStatus.SUCCEEDED : AttemptStatus.FAILED;
        journal.attemptEnded(runId, INTEGRATE, 1, attempt, Optional.empty(), Optional.empty(), integrationEnd);
        StepState state = end == RunState.SUCCEEDED ? StepState.SUCCEEDED : StepState.FAILED;
        journal.stepEnded(runId, INTEGRATE, state, Optional.empty(), Map.of(), Optional.empty(), integrationEnd);
        journal.stageEnded(runId, "Integration", state, integrationEnd);
        journal.runEnded(runId, end, integrationEnd.plusSeconds(1));
    }

    @Test
    void medianOfTheLastSuccessfulRunsOfTheEnvironmentPerStageAndForTheWholeRun() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("journal"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            run(journal, "run-1", "sandbox", 1, 999, 999, RunState.SUCCEEDED);
            run(journal, "run-2", "sandbox", 2, 10, 100, RunState.SUCCEEDED);
            run(journal, "run-3", "sandbox", 3, 20, 300, RunState.SUCCEEDED);
            run(journal, "run-4", "sandbox", 4, 5, 5, RunState.FAILED);
            run(journal, "run-5", "sandbox", 5, 30, 200, RunState.SUCCEEDED);
            run(journal, "run-6", "PROD", 6, 1, 1, RunState.SUCCEEDED);

            TimelineEstimates estimates = TimelineEstimates.load(journal, "sandbox", 3);

            assertThat(estimates.basedOn()).as("run-2, run-3 and run-5").isEqualTo(3);
            assertThat(estimates.stage("Initialisation")).contains(Duration.ofSeconds(20));
            assertThat(estimates.stage("Integration")).contains(Duration.ofSeconds(200));
            assertThat(estimates.run()).as("111 s, 321 s and 231 s").contains(Duration.ofSeconds(231));
            assertThat(estimates.stages()).containsOnlyKeys("Initialisation", "Integration");
        }
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwo() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("journal"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            run(journal, "run-1", "sandbox", 1, 10, 100, RunState.SUCCEEDED);
            run(journal, "run-2", "sandbox", 2, 20, 200, RunState.SUCCEEDED);

            TimelineEstimates estimates = TimelineEstimates.load(journal, "sandbox", 10);

            assertThat(estimates.stage("Integration")).contains(Duration.ofSeconds(150));
            assertThat(estimates.stage("Initialisation")).contains(Duration.ofSeconds(15));
        }
    }

    @Test
    void aReRunCountsOnlyForTheStagesItRan() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("journal"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            run(journal, "run-1", "sandbox", 1, 10, 100, RunState.SUCCEEDED);
            RunPlan plan = plan("sandbox");
            RunPlan rerunPlan = new RunPlan(new RunRequest("sandbox", Map.of(), false,
                    Optional.empty(), OptionalInt.empty(), plan.request().refreshMode(), "tester",
                    Optional.of(new RerunRequest("run-1", RerunMode.STAGE_ONLY, Optional.of("Integration")))),
                    "sandbox", WS, "ws", plan.masterPipeline(), Map.of(), Map.of(), plan.stages(), 1, List.of());
            Instant start = T0.plus(Duration.ofDays(2));
            journal.runCreated("run-2", rerunPlan, Optional.of("run-1"), start);
            journal.stepEnded("run-2", LOOKUP, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.of("run-1"),
                    start);
            journal.stageEnded("run-2", "Initialisation", StepState.SUCCEEDED, start);
            journal.attemptSubmitting("run-2", INTEGRATE, 1, start);
            journal.attemptEnded("run-2", INTEGRATE, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(),
                    start.plusSeconds(300));
            journal.stepEnded("run-2", INTEGRATE, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.empty(),
                    start.plusSeconds(300));
            journal.stageEnded("run-2", "Integration", StepState.SUCCEEDED, start.plusSeconds(300));
            journal.runEnded("run-2", RunState.SUCCEEDED, start.plusSeconds(300));

            TimelineEstimates estimates = TimelineEstimates.load(journal, "sandbox", 10);

            assertThat(estimates.basedOn()).isEqualTo(2);
            assertThat(estimates.stage("Initialisation")).as("only run-1 ran it").contains(Duration.ofSeconds(10));
            assertThat(estimates.stage("Integration")).contains(Duration.ofSeconds(200));
            assertThat(estimates.run()).as("only run-1 was a whole run").contains(Duration.ofSeconds(111));
        }
    }

    @Test
    void anEnvironmentWithoutSuccessfulRunsHasNoEstimates() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("journal"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            run(journal, "run-1", "sandbox", 1, 10, 100, RunState.FAILED);

            TimelineEstimates estimates = TimelineEstimates.load(journal, "sandbox", 5);

            assertThat(estimates).isSameAs(TimelineEstimates.NONE);
            assertThat(estimates.run()).isEmpty();
            assertThat(estimates.stage("Initialisation")).isEmpty();
            assertThat(estimates.basedOn()).isZero();
            assertThatThrownBy(() -> TimelineEstimates.load(journal, "sandbox", 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
