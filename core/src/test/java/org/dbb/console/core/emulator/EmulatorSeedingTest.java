package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.workspace.Item;

class EmulatorSeedingTest {

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
    void seedsOneWorkspacePerEnvironmentNamedAsTheSettingsSay() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        JsonNode workspaces = harness.get("/v1/workspaces").json().path("value");

        assertThat(workspaces).extracting(w -> w.path("displayName").asText())
                .containsExactly("DBB Sandbox", "DBB-DEV", "DBB-TEST", "DBB-PROD");
        assertThat(harness.emulator.workspaces()).extracting(EmulatedWorkspace::environment)
                .containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(workspaces).allSatisfy(w -> assertThat(w.path("type").asText()).isEqualTo("Workspace"));
    }

    @Test
    void everyRepositoryItemIsServedWithItsTypeAndNamePlusASqlEndpointPerLakehouse() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        JsonNode items = harness.get("/v1/workspaces/" + harness.sandbox() + "/items").json().path("value");

        List<String> served = items.findValuesAsText("displayName").stream().toList();
        List<String> expected = harness.repository.items().items().stream().map(Item::displayName).toList();
        assertThat(served).containsAll(expected);
        assertThat(items).filteredOn(i -> i.path("type").asText().equals("SQLEndpoint"))
                .extracting(i -> i.path("displayName").asText()).containsExactly("lh_bronze", "lh_silver");
        for (Item item : harness.repository.items().items()) {
            assertThat(harness.emulator.workspace("sandbox").orElseThrow().item(item.type(), item.displayName()))
                    .as(item.label()).isPresent();
        }
    }

    @Test
    void seededIdsAreTheSameWhenAnEmulatorStartsAgainOnTheSameRepository() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        FabricEmulator again = FabricEmulator.builder(harness.repository).handlerExecutor(handlers)
                .scheduler(scheduler).build();

        assertThat(again.workspaces()).isEqualTo(harness.emulator.workspaces());
        assertThat(again.workspace("DEV").orElseThrow().id()).isNotEqualTo(harness.sandbox());
        assertThat(again.workspace("DEV").orElseThrow().itemId("DataPipeline", "orchestration_pipeline_DBB"))
                .isNotEqualTo(harness.item("DataPipeline", "orchestration_pipeline_DBB"));
    }

    @Test
    void getItemAnswersTheItemWithItsWorkspace() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.get(harness.itemPath("SemanticModel", "Sales"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("id").asText()).isEqualTo(harness.item("SemanticModel", "Sales").toString());
        assertThat(reply.json().path("type").asText()).isEqualTo("SemanticModel");
        assertThat(reply.json().path("workspaceId").asText()).isEqualTo(harness.sandbox().toString());
        assertThat(reply.header("RequestId")).isNotBlank();
    }

    @Test
    void unknownItemIsRefusedWithTheFabricErrorShape() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.get("/v1/workspaces/" + harness.sandbox()
                + "/items/00000000-0000-0000-0000-000000000001");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("ItemNotFound");
        assertThat(reply.json().path("message").asText()).isNotBlank();
        assertThat(reply.json().path("requestId").asText()).isEqualTo(reply.header("RequestId"));
        assertThat(reply.header("x-ms-public-api-error-code")).isEqualTo("ItemNotFound");
    }

    @Test
    void lakehousesAndWarehousesShareTheWorkspaceSqlEndpoint() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String host = harness.emulator.workspace("sandbox").orElseThrow().sqlEndpoint();

        JsonNode lakehouse = harness.get("/v1/workspaces/" + harness.sandbox() + "/lakehouses/"
                + harness.item("Lakehouse", "lh_bronze")).json();
        JsonNode warehouse = harness.get("/v1/workspaces/" + harness.sandbox() + "/warehouses/"
                + harness.item("Warehouse", "wh_gold")).json();

        assertThat(host).endsWith(".datawarehouse.fabric.microsoft.com");
        assertThat(lakehouse.at("/properties/sqlEndpointProperties/connectionString").asText()).isEqualTo(host);
        assertThat(lakehouse.at("/properties/sqlEndpointProperties/id").asText())
                .isEqualTo(harness.item("SQLEndpoint", "lh_bronze").toString());
        assertThat(warehouse.at("/properties/connectionString").asText()).isEqualTo(host);
    }

    @Test
    void connectionsAreTheOnesTheScenarioNames() {
        Scenario scenario = new ScenarioReader(FabricEmulator.routeKeys()).defaultScenario();
        harness = EmulatorHarness.start(temp, scenario);

        JsonNode connections = harness.get("/v1/connections").json().path("value");

        assertThat(connections.findValuesAsText("id")).contains("54cf8846-0740-47f3-94c9-de8f0b45a6d8",
                "a9e4385e-c4de-4500-816e-80d05250a087");
        assertThat(connections.get(0).at("/connectionDetails/type").asText()).isEqualTo("SQL");
    }

    @Test
    void withoutScenarioConnectionsAFewNamedOnesAreGenerated() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        JsonNode connections = harness.get("/v1/connections").json().path("value");

        assertThat(connections).hasSize(3);
        assertThat(connections.findValuesAsText("displayName")).allSatisfy(n -> assertThat(n).startsWith("DBB "));
    }

    private final ExecutorService handlers = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopExecutors() {
        handlers.shutdownNow();
        scheduler.shutdownNow();
    }
}
