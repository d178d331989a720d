package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario scripts on jobs: failures on given attempts, retries, exit values, deduped runs, cancel. */
class ScriptedJobsTest {

    private static final String FAILS_ONCE = """
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1]
                failure:
                  activity: Build gold with dbt
                  errorCode: DbtRunFailed
                  message: "dbt run failed: fct_sales"
              nb_monitor_threshold_breaches:
                exitValue: {breaches: [{table: fct_sales, value: 31.4}]}
              nb_gold_quality_checks:
                failOnAttempts: [1]
                failure: {errorCode: QualityCheckFailed, message: "3 checks failed"}
              integration_pipeline_DBB:
                dedupeOnAttempts: [2]
            """;

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
    void aScriptedFailureFailsTheFirstRunAndTheSecondRunSucceeds() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));

        String first = harness.runPipeline("transformation_pipeline_DBB");
        harness.advance(3_600);
        String second = harness.runPipeline("transformation_pipeline_DBB");
        harness.advance(3_600);

        JsonNode failed = harness.job("DataPipeline", "transformation_pipeline_DBB", first);
        assertThat(failed.path("status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/failureReason/errorCode").asText()).isEqualTo("JobInstanceStatusFailed");
        assertThat(failed.at("/failureReason/message").asText()).contains("Build gold with dbt")
                .contains("dbt run failed");
        assertThat(harness.job("DataPipeline", "transformation_pipeline_DBB", second).path("status").asText())
                .isEqualTo("Completed");
    }

    @Test
    void theFailingActivityIsRetriedPerItsPolicyAndItsDependentsNeverRun() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String job = harness.runPipeline("transformation_pipeline_DBB");
        harness.advance(3_600);

        JsonNode runs = harness.activityRuns(job);
        List<JsonNode> dbt = named(runs, "Build gold with dbt");

        // policy.retry is 1, so two attempts, 300 s apart.
        assertThat(dbt).hasSize(2);
        assertThat(dbt).allSatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("Failed");
            assertThat(r.at("/error/errorCode").asText()).isEqualTo("DbtRunFailed");
            assertThat(r.at("/error/target").asText()).isEqualTo("Build gold with dbt");
        });
        assertThat(dbt.get(0).path("retryAttempt").isNull()).isTrue();
        assertThat(dbt.get(1).path("retryAttempt").asInt()).isEqualTo(1);
        assertThat(named(runs, "Check gold quality")).isEmpty();
    }

    @Test
    void aParentPipelineRetriesAFailedChildWithANewChildRun() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String job = harness.runPipeline("orchestration_pipeline_DBB");
        harness.advance(7_200);

        List<JsonNode> invokes = named(harness.activityRuns(job), "Run transformation pipeline");

        assertThat(invokes).hasSize(2);
        assertThat(invokes.get(0).path("status").asText()).isEqualTo("Failed");
        assertThat(invokes.get(1).path("status").asText()).isEqualTo("Succeeded");
        String failedChild = invokes.get(0).at("/output/pipelineRunId").asText();
        String retriedChild = invokes.get(1).at("/output/pipelineRunId").asText();
        assertThat(failedChild).isNotEqualTo(retriedChild);
        assertThat(harness.job("DataPipeline", "transformation_pipeline_DBB", failedChild).path("status").asText())
                .isEqualTo("Failed");
        assertThat(harness.job("DataPipeline", "transformation_pipeline_DBB", retriedChild).path("status").asText())
                .isEqualTo("Completed");
        assertThat(harness.job("DataPipeline", "orchestration_pipeline_DBB", job).path("status").asText())
                .isEqualTo("Completed");
        // The retry waited the policy's 120 s after the failure.
        assertThat(java.time.Instant.parse(invokes.get(1).path("activityRunStart").asText()))
                .isEqualTo(java.time.Instant.parse(invokes.get(0).path("activityRunEnd").asText()).plusSeconds(120));
    }

    @Test
    void aNotebookJobReturnsTheScenarioExitValue() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String path = harness.itemPath("Notebook", "nb_monitor_threshold_breaches");
        EmulatorHarness.Reply started = harness.post(path + "/jobs/instances?jobType=RunNotebook", "{}");
        String job = started.header("Location").substring(started.header("Location").lastIndexOf('/') + 1);
        harness.advance(600);

        JsonNode instance = harness.get("/v1/workspaces/" + harness.sandbox() + "/notebooks/"
                + harness.item("Notebook", "nb_monitor_threshold_breaches") + "/jobs/execute/instances/" + job
                + "?beta=true").json();

        assertThat(instance.path("status").asText()).isEqualTo("Completed");
        assertThat(instance.at("/properties/exitValue").asText())
                .isEqualTo("{\"breaches\":[{\"table\":\"fct_sales\",\"value\":31.4}]}");
    }

    @Test
    void aNotebookActivityCarriesTheExitValueInItsOutput() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String job = harness.runPipeline("orchestration_pipeline_DBB");
        harness.advance(7_200);

        JsonNode monitor = named(harness.activityRuns(job), "Monitor threshold breaches").get(0);

        assertThat(monitor.at("/output/result/exitValue").asText()).contains("breaches");
    }

    @Test
    void aFailingNotebookJobReportsItsFailureReason() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String path = harness.itemPath("Notebook", "nb_gold_quality_checks");
        EmulatorHarness.Reply started = harness.post(path + "/jobs/instances?jobType=RunNotebook", "");
        harness.advance(600);

        JsonNode instance = harness.get(started.header("Location")).json();

        assertThat(instance.path("status").asText()).isEqualTo("Failed");
        assertThat(instance.at("/failureReason/errorCode").asText()).isEqualTo("JobInstanceStatusFailed");
        assertThat(instance.at("/failureReason/message").asText()).contains("QualityCheckFailed")
                .contains("3 checks failed");
    }

    @Test
    void aDedupedAttemptEndsDedupedWithoutRunningAnyActivity() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String first = harness.runPipeline("integration_pipeline_DBB");
        String second = harness.runPipeline("integration_pipeline_DBB");

        JsonNode queued = harness.job("DataPipeline", "integration_pipeline_DBB", second);
        harness.advance(3_600);

        assertThat(queued.path("status").asText()).isEqualTo("NotStarted");
        assertThat(harness.job("DataPipeline", "integration_pipeline_DBB", second).path("status").asText())
                .isEqualTo("Deduped");
        assertThat(harness.activityRuns(second)).isEmpty();
        assertThat(harness.job("DataPipeline", "integration_pipeline_DBB", first).path("status").asText())
                .isEqualTo("Completed");
    }

    @Test
    void cancellingARunningPipelineEndsItCancelledAndStopsItsActivities() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String job = harness.runPipeline("integration_pipeline_DBB");
        harness.advance(20);

        EmulatorHarness.Reply cancel = harness.post(harness.itemPath("DataPipeline", "integration_pipeline_DBB")
                + "/jobs/instances/" + job + "/cancel", "");
        JsonNode cancelling = harness.job("DataPipeline", "integration_pipeline_DBB", job);
        harness.advance(2);
        JsonNode cancelled = harness.job("DataPipeline", "integration_pipeline_DBB", job);
        harness.advance(3_600);

        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.header("Location")).endsWith("/jobs/instances/" + job);
        assertThat(cancel.header("Retry-After")).isNotBlank();
        assertThat(cancelling.path("status").asText()).isEqualTo("InProgress");
        assertThat(cancelled.path("status").asText()).isEqualTo("Cancelled");
        assertThat(harness.job("DataPipeline", "integration_pipeline_DBB", job).path("status").asText())
                .isEqualTo("Cancelled");
        JsonNode runs = harness.activityRuns(job);
        assertThat(named(runs, "Copy ERP sales orders").get(0).path("status").asText()).isEqualTo("Cancelled");
        assertThat(named(runs, "Register bronze loads")).isEmpty();
    }

    @Test
    void cancellingAParentCancelsTheChildRunInFlight() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String job = harness.runPipeline("orchestration_pipeline_DBB");
        harness.advance(40);
        String child = named(harness.activityRuns(job), "Run integration pipeline").get(0)
                .at("/output/pipelineRunId").asText();

        harness.post(harness.itemPath("DataPipeline", "orchestration_pipeline_DBB") + "/jobs/instances/" + job
                + "/cancel", "");
        harness.advance(3_600);

        assertThat(harness.job("DataPipeline", "integration_pipeline_DBB", child).path("status").asText())
                .isEqualTo("Cancelled");
        assertThat(named(harness.activityRuns(job), "Run transformation pipeline")).isEmpty();
    }

    @Test
    void cancellingAFinishedJobIsRefusedWithJobAlreadyCompleted() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String job = harness.runPipeline("integration_pipeline_DBB");
        harness.advance(3_600);

        EmulatorHarness.Reply cancel = harness.post(harness.itemPath("DataPipeline", "integration_pipeline_DBB")
                + "/jobs/instances/" + job + "/cancel", "");

        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.json().path("errorCode").asText()).isEqualTo("JobAlreadyCompleted");
    }

    @Test
    void listingJobInstancesShowsEveryRunNewestFirst() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILS_ONCE));
        String first = harness.runPipeline("transformation_pipeline_DBB");
        harness.advance(1);
        String second = harness.runPipeline("transformation_pipeline_DBB");

        JsonNode list = harness.get(harness.itemPath("DataPipeline", "transformation_pipeline_DBB")
                + "/jobs/instances").json().path("value");

        assertThat(list.findValuesAsText("id")).containsExactly(second, first);
    }

    private static List<JsonNode> named(JsonNode runs, String name) {
        List<JsonNode> out = new ArrayList<>();
        runs.forEach(r -> {
            if (r.path("activityName").asText().equals(name)) {
                out.add(r);
            }
        });
        return out;
    }
}
