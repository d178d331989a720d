package org.dbb.console.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;

/** What the console cannot run is reported as plan problems naming the file, position and JSON path. */
class PlanProblemsTest {

    @TempDir
    static Path shared;
    private static EmulatorFixture fixture;
    private static EnvironmentCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Workspace repo = EmulatorFixture.sample(shared);
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

    private List<Problem> problems(Workspace repo, EnvironmentCatalog environment, RunRequest request) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> new PlanBuilder().build(repo, environment, request, 1.0));
        assertThat(thrown).isInstanceOf(PlanException.class);
        return ((PlanException) thrown).problems();
    }

    private List<Problem> problems(Consumer<ObjectNode> edit) {
        return problems(SampleEdits.withMaster(dir, edit), catalog, RunRequest.launch("sandbox", "ops"));
    }

    private List<Problem> problems(RunRequest request) {
        return problems(EmulatorFixture.sample(dir), catalog, request);
    }

    private Path master() {
        return dir.resolve("dbb").resolve(SampleEdits.MASTER);
    }

    private static Problem at(List<Problem> problems, String jsonPath) {
        return problems.stream().filter(p -> p.jsonPath().equals(Optional.of(jsonPath))).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + jsonPath + " in " + problems));
    }

    /** The line of the file a problem points at. */
    private static String lineOf(Problem problem) throws IOException {
        return Files.readAllLines(problem.file()).get(problem.line() - 1);
    }

    private static RunRequest request(Map<String, JsonNode> parameters, Optional<List<String>> models) {
        return new RunRequest("sandbox", parameters, false, models, OptionalInt.empty(), RefreshMode.POWER_BI_API,
                "ops", Optional.empty());
    }

    @Test
    void anUnsupportedTopLevelTypeNamesTheActivityAndWhatToDo() throws IOException {
        List<Problem> problems = problems(root -> SampleEdits.activity(root, "Set load date").put("type", "Script"));

        Problem problem = at(problems, "$.properties.activities[4]");
        assertThat(problem.message()).isEqualTo("activity 'Set load date' is of type Script, which the console"
                + " cannot run itself; move it into a child pipeline and run that pipeline with an Invoke Pipeline"
                + " activity");
        assertThat(problem.file()).isEqualTo(master());
        assertThat(lineOf(problem)).contains("{");
        assertThat(problem.isError()).isTrue();
    }

    @Test
    void anUnsupportedFunctionNamesTheExpressionAndWhereItIsWritten() throws IOException {
        List<Problem> problems = problems(root -> SampleEdits.activity(root, "Set load date")
                .with("typeProperties").set("value", SampleEdits.expression("@base64('x')")));

        Problem problem = at(problems, "$.properties.activities[4].typeProperties.value.value");
        assertThat(problem.message()).startsWith("activity 'Set load date': the expression @base64('x') cannot be"
                + " read at offset ");
        assertThat(problem.message()).contains("base64");
        assertThat(problem.file()).isEqualTo(master());
        assertThat(lineOf(problem)).contains("@base64('x')");
    }

    @Test
    void anUnknownLaunchParameterListsTheDeclaredOnes() {
        List<Problem> problems = problems(request(Map.of("nope", TextNode.valueOf("x")), Optional.empty()));

        Problem problem = at(problems, "$.properties.parameters");
        assertThat(problem.message()).isEqualTo("the launch sets parameter 'nope', which orchestration_pipeline_DBB"
                + " does not declare; declared parameters: environment, load_date, run_maintenance, full_refresh,"
                + " semantic_models, refresh_concurrency, row_drop_threshold_pct, retention_days");
        assertThat(problem.file()).isEqualTo(master());
        assertThat(problem.line()).isPositive();
    }

    @Test
    void aLaunchValueOfTheWrongTypeNamesTheExpectedType() throws IOException {
        List<Problem> problems = problems(request(Map.of("retention_days", TextNode.valueOf("seven")),
                Optional.empty()));

        Problem problem = at(problems, "$.properties.parameters.retention_days");
        assertThat(problem.message()).isEqualTo("parameter 'retention_days' is declared int, so the launch value"
                + " must be an int (a whole number); \"seven\" is not one");
        assertThat(lineOf(problem)).contains("\"retention_days\"");
    }

    @Test
    void anUnknownModelListsTheAvailableOnes() {
        List<Problem> problems = problems(request(Map.of(), Optional.of(List.of("Sales", "Marketing"))));

        Problem problem = at(problems, "$.properties.parameters.semantic_models");
        assertThat(problem.message()).isEqualTo("the launch asks to refresh model 'Marketing', which this"
                + " environment does not refresh; available models: Sales, Finance, Inventory, Customer360,"
                + " Operations, HR");
    }

    @Test
    void anItemMissingFromTheWorkspaceIsNamedWithItsLogicalId() throws IOException {
        EnvironmentCatalog without = withoutItem("Notebook", "nb_monitor_load_completeness");

        List<Problem> problems = problems(EmulatorFixture.sample(dir), without, RunRequest.launch("sandbox", "ops"));

        Problem problem = at(problems, "$.properties.activities[7].typeProperties.notebookId");
        assertThat(problem.message()).isEqualTo("activity 'Monitor load completeness': notebook"
                + " nb_monitor_load_completeness (logicalId 9cf9aabb-856e-47c6-84c6-3c96ca4f254c) is not deployed"
                + " in workspace 'DBB Sandbox'; deploy it before running");
        assertThat(lineOf(problem)).contains("9cf9aabb-856e-47c6-84c6-3c96ca4f254c");
    }

    @Test
    void aModelMissingFromTheWorkspaceIsAProblem() {
        EnvironmentCatalog without = withoutItem("SemanticModel", "HR");

        List<Problem> problems = problems(EmulatorFixture.sample(dir), without, RunRequest.launch("sandbox", "ops"));

        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.startsWith("semantic model 'HR' is not"
                + " deployed in workspace 'DBB Sandbox'"));
    }

    private static EnvironmentCatalog withoutItem(String type, String name) {
        return new EnvironmentCatalog(catalog.environment(), catalog.workspaceId(), catalog.workspaceName(),
                catalog.capacityId(), catalog.items().stream()
                .filter(i -> !(i.type().equals(type) && i.displayName().equals(name))).toList(),
                catalog.connections());
    }

    @Test
    void aLookupOfAnotherTableIsAProblem() {
        List<Problem> problems = problems(root -> ((ObjectNode) SampleEdits.activity(root, "Lookup connection ids")
                .path("typeProperties").path("source"))
                .set("sqlReaderQuery", SampleEdits.expression("SELECT * FROM meta.monitoring_integration")));

        Problem problem = at(problems, "$.properties.activities[2].typeProperties.source");
        assertThat(problem.message()).startsWith("Lookup 'Lookup connection ids' queries meta.monitoring_integration;"
                + " the console answers only environment_config, fabric_items and fabric_connections lookups from"
                + " the Fabric API");
    }

    @Test
    void anActivityOutputReadBeforeThatActivityHasRunIsAProblem() {
        List<Problem> problems = problems(root -> SampleEdits.activity(root, "Set load date")
                .with("typeProperties").set("value",
                        SampleEdits.expression("@string(activity('Lookup item ids').output.count)")));

        Problem problem = at(problems, "$.properties.activities[4].typeProperties.value.value");
        assertThat(problem.message()).isEqualTo("activity 'Set load date':"
                + " @string(activity('Lookup item ids').output.count) reads the output of activity 'Lookup item ids',"
                + " which 'Set load date' does not depend on (directly or through other activities), so it may not"
                + " have run yet; add 'Lookup item ids' to the dependsOn of 'Set load date' or of an activity it"
                + " depends on");
    }

    @Test
    void anUndeclaredParameterInAnExpressionIsAProblem() {
        List<Problem> problems = problems(root -> SampleEdits.activity(root, "Set load date")
                .with("typeProperties").set("value", SampleEdits.expression("@pipeline().parameters.run_date")));

        assertThat(at(problems, "$.properties.activities[4].typeProperties.value.value").message())
                .contains("reads parameter 'run_date', which orchestration_pipeline_DBB does not declare");
    }

    @Test
    void everyProblemIsReportedTogether() {
        Workspace repo = SampleEdits.withMaster(dir, root -> {
            SampleEdits.activity(root, "Set load date").put("type", "WebActivity");
            SampleEdits.activity(root, "Run maintenance if requested").with("typeProperties")
                    .set("expression", SampleEdits.expression("@equals(pipeline().parameters.maintain, true)"));
        });

        List<Problem> problems = problems(repo, withoutItem("DataPipeline", "transformation_pipeline_DBB"),
                request(Map.of("retention_days", TextNode.valueOf("1.5")), Optional.empty()));

        assertThat(problems).extracting(p -> p.jsonPath().orElse("")).contains(
                "$.properties.activities[4]",
                "$.properties.activities[9].typeProperties.expression.value",
                "$.properties.activities[6].typeProperties.pipelineId",
                "$.properties.parameters.retention_days");
        assertThat(problems).allMatch(Problem::isError);
    }

    @Test
    void aWorkspaceOfAnotherEnvironmentIsNotPlannedAgainst() {
        assertThatThrownBy(() -> new PlanBuilder().build(EmulatorFixture.sample(dir), catalog,
                RunRequest.launch("PROD", "ops"), 1.0))
                .isInstanceOf(PlanException.class);
    }
}
