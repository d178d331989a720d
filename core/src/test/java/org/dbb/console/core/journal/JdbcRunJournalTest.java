package org.dbb.console.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.InMemoryRunJournal;
import org.dbb.console.core.engine.JobLocation;
import org.dbb.console.core.engine.RunJournal;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;

class JdbcRunJournalTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00.123Z");
    private static final StepKey LOOKUP = StepKey.of("Initialisation", "Lookup environment");
    private static final StepKey TRANSFORM = StepKey.of("Transformation", "Run transformation pipeline");
    private static final StepKey SALES = StepKey.of("Semantic refresh", "Refresh semantic models").child("Sales");

    @TempDir
    Path dir;

    @Test
    void recordsARunExactlyAsTheInMemoryJournalDoes() {
        InMemoryRunJournal memory = new InMemoryRunJournal();
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("db"))) {
            JdbcRunJournal jdbc = JdbcRunJournal.open(db);
            replayFailedRun(memory, "run-1");
            replayFailedRun(jdbc, "run-1");
            assertThat(jdbc.find("run-1")).contains(memory.find("run-1").orElseThrow());
        }
    }

    @Test
    void aRunSurvivesTheConsoleStoppingAndIsListedAsInterrupted() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("db"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            journal.runCreated("run-2", plan(request()), Optional.empty(), T0);
            journal.attemptSubmitting("run-2", TRANSFORM, 1, T0.plusSeconds(1));
            journal.attemptSubmitted("run-2", TRANSFORM, 1, new JobLocation("ws", "item", "job-9"),
                    T0.plusSeconds(2));
        }
        try (EmbeddedDatabase reopened = EmbeddedDatabase.open(dir.resolve("db"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(reopened);
            RunRecord record = journal.find("run-2").orElseThrow();
            assertThat(record.state()).isEqualTo(RunState.RUNNING);
            assertThat(record.step(TRANSFORM).orElseThrow().attempts()).singleElement().satisfies(a -> {
                assertThat(a.job()).contains(new JobLocation("ws", "item", "job-9"));
                assertThat(a.status()).isEmpty();
            });
            assertThat(journal.interrupted()).extracting(RunSummary::runId).containsExactly("run-2");
        }
    }

    @Test
    void aResumedRunGoesOnUnderItsIdAndOnlyAnInterruptedRunCanResume() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("db"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            journal.runCreated("run-3", plan(request()), Optional.empty(), T0);
            journal.attemptSubmitting("run-3", TRANSFORM, 1, T0.plusSeconds(1));

            journal.runResumed("run-3", T0.plusSeconds(60));
            journal.attemptSubmitted("run-3", TRANSFORM, 1, new JobLocation("ws", "item", "job-7"),
                    T0.plusSeconds(61));
            journal.runEnded("run-3", RunState.SUCCEEDED, T0.plusSeconds(90));

            RunRecord record = journal.find("run-3").orElseThrow();
            assertThat(record.createdAt()).isEqualTo(T0);
            assertThat(record.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(record.step(TRANSFORM).orElseThrow().attempts()).singleElement()
                    .satisfies(a -> assertThat(a.job()).contains(new JobLocation("ws", "item", "job-7")));
            assertThat(journal.interrupted()).isEmpty();
            assertThatThrownBy(() -> journal.runResumed("run-3", T0.plusSeconds(99)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot resume");
            assertThatThrownBy(() -> journal.runResumed("run-404", T0))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anAttemptWhoseSubmissionWasNeverAcknowledgedHasNoJob() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("db"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            journal.runCreated("run-3", plan(request()), Optional.empty(), T0);
            journal.attemptSubmitting("run-3", TRANSFORM, 1, T0);
            RunRecord.AttemptRecord attempt = journal.find("run-3").orElseThrow().step(TRANSFORM).orElseThrow()
                    .attempts().get(0);
            assertThat(attempt.submittingAt()).isEqualTo(T0);
            assertThat(attempt.job()).isEmpty();
        }
    }

    @Test
    void listsNewestFirstFilteredByEnvironmentAndStateWithTheFailedStageAndTheOriginalOfAReRun() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("db"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            replayFailedRun(journal, "run-a");
            RunRequest rerun = new RunRequest("sandbox", Map.of(), false, Optional.empty(), OptionalInt.empty(),
                    RefreshMode.POWER_BI_API, "ops", Optional.of(new RerunRequest("run-a", RerunMode.STAGE_ONLY,
                    Optional.of("Transformation"))));
            journal.runCreated("run-b", plan(rerun), Optional.of("run-a"), T0.plusSeconds(60));
            journal.runEnded("run-b", RunState.SUCCEEDED, T0.plusSeconds(90));
            RunRequest other = new RunRequest("DEV", Map.of(), false, Optional.empty(), OptionalInt.empty(),
                    RefreshMode.POWER_BI_API, "ops", Optional.empty());
            journal.runCreated("run-c", plan(other), Optional.empty(), T0.plusSeconds(120));

            assertThat(journal.list(RunQuery.newest(10))).extracting(RunSummary::runId)
                    .containsExactly("run-c", "run-b", "run-a");
            List<RunSummary> sandbox = journal.list(new RunQuery(Optional.of("sandbox"), Optional.empty(), 10));
            assertThat(sandbox).extracting(RunSummary::runId).containsExactly("run-b", "run-a");
            assertThat(sandbox.get(0).rerunOf()).contains("run-a");
            assertThat(sandbox.get(1).failedStage()).contains("Transformation");
            assertThat(journal.list(new RunQuery(Optional.empty(), Optional.of(RunState.FAILED), 10)))
                    .extracting(RunSummary::runId).containsExactly("run-a");
            assertThat(journal.find("run-b").orElseThrow().request().rerun().orElseThrow().stage())
                    .contains("Transformation");
        }
    }

    @Test
    void aLongErrorMessageIsCutToTheColumnWithoutFailingTheWrite() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("db"))) {
            JdbcRunJournal journal = JdbcRunJournal.open(db);
            journal.runCreated("run-4", plan(request()), Optional.empty(), T0);
            journal.attemptEnded("run-4", TRANSFORM, 1, AttemptStatus.FAILED, Optional.of("DbtRunFailed"),
                    Optional.of("x".repeat(10_000)), T0);
            assertThat(journal.find("run-4").orElseThrow().step(TRANSFORM).orElseThrow().attempts().get(0)
                    .message().orElseThrow()).hasSize(4000);
        }
    }

    private static void replayFailedRun(RunJournal journal, String runId) {
        journal.runCreated(runId, plan(request()), Optional.empty(), T0);
        ObjectNode firstRow = JSON.objectNode();
        firstRow.putObject("firstRow").put("workspace_id", "ws-1");
        journal.attemptEnded(runId, LOOKUP, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(),
                T0.plusSeconds(1));
        journal.stepEnded(runId, LOOKUP, StepState.SUCCEEDED, Optional.of(firstRow),
                Map.of("workspace_id", (JsonNode) JSON.textNode("ws-1")), Optional.empty(), T0.plusSeconds(1));
        journal.stageEnded(runId, "Initialisation", StepState.SUCCEEDED, T0.plusSeconds(1));
        for (int attempt = 1; attempt <= 2; attempt++) {
            Instant at = T0.plusSeconds(10L * attempt);
            journal.attemptSubmitting(runId, TRANSFORM, attempt, at);
            journal.attemptSubmitted(runId, TRANSFORM, attempt, new JobLocation("ws-1", "tp", "job-" + attempt), at);
            journal.attemptEnded(runId, TRANSFORM, attempt, AttemptStatus.FAILED, Optional.of("DbtRunFailed"),
                    Optional.of("dbt run failed"), at.plusSeconds(5));
        }
        journal.stepEnded(runId, TRANSFORM, StepState.FAILED, Optional.empty(), Map.of(), Optional.empty(),
                T0.plusSeconds(30));
        journal.stageEnded(runId, "Transformation", StepState.FAILED, T0.plusSeconds(30));
        journal.attemptSubmitting(runId, SALES, 1, T0.plusSeconds(31));
        journal.refreshSubmitted(runId, SALES, 1, "refresh-1", T0.plusSeconds(31));
        journal.attemptEnded(runId, SALES, 1, AttemptStatus.CANCELLED, Optional.empty(), Optional.empty(),
                T0.plusSeconds(32));
        journal.runEnded(runId, RunState.FAILED, T0.plusSeconds(33));
    }

    private static RunRequest request() {
        return new RunRequest("sandbox", Map.of("load_date", JSON.textNode("2026-11-26")), true,
                Optional.of(List.of("Sales", "HR")), OptionalInt.of(3), RefreshMode.POWER_BI_API, "ops",
                Optional.empty());
    }

    private static RunPlan plan(RunRequest request) {
        ItemRef master = new ItemRef("DataPipeline", "orchestration_pipeline_DBB", "ws-1", "master-1");
        List<PlannedStage> stages = List.of(new PlannedStage(1, "Initialisation", List.of()),
                new PlannedStage(2, "Transformation", List.of()), new PlannedStage(3, "Semantic refresh", List.of()));
        return new RunPlan(request, request.environment(), "ws-1", "DBB Sandbox", master, request.parameters(),
                Map.of(), stages, 1.0, List.of());
    }

}
