package org.dbb.console.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.jobs.JobTypes;
import org.dbb.console.core.fabric.testing.TransportFixture;

class ItemDefinitionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATION = "0acd697c-1550-43cd-b998-91bfbfbd47c6";
    private static final String PIPELINE_JSON = "{\"properties\":{\"activities\":[]}}";

    private final TransportFixture fixture = new TransportFixture();
    private final FabricClient fabric = new FabricClient(fixture.transport(), JobTypes.defaults(),
            new Polling(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofSeconds(2)));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void returnsADefinitionAnsweredAtOnceWithDecodedParts() {
        fixture.enqueue(200, definitionBody());

        ItemDefinition definition = fabric.getItemDefinition("w1", "p1");

        assertThat(definition.part("pipeline-content.json")).hasValueSatisfying(
                p -> assertThat(p.text()).isEqualTo(PIPELINE_JSON));
        assertThat(definition.parts()).extracting(DefinitionPart::path)
                .containsExactly("pipeline-content.json", ".platform");
        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/workspaces/w1/items/p1/getDefinition");
    }

    @Test
    void pollsALongRunningOperationUntilItSucceedsThenFetchesTheResult() {
        fixture.enqueue(202, null, "x-ms-operation-id", OPERATION,
                "Location", "https://api.fabric.microsoft.com/v1/operations/" + OPERATION, "Retry-After", "0");
        fixture.enqueue(200, "{\"status\":\"Running\",\"percentComplete\":40}", "Retry-After", "0");
        fixture.enqueue(200, "{\"status\":\"Succeeded\",\"percentComplete\":100}",
                "Location", "https://api.fabric.microsoft.com/v1/operations/" + OPERATION + "/result");
        fixture.enqueue(200, definitionBody());

        ItemDefinition definition = fabric.getItemDefinition("w1", "n1", "ipynb");

        assertThat(definition.parts()).hasSize(2);
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1/items/n1/getDefinition?format=ipynb");
        assertThat(fixture.take().getPath()).isEqualTo("/v1/operations/" + OPERATION);
        assertThat(fixture.take().getPath()).isEqualTo("/v1/operations/" + OPERATION);
        assertThat(fixture.take().getPath()).isEqualTo("/v1/operations/" + OPERATION + "/result");
        assertThat(fixture.waits.all()).allMatch(w -> w.cause() == WaitCause.OPERATION_RUNNING);
        assertThat(fixture.waits.reasons()).element(1).asString()
                .startsWith("Fabric operation " + OPERATION + " running (40%), next check at ");
    }

    @Test
    void usesTheLocationIdWhenTheOperationIdHeaderIsMissingAndLocationLacksV1() {
        fixture.enqueue(202, null, "Location", "https://api.fabric.microsoft.com/operations/" + OPERATION);
        fixture.enqueue(200, "{\"status\":\"Succeeded\"}");
        fixture.enqueue(200, definitionBody());

        fabric.getItemDefinition("w1", "p1");

        fixture.take();
        assertThat(fixture.take().getPath()).isEqualTo("/v1/operations/" + OPERATION);
        assertThat(fixture.take().getPath()).isEqualTo("/v1/operations/" + OPERATION + "/result");
    }

    @Test
    void aFailedOperationBecomesAnExceptionWithItsErrorCode() {
        fixture.enqueue(202, null, "x-ms-operation-id", OPERATION);
        fixture.enqueue(200, "{\"status\":\"Failed\",\"error\":{\"errorCode\":\"InvalidDefinition\","
                + "\"message\":\"pipeline-content.json is malformed\",\"requestId\":\"op-r1\"}}");

        assertThatThrownBy(() -> fabric.getItemDefinition("w1", "p1"))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("InvalidDefinition");
                    assertThat(e.requestId()).contains("op-r1");
                })
                .hasMessage("POST /v1/workspaces/{workspaceId}/items/{itemId}/getDefinition failed: "
                        + "InvalidDefinition: long-running operation " + OPERATION
                        + " failed: pipeline-content.json is malformed (request id op-r1)");
        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void givesUpOnAnOperationThatOutlivesThePollingTimeout() {
        FabricClient impatient = new FabricClient(fixture.transport(), JobTypes.defaults(),
                new Polling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(30)));
        fixture.enqueue(202, null, "x-ms-operation-id", OPERATION);
        for (int i = 0; i < 50; i++) {
            fixture.enqueue(200, "{\"status\":\"Running\"}");
        }

        assertThatThrownBy(() -> impatient.getItemDefinition("w1", "p1"))
                .isInstanceOfSatisfying(FabricApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("OperationTimedOut"));
    }

    @Test
    void updatesADefinitionWithBase64PartsAndWaitsForTheOperation() throws Exception {
        fixture.enqueue(202, null, "x-ms-operation-id", OPERATION, "Retry-After", "0");
        fixture.enqueue(200, "{\"status\":\"Succeeded\"}");
        ItemDefinition definition = ItemDefinition.of(List.of(
                DefinitionPart.ofText("pipeline-content.json", PIPELINE_JSON)));

        fabric.updateItemDefinition("w1", "p1", definition);

        RecordedRequest update = fixture.take();
        assertThat(update.getPath()).isEqualTo("/v1/workspaces/w1/items/p1/updateDefinition");
        JsonNode part = JSON.readTree(update.getBody().readUtf8()).path("definition").path("parts").get(0);
        assertThat(part.path("path").asText()).isEqualTo("pipeline-content.json");
        assertThat(part.path("payloadType").asText()).isEqualTo("InlineBase64");
        assertThat(new String(Base64.getDecoder().decode(part.path("payload").asText()), StandardCharsets.UTF_8))
                .isEqualTo(PIPELINE_JSON);
        assertThat(fixture.take().getPath()).isEqualTo("/v1/operations/" + OPERATION);
        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void updatesMetadataOnlyWhenAskedTo() {
        fixture.enqueue(200, null);

        fabric.updateItemDefinitionAndMetadata("w1", "p1", ItemDefinition.of(List.of(
                DefinitionPart.ofText(".platform", "{}"))));

        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1/items/p1/updateDefinition?updateMetadata=true");
    }

    @Test
    void rejectsAPartWithAnUnknownPayloadType() {
        fixture.enqueue(200, "{\"definition\":{\"parts\":[{\"path\":\"x\",\"payload\":\"eA==\","
                + "\"payloadType\":\"Blob\"}]}}");

        assertThatThrownBy(() -> fabric.getItemDefinition("w1", "p1"))
                .isInstanceOf(FabricApiException.class)
                .hasMessageContaining("only InlineBase64 is understood");
    }

    private static String definitionBody() {
        return "{\"definition\":{\"parts\":["
                + "{\"path\":\"pipeline-content.json\",\"payload\":\"" + base64(PIPELINE_JSON)
                + "\",\"payloadType\":\"InlineBase64\"},"
                + "{\"path\":\".platform\",\"payload\":\"" + base64("{\"metadata\":{}}")
                + "\",\"payloadType\":\"InlineBase64\"}]}}";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
