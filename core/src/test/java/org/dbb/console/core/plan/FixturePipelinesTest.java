package org.dbb.console.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.Workspace;

/**
 * Real pipelines from public repositories used as the master pipeline of a one-pipeline repository: each either
 * plans or reports its problems, never fails another way.
 */
class FixturePipelinesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void needsExpressions() {
        ExpressionsAvailable.assume();
    }

    @Test
    void theFabricCicdSamplePlansItsNotebookByLogicalId() {
        Path fixture = SharedFixtures.require("pipelines/01_fabric-cicd_RunHelloWorld.DataPipeline");
        Path repo = repository("Run Hello World", fixture.resolve("pipeline-content.json"));
        item(repo, "Hello World.Notebook", TextFile.read(fixture.resolve("referenced_HelloWorld.Notebook.platform"))
                .text());
        Workspace workspace = SampleEdits.reopen(repo);
        EnvironmentCatalog catalog = everythingDeployed(workspace);

        RunPlan plan = new PlanBuilder().build(workspace, catalog, RunRequest.launch("sandbox", "ops"), 1.0);

        assertThat(plan.stages()).extracting(PlannedStage::name).containsExactly("Run Hello World");
        StepAction.FabricJob job = (StepAction.FabricJob) plan.stages().get(0).steps().get(0).action();
        assertThat(job.jobType()).isEqualTo("RunNotebook");
        assertThat(job.item().id()).isEqualTo(catalog.item("Notebook", "Hello World").orElseThrow().id());
        assertThat(plan.stages().get(0).steps().get(0).retry().retries()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"02_fabric-toolbox_LoadFCA_E2E.DataPipeline",
            "03_fabric-toolbox_Load_FUAM_Data_E2E.DataPipeline",
            "04_fabric-toolbox_Load_Capacity_Refreshables_E2E.DataPipeline"})
    void exportedPipelinesPlanOrReportProblems(String folder) {
        Path content = SharedFixtures.require("pipelines/" + folder).resolve("pipeline-content.json");
        Path repo = repository(folder.substring(3, folder.indexOf('.')), content);

        List<Problem> problems = planOrProblems(repo);

        // Exported from a live workspace, they reference items by ids of their author's tenant.
        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).isNotBlank();
        });
        assertThat(problems).anyMatch(p -> p.jsonPath().isPresent() && p.line() > 0);
    }

    @Test
    void theCapacityRefreshablesLoopReportsItsCopyAndRestLookup() {
        Path content = SharedFixtures.require("pipelines/04_fabric-toolbox_Load_Capacity_Refreshables_E2E.DataPipeline")
                .resolve("pipeline-content.json");

        List<Problem> problems = planOrProblems(repository("Load_Capacity_Refreshables_E2E", content));

        assertThat(problems).extracting(Problem::message)
                .anyMatch(m -> m.startsWith("activity 'Delete files' is of type Delete"))
                .anyMatch(m -> m.startsWith("activity 'Copy files' is of type Copy"))
                .anyMatch(m -> m.startsWith("Lookup 'Fetch count' queries "));
    }

    @Test
    void theLoadFcaPipelineLeavesItsInactivePipelinesOutAndNamesTheForeignWorkspace() {
        Path content = SharedFixtures.require("pipelines/02_fabric-toolbox_LoadFCA_E2E.DataPipeline")
                .resolve("pipeline-content.json");

        List<Problem> problems = planOrProblems(repository("Load FCA E2E", content));

        assertThat(problems).extracting(Problem::message).noneMatch(m -> m.contains("'Load Quotas'"))
                .anyMatch(m -> m.startsWith("activity 'Focus Data' runs an item of workspace"
                        + " 57bceddc-a995-44a7-bfb5-1d5f11ad1e98; the console runs only items of workspace"
                        + " 'Fixtures'"));
    }

    @Test
    void theUpgradeTestDataPlansItsWaitAndReportsTheUnsetPipelineId() throws IOException {
        Path testData = SharedFixtures.require("pipelines/05_FabricPipelineUpgrade_ConvertPipelineWithExecutePipeline"
                + ".testdata.json");
        JsonNode resources = new ObjectMapper().readTree(TextFile.read(testData).text())
                .path("expectedResponse").path("result").path("exportableFabricResources");
        Path wait = write(dir.resolve("wait.json"), resources.get(0).path("export").toString());
        Path master = write(dir.resolve("master.json"), resources.get(1).path("export").toString());
        Path repo = repository("ExecutePipelinePipeline", master);
        item(repo, "WaitPipeline.DataPipeline", platform("DataPipeline", "WaitPipeline"));
        write(repo.resolve("fabric/WaitPipeline.DataPipeline/pipeline-content.json"), TextFile.read(wait).text());

        List<Problem> problems = planOrProblems(repo);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.jsonPath()).contains("$.properties.activities[1].typeProperties.pipelineId");
            assertThat(p.message()).contains("pipeline 00000000-0000-0000-0000-000000000000 is neither an item");
        });
    }

    private List<Problem> planOrProblems(Path repo) {
        Workspace workspace = SampleEdits.reopen(repo);
        try {
            new PlanBuilder().build(workspace, everythingDeployed(workspace), RunRequest.launch("sandbox", "ops"),
                    1.0);
            return List.of();
        } catch (PlanException e) {
            return e.problems();
        }
    }

    /** A repository whose only pipeline (the master) has the content of {@code content}. */
    private Path repository(String name, Path content) {
        Path repo = dir.resolve("repo");
        write(repo.resolve("dbb-console.yml"), "version: 1\nrepositoryDirectory: fabric\nmasterPipeline: " + name
                + "\nenvironments:\n  sandbox:\n    emulator: true\n    workspace: Fixtures\n");
        item(repo, name + ".DataPipeline", platform("DataPipeline", name));
        write(repo.resolve("fabric/" + name + ".DataPipeline/pipeline-content.json"), TextFile.read(content).text());
        return repo;
    }

    private static void item(Path repo, String folder, String platform) {
        write(repo.resolve("fabric").resolve(folder).resolve(".platform"), platform);
    }

    private static String platform(String type, String name) {
        return "{\"metadata\": {\"type\": \"" + type + "\", \"displayName\": \"" + name + "\"}, \"config\":"
                + " {\"version\": \"2.0\", \"logicalId\": \"" + UUID.nameUUIDFromBytes(name.getBytes(
                StandardCharsets.UTF_8)) + "\"}}";
    }

    /** A catalog in which every repository item is deployed under an id of its own. */
    private static EnvironmentCatalog everythingDeployed(Workspace workspace) {
        return new EnvironmentCatalog("sandbox", "11111111-2222-3333-4444-555555555555", "Fixtures",
                Optional.empty(), workspace.items().items().stream()
                .map(i -> new EnvironmentCatalog.CatalogItem(i.type(), i.displayName(),
                        UUID.nameUUIDFromBytes(("deployed " + i.displayName()).getBytes(StandardCharsets.UTF_8))
                                .toString()))
                .toList(), List.of());
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
