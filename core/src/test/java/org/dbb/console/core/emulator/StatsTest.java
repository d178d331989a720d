package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;

class StatsTest {

    private static final String ENHANCED = "{\"type\":\"Full\"}";

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
    void requestsAreCountedPerRouteTemplate() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        harness.get("/v1/workspaces");
        harness.get("/v1/workspaces");
        harness.get(harness.itemPath("Notebook", "nb_dbb_common"));
        harness.get(harness.itemPath("SemanticModel", "HR"));

        EmulatorStats stats = harness.emulator.stats();
        assertThat(stats.requests("GET /v1/workspaces")).isEqualTo(2);
        assertThat(stats.requests("GET /v1/workspaces/{workspaceId}/items/{itemId}")).isEqualTo(2);
    }

    @Test
    void jobsStartedAreCountedPerItemIncludingChildPipelineRuns() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        harness.runPipeline("orchestration_pipeline_DBB");
        harness.runPipeline("transformation_pipeline_DBB");
        harness.advance(7_200);

        EmulatorStats stats = harness.emulator.stats();
        assertThat(stats.jobsStarted("sandbox", "orchestration_pipeline_DBB")).isEqualTo(1);
        assertThat(stats.jobsStarted("sandbox", "transformation_pipeline_DBB")).isEqualTo(2);
        assertThat(stats.jobsStarted("sandbox", "integration_pipeline_DBB")).isEqualTo(1);
        assertThat(stats.jobsStarted("sandbox", "refresh_semantic_models")).isEqualTo(1);
    }

    @Test
    void maxInFlightRefreshesAreTrackedPerModelAndInTotal() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                defaults: {refreshSeconds: 60, refreshQueueSeconds: 0}
                """));

        harness.post(refreshes("Sales"), ENHANCED);
        harness.post(refreshes("Finance"), ENHANCED);
        harness.post(refreshes("Sales"), ENHANCED);
        harness.advance(30);
        EmulatorStats during = harness.emulator.stats();
        harness.advance(30);
        harness.post(refreshes("Sales"), ENHANCED);
        harness.advance(30);
        harness.post(refreshes("HR"), ENHANCED);
        EmulatorStats after = harness.emulator.stats();

        assertThat(during.inFlightRefreshes()).isEqualTo(2);
        assertThat(during.maxInFlightRefreshes()).isEqualTo(2);
        assertThat(after.maxInFlightRefreshes("sandbox", "Sales")).isEqualTo(1);
        assertThat(after.maxInFlightRefreshes("sandbox", "Finance")).isEqualTo(1);
        // Sales again and then HR overlap, but never more than two at once.
        assertThat(after.maxInFlightRefreshes()).isEqualTo(2);
        assertThat(after.inFlightRefreshesPerModel()).containsOnlyKeys("sandbox/Sales", "sandbox/HR");
    }

    @Test
    void theStatsEndpointAnswersTheSameCounters() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        harness.runPipeline("integration_pipeline_DBB");
        harness.post(refreshes("HR"), ENHANCED);

        JsonNode json = harness.send(harness.anonymous("/_emulator/stats").GET()).json();

        assertThat(json.at("/jobsStartedPerItem/sandbox~1integration_pipeline_DBB").asInt()).isEqualTo(1);
        assertThat(json.at("/refreshes/inFlight").asInt()).isEqualTo(1);
        assertThat(json.at("/refreshes/maxInFlightPerModel/sandbox~1HR").asInt()).isEqualTo(1);
        assertThat(json.path("requestsPerRoute")
                .path("POST /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances").asInt()).isEqualTo(1);
    }

    @Test
    void everyServedRouteIsListedInTheRouteKeys() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        assertThat(harness.emulator.servedRouteKeys()).containsExactlyInAnyOrderElementsOf(FabricEmulator.routeKeys());
        assertThat(FabricEmulator.routeKeys()).doesNotHaveDuplicates()
                .contains("POST /v1/workspaces/{workspaceId}/datapipelines/pipelineruns/{jobId}/queryactivityruns",
                        "GET /{organization}/{project}/_apis/distributedtask/variablegroups/{groupId}");
    }

    private String refreshes(String model) {
        return "/v1.0/myorg/groups/" + harness.sandbox() + "/datasets/" + harness.item("SemanticModel", model)
                + "/refreshes";
    }
}
