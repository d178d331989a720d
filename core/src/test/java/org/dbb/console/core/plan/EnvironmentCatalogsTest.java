package org.dbb.console.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

class EnvironmentCatalogsTest {

    @TempDir
    static Path dir;
    private static Workspace repo;
    private static EmulatorFixture fixture;

    @BeforeAll
    static void start() {
        repo = EmulatorFixture.sample(dir);
        fixture = EmulatorFixture.builder(repo).start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static EnvironmentSettings sandbox() {
        return repo.settings().environment("sandbox").orElseThrow();
    }

    @Test
    void findsTheWorkspaceByNameAndListsItsItemsAndConnections() {
        EnvironmentCatalog catalog = EnvironmentCatalogs.fetch(fixture.fabric(), sandbox(), "DBB Sandbox");

        assertThat(catalog.environment()).isEqualTo("sandbox");
        assertThat(catalog.workspaceId()).isEqualTo(fixture.sandboxId());
        assertThat(catalog.workspaceName()).isEqualTo("DBB Sandbox");
        assertThat(catalog.item("DataPipeline", "orchestration_pipeline_DBB").orElseThrow().id())
                .isEqualTo(fixture.itemId("DataPipeline", "orchestration_pipeline_DBB"));
        assertThat(catalog.itemsOfType("SemanticModel")).extracting(EnvironmentCatalog.CatalogItem::displayName)
                .containsExactlyInAnyOrder("Sales", "Finance", "Inventory", "Customer360", "Operations", "HR");
        assertThat(catalog.connections()).extracting(EnvironmentCatalog.CatalogConnection::name)
                .contains("DBB Power BI semantic models");
    }

    @Test
    void findsTheWorkspaceByIdIgnoringCase() {
        EnvironmentCatalog catalog = EnvironmentCatalogs.fetch(fixture.fabric(), sandbox(),
                fixture.sandboxId().toUpperCase(java.util.Locale.ROOT));

        assertThat(catalog.workspaceName()).isEqualTo("DBB Sandbox");
        assertThat(catalog.itemById(fixture.itemId("Notebook", "nb_silver_conform"))).isPresent();
    }

    @Test
    void anUnknownWorkspaceNamesWhatTheAccountSees() {
        assertThatThrownBy(() -> EnvironmentCatalogs.fetch(fixture.fabric(), sandbox(), "DBB-NOPE"))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    Problem problem = e.problems().get(0);
                    assertThat(problem.message()).startsWith("workspace 'DBB-NOPE' of environment sandbox was not"
                            + " found; the signed-in account sees: ").contains("'DBB Sandbox'");
                    assertThat(problem.file()).hasToString("dbb-console.yml");
                });
    }
}
