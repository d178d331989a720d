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

/** Runs the master pipeline's schedule starts, on a hand-moved clock at real-time scale. */
class ScheduledRunsTest {

    private static final String MASTER = "orchestration_pipeline_DBB";
    private static final String FAILING_TRANSFORMATION = """
            schedule:
              - pipeline: orchestration_pipeline_DBB
                startAfterSeconds: 60
                parameters: {environment: TEST}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {errorCode: DbtRunFailed, message: "dbt run failed: 2 models errored"}
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
    void aScheduledRunIsListedOnceDueWithInvokeTypeScheduledAndItsDueTimeAsStart() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILING_TRANSFORMATION));

        harness.advance(59);
        JsonNode before = harness.get(harness.itemPath("DataPipeline", MASTER) + "/jobs/instances").json();
        harness.advance(2);
        JsonNode after = harness.get(harness.itemPath("DataPipeline", MASTER) + "/jobs/instances").json();

        assertThat(before.path("value")).isEmpty();
        assertThat(after.path("value")).hasSize(1);
        JsonNode run = after.path("value").get(0);
        assertThat(run.path("invokeType").asText()).isEqualTo("Scheduled");
        assertThat(run.path("jobType").asText()).isEqualTo("Pipeline");
        assertThat(utc(run.path("startTimeUtc").asText())).isEqualTo(EmulatorHarness.START.plusSeconds(60));
    }

    @Test
    void runsStartedThroughTheApiStayManualAndTheListIsNewestFirst() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILING_TRANSFORMATION));
        harness.advance(61);
        harness.advance(10);
        String manual = harness.runPipeline(MASTER);

        JsonNode list = harness.get(harness.itemPath("DataPipeline", MASTER) + "/jobs/instances").json();

        assertThat(list.path("value")).extracting(n -> n.path("invokeType").asText())
                .containsExactly("Manual", "Scheduled");
        assertThat(list.path("value").get(0).path("id").asText()).isEqualTo(manual);
        assertThat(harness.job("DataPipeline", MASTER, manual).path("invokeType").asText()).isEqualTo("Manual");
    }

    @Test
    void itemScriptsApplySoTheScheduledRunFailsInTransformationAfterItsRetries() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILING_TRANSFORMATION));
        harness.advance(61);
        String job = scheduledJob();
        harness.advance(4 * 3600);

        JsonNode instance = harness.job("DataPipeline", MASTER, job);
        JsonNode runs = harness.activityRuns(job);

        assertThat(instance.path("status").asText()).isEqualTo("Failed");
        assertThat(instance.path("failureReason").path("message").asText()).contains("Run transformation pipeline");
        assertThat(names(runs)).contains("Lookup environment", "Set load date", "Run integration pipeline",
                "Run transformation pipeline").doesNotContain("Monitor load completeness", "Refresh semantic models");
        List<JsonNode> transformation = named(runs, "Run transformation pipeline");
        assertThat(transformation).hasSize(3).allSatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("Failed");
            assertThat(r.path("error").path("errorCode").asText()).isEqualTo("ChildPipelineFailed");
            assertThat(r.path("output").path("pipelineRunId").asText()).isNotBlank();
        });
        assertThat(named(runs, "Run integration pipeline")).singleElement()
                .satisfies(r -> assertThat(r.path("status").asText()).isEqualTo("Succeeded"));
    }

    @Test
    void activityRunsOfTheMasterAreConsistentAndTheChildRunIsQueryableByItsId() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILING_TRANSFORMATION));
        harness.advance(61);
        String job = scheduledJob();
        harness.advance(4 * 3600);

        JsonNode runs = harness.activityRuns(job);
        JsonNode lastAttempt = named(runs, "Run transformation pipeline").get(2);
        String child = lastAttempt.path("output").path("pipelineRunId").asText();
        JsonNode childRuns = harness.activityRuns(child);

        for (JsonNode r : runs) {
            assertThat(r.path("pipelineRunId").asText()).isEqualTo(job);
            assertThat(r.path("activityRunId").asText()).isNotBlank();
            assertThat(utc(r.path("activityRunEnd").asText())).isAfterOrEqualTo(utc(r.path("activityRunStart")
                    .asText()));
        }
        assertThat(childRuns).isNotEmpty().allSatisfy(r ->
                assertThat(r.path("pipelineRunId").asText()).isEqualTo(child));
        assertThat(childRuns).anySatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("Failed");
            assertThat(r.path("error").path("errorCode").asText()).isEqualTo("DbtRunFailed");
        });
        assertThat(harness.job("DataPipeline", "transformation_pipeline_DBB", child).path("invokeType").asText())
                .isEqualTo("Manual");
    }

    @Test
    void activityInputsShowTheScheduleParametersAndTheChildPipelineItemId() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILING_TRANSFORMATION));
        harness.advance(61);
        String job = scheduledJob();
        harness.advance(4 * 3600);

        JsonNode integration = named(harness.activityRuns(job), "Run integration pipeline").get(0).path("input");

        assertThat(integration.path("parameters").path("environment").asText()).isEqualTo("TEST");
        assertThat(integration.path("pipelineId").asText())
                .isEqualTo(harness.item("DataPipeline", "integration_pipeline_DBB").toString());
        assertThat(integration.path("workspaceId").asText()).isEqualTo(harness.sandbox().toString());
        // expressions beyond a plain parameter reference stay as written
        assertThat(integration.path("parameters").path("load_date").path("type").asText()).isEqualTo("Expression");
    }

    @Test
    void omitChildRunIdsDropsTheChildRunIdButKeepsTheRestOfTheOutput() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario(FAILING_TRANSFORMATION
                + "omitChildRunIds: true\n"));
        harness.advance(61);
        String job = scheduledJob();
        harness.advance(4 * 3600);

        JsonNode integration = named(harness.activityRuns(job), "Run integration pipeline").get(0);

        assertThat(integration.path("output").has("pipelineRunId")).isFalse();
        assertThat(integration.path("output").path("pipelineName").asText()).isEqualTo("integration_pipeline_DBB");
    }

    @Test
    void aScheduleNamingAPipelineTheRepositoryLacksStartsNothing() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                schedule:
                  - {pipeline: no_such_pipeline}
                  - {pipeline: orchestration_pipeline_DBB, startAfterSeconds: 5}
                """));
        harness.advance(6);

        JsonNode list = harness.get(harness.itemPath("DataPipeline", MASTER) + "/jobs/instances").json();

        assertThat(list.path("value")).hasSize(1);
    }

    private String scheduledJob() {
        JsonNode list = harness.get(harness.itemPath("DataPipeline", MASTER) + "/jobs/instances").json();
        return list.path("value").get(0).path("id").asText();
    }

    private static List<String> names(JsonNode runs) {
        List<String> out = new ArrayList<>();
        runs.forEach(r -> out.add(r.path("activityName").asText()));
        return out;
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

    private static Instant utc(String text) {
        String plain = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        return LocalDateTime.parse(plain).toInstant(ZoneOffset.UTC);
    }
}
