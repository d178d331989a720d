package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;

/** Pipeline jobs on a hand-moved clock, real-time scale: queue 3 s, notebooks and dbt 60 s (the defaults). */
class PipelineJobTest {

    @TempDir
    Path temp;

    private EmulatorHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void runningAPipelineAnswers202WithAnAbsoluteLocationAndRetryAfter() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String itemPath = harness.itemPath("DataPipeline", "transformation_pipeline_DBB");

        EmulatorHarness.Reply reply = harness.post(itemPath + "/jobs/instances?jobType=Pipeline", "");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Location")).startsWith(harness.emulator.baseUrl() + itemPath + "/jobs/instances/");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(harness.get(reply.header("Location")).json().path("jobType").asText()).isEqualTo("Pipeline");
    }

    @Test
    void theCurrentPathFormWithTheJobTypeInThePathAlsoRunsAJob() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.post(harness.itemPath("Notebook", "nb_silver_conform")
                + "/jobs/RunNotebook/instances", "{\"executionData\":{\"parameters\":{\"run_id\":{\"value\":\"x\","
                + "\"type\":\"string\"}}}}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(harness.get(reply.header("Location")).json().path("jobType").asText()).isEqualTo("RunNotebook");
    }

    @Test
    void aJobTypeTheItemCannotRunIsRefused() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.post(harness.itemPath("SemanticModel", "Sales")
                + "/jobs/instances?jobType=Pipeline", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("InvalidJobType");
    }

    @Test
    void theJobMovesFromNotStartedThroughInProgressToCompleted() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String job = harness.runPipeline("transformation_pipeline_DBB");

        JsonNode queued = harness.job("DataPipeline", "transformation_pipeline_DBB", job);
        harness.advance(3);
        JsonNode running = harness.job("DataPipeline", "transformation_pipeline_DBB", job);
        harness.advance(180);
        JsonNode done = harness.job("DataPipeline", "transformation_pipeline_DBB", job);

        assertThat(queued.path("status").asText()).isEqualTo("NotStarted");
        assertThat(running.path("status").asText()).isEqualTo("InProgress");
        assertThat(running.path("endTimeUtc").isNull()).isTrue();
        assertThat(done.path("status").asText()).isEqualTo("Completed");
        assertThat(done.path("startTimeUtc").asText()).isEqualTo("2025-05-01T06:00:00.0000000");
        assertThat(done.path("endTimeUtc").asText()).isEqualTo("2025-05-01T06:03:03.0000000");
        assertThat(done.path("failureReason").isNull()).isTrue();
        assertThat(done.path("invokeType").asText()).isEqualTo("Manual");
    }

    @Test
    void activityRunsFollowThePipelineJsonInDependencyOrderWithinTheJob() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String job = harness.runPipeline("transformation_pipeline_DBB");
        harness.advance(600);
        JsonNode instance = harness.job("DataPipeline", "transformation_pipeline_DBB", job);

        JsonNode runs = harness.activityRuns(job);

        assertThat(runs).extracting(r -> r.path("activityName").asText())
                .containsExactly("Conform silver", "Build gold with dbt", "Check gold quality");
        assertThat(runs).extracting(r -> r.path("activityType").asText())
                .containsExactly("TridentNotebook", "DataBuildToolJob", "TridentNotebook");
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("Succeeded");
            assertThat(r.path("pipelineRunId").asText()).isEqualTo(job);
            assertThat(r.at("/error/errorCode").asText()).isEmpty();
        });
        Instant jobStart = fabricTime(instance.path("startTimeUtc").asText());
        Instant jobEnd = fabricTime(instance.path("endTimeUtc").asText());
        Instant previousEnd = jobStart;
        for (JsonNode run : runs) {
            Instant start = Instant.parse(run.path("activityRunStart").asText());
            Instant end = Instant.parse(run.path("activityRunEnd").asText());
            assertThat(start).isAfterOrEqualTo(previousEnd);
            assertThat(end).isBeforeOrEqualTo(jobEnd);
            assertThat(run.path("durationInMs").asLong()).isEqualTo(end.toEpochMilli() - start.toEpochMilli());
            previousEnd = end;
        }
        assertThat(runs.get(0).at("/input/notebookId").asText()).isEqualTo("8ee60e92-4fde-4beb-8bb7-bda97f5c804a");
    }

    @Test
    void activityRunsAppearOnlyOnceTheyStart() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String job = harness.runPipeline("transformation_pipeline_DBB");

        harness.advance(2);
        JsonNode queued = harness.activityRuns(job);
        harness.advance(30);
        JsonNode first = harness.activityRuns(job);

        assertThat(queued).isEmpty();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("status").asText()).isEqualTo("InProgress");
        assertThat(first.get(0).path("activityRunEnd").isNull()).isTrue();
    }

    @Test
    void invokePipelineActivitiesCarryTheRunIdOfARealChildRun() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String job = harness.runPipeline("orchestration_pipeline_DBB");
        harness.advance(3_600);

        JsonNode runs = harness.activityRuns(job);
        JsonNode invoke = find(runs, "Run integration pipeline");
        String childId = invoke.at("/output/pipelineRunId").asText();

        assertThat(harness.job("DataPipeline", "orchestration_pipeline_DBB", job).path("status").asText())
                .isEqualTo("Completed");
        assertThat(invoke.at("/output/pipelineName").asText()).isEqualTo("integration_pipeline_DBB");
        assertThat(harness.job("DataPipeline", "integration_pipeline_DBB", childId).path("status").asText())
                .isEqualTo("Completed");
        assertThat(harness.activityRuns(childId).findValuesAsText("activityName"))
                .contains("Copy ERP sales orders", "Register bronze loads");
        assertThat(names(runs)).containsSubsequence("Lookup environment", "Lookup item ids",
                "Run integration pipeline", "Run transformation pipeline", "Run maintenance if requested",
                "Refresh semantic models");
        Instant childEnd = Instant.parse(find(runs, "Run integration pipeline").path("activityRunEnd").asText());
        Instant nextStart = Instant.parse(find(runs, "Run transformation pipeline").path("activityRunStart").asText());
        assertThat(nextStart).isAfterOrEqualTo(childEnd);
    }

    @Test
    void theMaintenanceBranchRunsOnlyWhenTheParameterAsksForIt() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String plain = harness.runPipeline("orchestration_pipeline_DBB");
        EmulatorHarness.Reply flagged = harness.post(harness.itemPath("DataPipeline", "orchestration_pipeline_DBB")
                + "/jobs/instances?jobType=Pipeline", "{\"executionData\":{\"parameters\":{\"run_maintenance\":true}}}");
        String withMaintenance = flagged.header("Location").substring(flagged.header("Location").lastIndexOf('/') + 1);
        harness.advance(7_200);

        assertThat(names(harness.activityRuns(plain))).doesNotContain("Clean up retained files");
        assertThat(names(harness.activityRuns(withMaintenance)))
                .containsSubsequence("Clean up retained files", "Optimise tables");
        assertThat(find(harness.activityRuns(withMaintenance), "Run maintenance if requested")
                .at("/output/ifExpressionResult").asBoolean()).isTrue();
    }

    @Test
    void aSequentialForEachRunsOneIterationPerModelOfTheParameterOneAtATime() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String job = harness.runPipeline("refresh_semantic_models");
        harness.advance(3_600);

        List<JsonNode> refreshes = new ArrayList<>();
        harness.activityRuns(job).forEach(r -> {
            if (r.path("activityName").asText().equals("Refresh semantic model")) {
                refreshes.add(r);
            }
        });

        assertThat(refreshes).hasSize(6);
        assertThat(refreshes).extracting(r -> r.path("iterationHash").asText()).doesNotHaveDuplicates();
        for (int i = 1; i < refreshes.size(); i++) {
            assertThat(Instant.parse(refreshes.get(i).path("activityRunStart").asText()))
                    .isAfterOrEqualTo(Instant.parse(refreshes.get(i - 1).path("activityRunEnd").asText()));
        }
    }

    @Test
    void activityRunsCanBeFilteredAndOrdered() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String job = harness.runPipeline("transformation_pipeline_DBB");
        harness.advance(600);

        JsonNode notebooks = harness.post("/v1/workspaces/" + harness.sandbox() + "/datapipelines/pipelineruns/"
                + job + "/queryactivityruns", "{\"lastUpdatedAfter\":\"2025-05-01T05:00:00Z\","
                + "\"lastUpdatedBefore\":\"2025-05-01T08:00:00Z\",\"filters\":[{\"operand\":\"ActivityType\","
                + "\"operator\":\"Equals\",\"values\":[\"TridentNotebook\"]}],"
                + "\"orderBy\":[{\"orderBy\":\"ActivityRunStart\",\"order\":\"DESC\"}]}").json().path("value");

        assertThat(names(notebooks)).containsExactly("Check gold quality", "Conform silver");
    }

    private static JsonNode find(JsonNode runs, String name) {
        for (JsonNode r : runs) {
            if (r.path("activityName").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no activity run " + name + " in " + runs);
    }

    private static List<String> names(JsonNode runs) {
        List<String> out = new ArrayList<>();
        runs.forEach(r -> out.add(r.path("activityName").asText()));
        return out;
    }

    private static Instant fabricTime(String text) {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
}
