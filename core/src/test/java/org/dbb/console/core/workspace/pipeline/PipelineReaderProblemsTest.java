package org.dbb.console.core.workspace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.json.JsonDocument;

class PipelineReaderProblemsTest {

    private static final Path FILE = Path.of("fabric/p.DataPipeline/pipeline-content.json");

    private final PipelineReader reader = new PipelineReader();

    private Pipeline read(String json) {
        return reader.read(JsonDocument.parse(FILE, json), "p");
    }

    private InvalidInputException refused(String json) {
        return catchThrowableOfType(InvalidInputException.class, () -> read(json));
    }

    @Test
    void aRetryWrittenAsWordsIsReportedAtItsJsonPathLineAndColumn() {
        InvalidInputException thrown = refused("""
                {"properties": {"activities": [
                  {"name": "Load", "type": "Wait", "typeProperties": {"waitTimeInSeconds": 1},
                   "policy": {"retry": "three"}}
                ]}}""");

        Problem problem = thrown.problems().get(0);
        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.jsonPath()).contains("$.properties.activities[0].policy.retry");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(24);
        assertThat(problem.message()).contains("activity \"Load\"").contains("\"three\"")
                .contains("whole number without quotes");
    }

    @Test
    void activitiesThatAreNotAnArrayAreReported() {
        InvalidInputException thrown = refused("{\"properties\": {\"activities\": {\"name\": \"x\"}}}");

        assertThat(thrown.problems()).hasSize(1);
        assertThat(thrown.problems().get(0).jsonPath()).contains("$.properties.activities");
        assertThat(thrown.problems().get(0).message()).contains("must be an array");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        InvalidInputException thrown = refused("""
                {"properties": {"activities": [
                  {"type": "Wait", "typeProperties": {"waitTimeInSeconds": 1}},
                  {"name": "B", "type": "Wait", "typeProperties": {"waitTimeInSeconds": 1},
                   "dependsOn": [{"activity": "A", "dependencyConditions": ["Succeded"]}],
                   "policy": {"timeout": "1:2", "retryIntervalInSeconds": 2.5, "secureInput": "no"},
                   "state": "Paused"},
                  {"name": "C", "type": "ForEach", "typeProperties": {"isSequential": "yes", "activities": [5]}}
                ]}}""");

        assertThat(thrown.problems()).extracting(p -> p.jsonPath().orElseThrow()).containsExactlyInAnyOrder(
                "$.properties.activities[0]",
                "$.properties.activities[1].dependsOn[0].dependencyConditions[0]",
                "$.properties.activities[1].policy.timeout",
                "$.properties.activities[1].policy.retryIntervalInSeconds",
                "$.properties.activities[1].policy.secureInput",
                "$.properties.activities[1].state",
                "$.properties.activities[2].typeProperties",
                "$.properties.activities[2].typeProperties.isSequential",
                "$.properties.activities[2].typeProperties.activities[0]");
        assertThat(thrown.problems().get(0).message()).contains("has no \"name\"");
        assertThat(thrown.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("\"Succeded\" is not a dependency condition; use Succeeded, Failed, Skipped or Completed"));
        assertThat(thrown.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("\"1:2\" is not in the form D.HH:MM:SS"));
        assertThat(thrown.problems()).anySatisfy(p -> assertThat(p.message())
                .isEqualTo("activity \"C\" has no \"items\" (expected at $.properties.activities[2].typeProperties.items);"
                        + " add it, or re-export the pipeline from Fabric"));
    }

    @Test
    void aFileWithoutPropertiesIsNotAPipeline() {
        assertThat(refused("{\"name\": \"x\"}").problems().get(0).message())
                .startsWith("the pipeline has no \"properties\"");
        assertThat(refused("[1]").problems().get(0).message()).contains("must be a JSON object");
    }

    @Test
    void malformedJsonInAFileIsReportedWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pipeline-content.json");
        Files.writeString(file, "{\n  \"properties\": {\n    \"activities\": [,]\n  }\n}\n");

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class, () -> reader.read(file, "p"));

        Problem problem = thrown.problems().get(0);
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(20);
        assertThat(problem.message()).contains("not valid JSON");
    }

    @Test
    void unknownTypesAndUnknownMembersAreKeptAsWritten() {
        Pipeline pipeline = read("""
                {"properties": {"activities": [
                  {"name": "Call", "type": "WebActivity", "futureField": {"x": 1},
                   "typeProperties": {"url": "https://example.org", "method": "GET"}}
                ], "annotations": ["a"], "concurrency": 2}}""");

        Activity call = pipeline.activities().get(0);
        assertThat(call.kind()).isEqualTo(ActivityKind.OTHER);
        assertThat(call.details()).isEqualTo(new GenericDetails("WebActivity"));
        assertThat(call.typeProperties().path("method").asText()).isEqualTo("GET");
        assertThat(call.json().path("futureField").path("x").asInt()).isEqualTo(1);
        assertThat(call.state()).isEqualTo(ActivityState.ACTIVE);
    }

    @Test
    void switchAndUntilContainersExposeTheirBranches() {
        Pipeline pipeline = read("""
                {"properties": {"activities": [
                  {"name": "Pick", "type": "Switch", "typeProperties": {
                     "on": {"value": "@pipeline().parameters.mode", "type": "Expression"},
                     "cases": [{"value": "full", "activities": [
                        {"name": "Full", "type": "Wait", "typeProperties": {"waitTimeInSeconds": 1}}]}],
                     "defaultActivities": [
                        {"name": "Delta", "type": "Wait", "typeProperties": {"waitTimeInSeconds": 2}}]}},
                  {"name": "Poll", "type": "Until", "typeProperties": {
                     "expression": {"value": "@variables('done')", "type": "Expression"},
                     "timeout": "0.01:30:00",
                     "activities": [{"name": "Check", "type": "Wait", "typeProperties": {"waitTimeInSeconds": 5}}]}}
                ]}}""");

        SwitchDetails pick = pipeline.activities().get(0).details(SwitchDetails.class).orElseThrow();
        assertThat(pick.on()).isEqualTo(new DynamicValue.Expression("@pipeline().parameters.mode"));
        assertThat(pick.cases()).extracting(SwitchCase::value).containsExactly("full");
        assertThat(pick.childActivities()).extracting(Activity::name).containsExactly("Full", "Delta");
        assertThat(pick.cases().get(0).activities().get(0).jsonPath())
                .hasToString("$.properties.activities[0].typeProperties.cases[0].activities[0]");
        UntilDetails poll = pipeline.activities().get(1).details(UntilDetails.class).orElseThrow();
        assertThat(poll.timeoutDuration()).contains(Duration.ofMinutes(90));
        assertThat(pipeline.allActivities()).extracting(n -> n.activity().name())
                .containsExactly("Pick", "Full", "Delta", "Poll", "Check");
        assertThat(pipeline.findByName("Check")).hasSize(1);
    }

    @Test
    void aForEachWithoutSequentialUsesItsBatchCountOrFabricsDefault() {
        Pipeline pipeline = read("""
                {"properties": {"activities": [
                  {"name": "A", "type": "ForEach", "typeProperties": {"items": "@range(0,3)", "batchCount": 4}},
                  {"name": "B", "type": "ForEach", "typeProperties": {"items": "@range(0,3)"}}
                ]}}""");

        assertThat(pipeline.activities().get(0).details(ForEachDetails.class).orElseThrow().concurrencyCap())
                .isEqualTo(4);
        assertThat(pipeline.activities().get(1).details(ForEachDetails.class).orElseThrow().concurrencyCap())
                .isEqualTo(ForEachDetails.FABRIC_DEFAULT_BATCH_COUNT);
    }
}
