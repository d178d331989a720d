package org.dbb.console.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.workspace.Workspace;

/** The sample workspace planned for the sandbox against the emulator's catalog. */
class SamplePlanTest {

    private static final double SCALE = 0.001;

    @TempDir
    static Path dir;
    private static Workspace repo;
    private static EmulatorFixture fixture;
    private static EnvironmentCatalog catalog;

    @BeforeAll
    static void start() {
        repo = EmulatorFixture.sample(dir);
        fixture = EmulatorFixture.builder(repo).start();
        catalog = EnvironmentCatalogs.fetch(fixture.fabric(), repo.settings().environment("sandbox").orElseThrow(),
                "DBB Sandbox");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void needsExpressions() {
        ExpressionsAvailable.assume();
    }

    private static RunPlan plan(RunRequest request) {
        return new PlanBuilder().build(repo, catalog, request, SCALE);
    }

    private static RunPlan plan() {
        return plan(RunRequest.launch("sandbox", "ops"));
    }

    private static RunRequest request(Map<String, JsonNode> parameters, boolean maintenance,
                                      Optional<List<String>> models, OptionalInt concurrency, RefreshMode mode) {
        return new RunRequest("sandbox", parameters, maintenance, models, concurrency, mode, "ops",
                Optional.empty());
    }

    private static PlannedStep step(RunPlan plan, String stage, String name) {
        return plan.stage(stage).orElseThrow().steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static String id(String type, String name) {
        return fixture.itemId(type, name);
    }

    @Test
    void sixStagesInRunOrderWithTheirSteps() {
        RunPlan plan = plan();

        assertThat(plan.stages()).extracting(PlannedStage::name).containsExactly("Initialisation", "Integration",
                "Transformation", "Monitoring", "Maintenance", "Semantic refresh");
        assertThat(plan.stages()).extracting(PlannedStage::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(plan.stage("Initialisation").orElseThrow().steps()).extracting(PlannedStep::name)
                .containsExactly("Lookup environment", "Lookup item ids", "Lookup connection ids",
                        "Set workspace id", "Set load date");
        assertThat(plan.stage("Monitoring").orElseThrow().steps()).extracting(PlannedStep::name)
                .containsExactly("Monitor load completeness", "Monitor threshold breaches");
        assertThat(plan.workspaceId()).isEqualTo(fixture.sandboxId());
        assertThat(plan.masterPipeline()).isEqualTo(new ItemRef("DataPipeline", "orchestration_pipeline_DBB",
                fixture.sandboxId(), id("DataPipeline", "orchestration_pipeline_DBB")));
        assertThat(plan.variables()).isEqualTo(Map.of("load_date", "String", "workspace_id", "String"));
    }

    @Test
    void lookupsAreAnsweredFromTheFabricApi() {
        RunPlan plan = plan();

        assertThat(step(plan, "Initialisation", "Lookup environment").action())
                .isEqualTo(new StepAction.Lookup(LookupSource.ENVIRONMENT, true));
        assertThat(step(plan, "Initialisation", "Lookup item ids").action())
                .isEqualTo(new StepAction.Lookup(LookupSource.ITEMS, false));
        assertThat(step(plan, "Initialisation", "Lookup connection ids").action())
                .isEqualTo(new StepAction.Lookup(LookupSource.CONNECTIONS, false));
        StepAction.SetVariable set = (StepAction.SetVariable) step(plan, "Initialisation", "Set workspace id")
                .action();
        assertThat(set.variable()).isEqualTo("workspace_id");
        assertThat(set.value().text()).isEqualTo("@activity('Lookup environment').output.firstRow.workspace_id");
    }

    @Test
    void childPipelinesAndNotebooksRunTheEmulatorsItems() {
        RunPlan plan = plan();

        PlannedStep integration = step(plan, "Integration", "Run integration pipeline");
        StepAction.FabricJob job = (StepAction.FabricJob) integration.action();
        assertThat(job.jobType()).isEqualTo("Pipeline");
        assertThat(job.item()).isEqualTo(new ItemRef("DataPipeline", "integration_pipeline_DBB",
                fixture.sandboxId(), id("DataPipeline", "integration_pipeline_DBB")));
        assertThat(job.parameters()).containsOnlyKeys("environment", "load_date", "parent_run_id", "connections");
        assertThat(integration.type()).isEqualTo("InvokePipeline");
        assertThat(integration.jsonPath()).isEqualTo("$.properties.activities[5]");
        assertThat(integration.dependsOn()).extracting(d -> d.activity()).containsExactly("Lookup item ids",
                "Lookup connection ids", "Set workspace id", "Set load date");

        StepAction.FabricJob notebook = (StepAction.FabricJob) step(plan, "Monitoring",
                "Monitor threshold breaches").action();
        assertThat(notebook.jobType()).isEqualTo("RunNotebook");
        assertThat(notebook.item().id()).isEqualTo(id("Notebook", "nb_monitor_threshold_breaches"));
        assertThat(notebook.parameterTypes()).containsEntry("row_drop_threshold_pct", "float")
                .containsEntry("run_id", "string");
    }

    @Test
    void retryPoliciesComeFromEachActivityScaledToTheClock() {
        RunPlan plan = plan();

        assertThat(step(plan, "Integration", "Run integration pipeline").retry())
                .isEqualTo(new RetrySpec(3, Duration.ofMillis(30), Duration.ofMillis(43_200)));
        assertThat(step(plan, "Transformation", "Run transformation pipeline").retry())
                .isEqualTo(new RetrySpec(2, Duration.ofMillis(120), Duration.ofMillis(43_200)));
        assertThat(step(plan, "Initialisation", "Lookup environment").retry())
                .isEqualTo(new RetrySpec(1, Duration.ofMillis(30), Duration.ofMillis(600)));
        assertThat(step(plan, "Initialisation", "Set load date").retry().retries()).isZero();
    }

    @Test
    void maintenanceIsAConditionWithItsNotebooksInTheTrueBranch() {
        PlannedStep maintenance = step(plan(), "Maintenance", "Run maintenance if requested");
        StepAction.Condition condition = (StepAction.Condition) maintenance.action();

        assertThat(condition.expression().text()).isEqualTo("@equals(pipeline().parameters.run_maintenance, true)");
        assertThat(condition.ifFalse()).isEmpty();
        assertThat(condition.ifTrue()).extracting(PlannedStep::name).containsExactly("Clean up retained files",
                "Optimise tables");
        assertThat(((StepAction.FabricJob) condition.ifTrue().get(1).action()).item().id())
                .isEqualTo(id("Notebook", "nb_maintenance_optimise"));
        assertThat(condition.ifTrue().get(1).jsonPath())
                .isEqualTo("$.properties.activities[9].typeProperties.ifTrueActivities[1]");
        assertThat(maintenance.retry().retries()).isZero();
    }

    @Test
    void semanticRefreshListsTheSandboxModelsWithScaledTargets() {
        PlannedStep refresh = step(plan(), "Semantic refresh", "Refresh semantic models");
        StepAction.SemanticRefresh action = (StepAction.SemanticRefresh) refresh.action();

        assertThat(action.models()).extracting(ModelTarget::name).containsExactly("Sales", "Finance", "Inventory",
                "Customer360", "Operations", "HR");
        assertThat(action.models()).allSatisfy(m -> {
            assertThat(m.groupId()).isEqualTo(fixture.sandboxId());
            assertThat(m.datasetId()).isEqualTo(id("SemanticModel", m.name()));
        });
        assertThat(model(action, "Finance").target()).isEqualTo(Duration.ofMillis(900));
        assertThat(model(action, "Sales").target()).isEqualTo(Duration.ofMillis(1_200));
        assertThat(model(action, "Customer360").target()).isEqualTo(Duration.ofMillis(1_800));
        assertThat(model(action, "Operations").tables()).containsExactly("fct_pipeline_runs");
        // the sandbox's refresh_concurrency, set to 2 by parameter.yml, caps the conductor
        assertThat(action.cap()).isEqualTo(2);
        assertThat(action.perModel()).isEqualTo(new RetrySpec(0, Duration.ofMillis(30), Duration.ofMillis(7_200)));
    }

    private static ModelTarget model(StepAction.SemanticRefresh action, String name) {
        return action.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void requestedConcurrencyCapsTheRefreshAndReachesThePipelineParameter() {
        RunPlan plan = plan(request(Map.of(), false, Optional.empty(), OptionalInt.of(3), RefreshMode.POWER_BI_API));

        StepAction.SemanticRefresh action = (StepAction.SemanticRefresh) step(plan, "Semantic refresh",
                "Refresh semantic models").action();
        assertThat(action.cap()).isEqualTo(3);
        assertThat(plan.parameters().get("refresh_concurrency").asInt()).isEqualTo(3);
    }

    @Test
    void requestedModelsFilterTheRefreshParameterKeepingTheirTargets() {
        RunPlan plan = plan(request(Map.of(), false, Optional.of(List.of("HR", "Finance")), OptionalInt.empty(),
                RefreshMode.POWER_BI_API));

        StepAction.SemanticRefresh action = (StepAction.SemanticRefresh) step(plan, "Semantic refresh",
                "Refresh semantic models").action();
        assertThat(action.models()).extracting(ModelTarget::name).containsExactly("Finance", "HR");
        assertThat(model(action, "Finance").target()).isEqualTo(Duration.ofMillis(900));
        assertThat(plan.parameters().get("semantic_models").toString())
                .isEqualTo("[{\"name\":\"Finance\",\"targetMinutes\":15},\"HR\"]");
    }

    @Test
    void fabricPipelineModeRunsTheRefreshPipelineAsAJob() {
        RunPlan plan = plan(request(Map.of(), false, Optional.empty(), OptionalInt.empty(),
                RefreshMode.FABRIC_PIPELINE));

        StepAction.FabricJob job = (StepAction.FabricJob) step(plan, "Semantic refresh", "Refresh semantic models")
                .action();
        assertThat(job.item().id()).isEqualTo(id("DataPipeline", "refresh_semantic_models"));
        assertThat(job.parameters()).containsKeys("semantic_models", "refresh_concurrency");
    }

    @Test
    void maintenanceRequestSetsTheFlag() {
        assertThat(plan().parameters().get("run_maintenance")).isEqualTo(BooleanNode.FALSE);

        RunPlan plan = plan(request(Map.of(), true, Optional.empty(), OptionalInt.empty(), RefreshMode.POWER_BI_API));

        assertThat(plan.parameters().get("run_maintenance")).isEqualTo(BooleanNode.TRUE);
    }

    @Test
    void environmentParameterDefaultsToTheEnvironmentNameWithAWarning() {
        RunPlan plan = plan();

        assertThat(plan.parameters().get("environment")).isEqualTo(TextNode.valueOf("sandbox"));
        assertThat(plan.warnings()).contains("parameter environment is set to 'sandbox', the name of the"
                + " environment, because the launch did not set it");
    }

    @Test
    void launchValuesAreConvertedToTheDeclaredTypes() {
        RunPlan plan = plan(request(Map.of("retention_days", TextNode.valueOf("7"), "full_refresh",
                TextNode.valueOf("TRUE"), "environment", TextNode.valueOf("sandbox")), false, Optional.empty(),
                OptionalInt.empty(), RefreshMode.POWER_BI_API));

        assertThat(plan.parameters().get("retention_days").isInt()).isTrue();
        assertThat(plan.parameters().get("retention_days").asInt()).isEqualTo(7);
        assertThat(plan.parameters().get("full_refresh")).isEqualTo(BooleanNode.TRUE);
        assertThat(plan.warnings()).noneMatch(w -> w.startsWith("parameter environment"));
    }

    @Test
    void theParameterFileIsAppliedForTheEnvironment() {
        // parameter.yml gives the sandbox refresh_concurrency 2 where the file says 1
        assertThat(plan().parameters().get("refresh_concurrency").asInt()).isEqualTo(2);
    }

    @Test
    void aCatalogOfAnotherEnvironmentIsRefused() {
        assertThatThrownBy(() -> plan(new RunRequest("DEV", Map.of(), false, Optional.empty(), OptionalInt.empty(),
                RefreshMode.POWER_BI_API, "ops", Optional.empty())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("the run is for environment DEV but the workspace was looked up for sandbox");
    }

    @Test
    void printsTheDryRun() {
        String text = new PlanPrinter().print(plan());

        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(text).startsWith("Run plan \u00b7 environment sandbox \u00b7 workspace DBB Sandbox ("
                + fixture.sandboxId() + ")\n");
        assertThat(text).contains("Stage 1 \u00b7 Initialisation", "Stage 6 \u00b7 Semantic refresh");
        assertThat(text).contains("    runs      Pipeline job \u00b7 integration_pipeline_DBB ("
                + id("DataPipeline", "integration_pipeline_DBB") + ")");
        assertThat(text).contains("    retry     3 retries \u00b7 up to 4 attempts \u00b7 30 ms apart"
                + " \u00b7 timeout 43.2 seconds");
        assertThat(text).contains("    if true:\n      Clean up retained files  [TridentNotebook]\n");
        assertThat(text).contains("    refreshes 6 models \u00b7 at most 2 at once");
        assertThat(text).contains("      Finance      target 900 ms \u00b7 dataset " + id("SemanticModel", "Finance"));
        assertThat(text).contains("  semantic_models         [\"Sales\", {\"name\": \"Finance\", \"targetMinutes\": 15}");
        assertThat(text).contains("Monitoring rules (checked when the run ends)\n  1 \u00b7 incomplete-load \u00b7"
                + " Integration: Copy ERP sales orders, Copy ERP ledger entries, Copy ERP stock\n    levels, Copy CRM"
                + " customers, Copy HR extract each succeed\n",
                "  2 \u00b7 rows-below-minimum \u00b7 Integration: Copy ERP sales orders copies at least 1000 rows\n",
                "  3 \u00b7 duration-over-target \u00b7 stage Transformation takes at most 3.6 seconds\n");
        assertThat(new PlanPrinter().print(plan())).isEqualTo(text);
    }
}
