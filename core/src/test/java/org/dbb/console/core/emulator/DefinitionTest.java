package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;

/** Item definitions as long-running operations (2 scenario seconds by default). */
class DefinitionTest {

    private static final String WAIT_ONLY = "{\"properties\":{\"activities\":[{\"name\":\"Just wait\",\"type\":\"Wait\","
            + "\"dependsOn\":[],\"typeProperties\":{\"waitTimeInSeconds\":42}}]}}";

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
    void getDefinitionIsALongRunningOperationWhoseResultHoldsTheItemFiles() throws Exception {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply accepted = harness.post(harness.itemPath("DataPipeline", "transformation_pipeline_DBB")
                + "/getDefinition", "");
        String operation = accepted.header("Location");
        JsonNode running = harness.get(operation).json();
        harness.advance(2);
        EmulatorHarness.Reply done = harness.get(operation);
        JsonNode result = harness.get(done.header("Location")).json();

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(operation).isEqualTo(harness.emulator.baseUrl() + "/v1/operations/"
                + accepted.header("x-ms-operation-id"));
        assertThat(accepted.header("Retry-After")).isEqualTo("5");
        assertThat(running.path("status").asText()).isIn("NotStarted", "Running");
        assertThat(done.json().path("status").asText()).isEqualTo("Succeeded");
        assertThat(done.json().path("percentComplete").asInt()).isEqualTo(100);
        assertThat(done.header("Location")).isEqualTo(operation + "/result");
        assertThat(result.at("/definition/parts").findValuesAsText("path"))
                .containsExactly(".platform", "pipeline-content.json");
        JsonNode content = result.at("/definition/parts/1");
        assertThat(content.path("payloadType").asText()).isEqualTo("InlineBase64");
        byte[] onDisk = Files.readAllBytes(harness.repository.pipeline("transformation_pipeline_DBB").orElseThrow()
                .folder().resolve("pipeline-content.json"));
        assertThat(Base64.getDecoder().decode(content.path("payload").asText())).isEqualTo(onDisk);
    }

    @Test
    void updateDefinitionReplacesTheDefinitionOnceItsOperationSucceeds() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String item = harness.itemPath("DataPipeline", "transformation_pipeline_DBB");

        EmulatorHarness.Reply accepted = harness.post(item + "/updateDefinition", update(WAIT_ONLY));
        String before = pipelineContent(item);
        harness.advance(2);
        String after = pipelineContent(item);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("x-ms-operation-id")).isNotBlank();
        assertThat(before).contains("Conform silver");
        assertThat(after).isEqualTo(WAIT_ONLY);
        assertThat(harness.get(accepted.header("Location")).json().path("status").asText()).isEqualTo("Succeeded");
    }

    @Test
    void theNextRunOfAnUpdatedPipelineFollowsItsNewJson() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        harness.post(harness.itemPath("DataPipeline", "transformation_pipeline_DBB") + "/updateDefinition",
                update(WAIT_ONLY));
        harness.advance(2);

        String job = harness.runPipeline("transformation_pipeline_DBB");
        harness.advance(600);
        JsonNode runs = harness.activityRuns(job);

        assertThat(runs.findValuesAsText("activityName")).containsExactly("Just wait");
        assertThat(runs.get(0).path("durationInMs").asLong()).isEqualTo(42_000);
    }

    @Test
    void anUpdateThatIsNotAValidPipelineFailsItsOperation() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String item = harness.itemPath("DataPipeline", "transformation_pipeline_DBB");

        String operation = harness.post(item + "/updateDefinition", update("{\"properties\": 3}"))
                .header("Location");
        harness.advance(2);
        JsonNode state = harness.get(operation).json();

        assertThat(state.path("status").asText()).isEqualTo("Failed");
        assertThat(state.at("/error/errorCode").asText()).isEqualTo("InvalidDefinition");
        assertThat(pipelineContent(item)).contains("Conform silver");
    }

    @Test
    void updateMetadataRenamesTheItemFromItsPlatformPart() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String item = harness.itemPath("Notebook", "nb_dbb_common");
        String platform = "{\"metadata\":{\"type\":\"Notebook\",\"displayName\":\"nb_dbb_shared\"},"
                + "\"config\":{\"version\":\"2.0\",\"logicalId\":\"c8e00627-1858-4e2f-b7bd-e75f250e2609\"}}";
        String body = "{\"definition\":{\"parts\":[" + part(".platform", platform) + ","
                + part("notebook-content.py", "# new") + "]}}";

        harness.post(item + "/updateDefinition?updateMetadata=true", body);
        harness.advance(2);

        assertThat(harness.get(item).json().path("displayName").asText()).isEqualTo("nb_dbb_shared");
    }

    @Test
    void operationsThatTakeNoTimeAnswer200AtOnce() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("defaults: {operationSeconds: 0}"));

        EmulatorHarness.Reply reply = harness.post(harness.itemPath("SemanticModel", "HR") + "/getDefinition", "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/definition/parts").findValuesAsText("path"))
                .contains("definition.pbism", "definition/tables/dim_employee.tmdl");
    }

    @Test
    void aWarehouseHasNoDefinitionToGet() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.post(harness.itemPath("Warehouse", "wh_gold") + "/getDefinition", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("OperationNotSupportedForItem");
    }

    private String pipelineContent(String item) {
        String operation = harness.post(item + "/getDefinition", "").header("Location");
        harness.advance(2);
        for (JsonNode part : harness.get(operation + "/result").json().at("/definition/parts")) {
            if (part.path("path").asText().equals("pipeline-content.json")) {
                return new String(Base64.getDecoder().decode(part.path("payload").asText()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no pipeline-content.json part");
    }

    private static String update(String pipelineJson) {
        return "{\"definition\":{\"parts\":[" + part("pipeline-content.json", pipelineJson) + "]}}";
    }

    private static String part(String path, String content) {
        return "{\"path\":\"" + path + "\",\"payload\":\""
                + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))
                + "\",\"payloadType\":\"InlineBase64\"}";
    }
}
