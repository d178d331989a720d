package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScenarioReader;

/** The shipped scenario on the sample, at real-time scale on a hand-moved clock. */
class DefaultScenarioTest {

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
    void theMasterPipelineRetriesTheFailedTransformationAndCompletes() {
        harness = EmulatorHarness.start(temp, defaultAtRealTime());

        String job = harness.runPipeline("orchestration_pipeline_DBB");
        harness.advance(4 * 3_600);

        List<String> outcomes = new ArrayList<>();
        for (JsonNode run : harness.activityRuns(job)) {
            if (run.path("activityName").asText().equals("Run transformation pipeline")) {
                outcomes.add(run.path("status").asText());
            }
        }
        assertThat(outcomes).containsExactly("Failed", "Succeeded");
        assertThat(harness.job("DataPipeline", "orchestration_pipeline_DBB", job).path("status").asText())
                .isEqualTo("Completed");
    }

    @Test
    void salesIsBusyWhenARunLaunchedAtStartReachesTheRefreshStageAndFinanceOverrunsItsTarget() {
        harness = EmulatorHarness.start(temp, defaultAtRealTime());
        String sales = "/v1.0/myorg/groups/" + harness.sandbox() + "/datasets/" + harness.item("SemanticModel", "Sales")
                + "/refreshes";
        String finance = "/v1.0/myorg/groups/" + harness.sandbox() + "/datasets/"
                + harness.item("SemanticModel", "Finance") + "/refreshes";

        int free = harness.post(sales, "{\"type\":\"Full\"}").status();
        harness.advance(16 * 60);
        int busy = harness.post(sales, "{\"type\":\"Full\"}").status();
        String location = harness.post(finance, "{\"type\":\"Full\"}").header("Location");
        harness.advance(15 * 60);
        String atTarget = harness.get(location).json().path("extendedStatus").asText();
        harness.advance(10 * 60);

        assertThat(free).isEqualTo(202);
        assertThat(busy).isEqualTo(400);
        assertThat(atTarget).isEqualTo("InProgress");
        assertThat(harness.get(location).json().path("extendedStatus").asText()).isEqualTo("Completed");
    }

    private static Scenario defaultAtRealTime() {
        return new ScenarioReader(FabricEmulator.routeKeys()).defaultScenario().withTimeScale(1);
    }
}
