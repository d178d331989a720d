package org.dbb.console.core.workspace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.json.JsonDocument;

class DependencyOrderTest {

    private static final Path FILE = Path.of("pipeline-content.json");

    private static Pipeline pipeline(String activities) {
        return new PipelineReader().read(JsonDocument.parse(FILE,
                "{\"properties\": {\"activities\": [" + activities + "]}}"), "p");
    }

    private static String wait(String name, String... upstream) {
        StringBuilder deps = new StringBuilder();
        for (String u : upstream) {
            deps.append(deps.length() == 0 ? "" : ",")
                    .append("{\"activity\": \"").append(u).append("\", \"dependencyConditions\": [\"Succeeded\"]}");
        }
        return "{\"name\": \"" + name + "\", \"type\": \"Wait\", \"dependsOn\": [" + deps
                + "], \"typeProperties\": {\"waitTimeInSeconds\": 1}}\n";
    }

    @Test
    void independentActivitiesKeepFileOrderAndDependentsFollowTheirUpstream() {
        DependencyOrder order = pipeline(String.join(",", wait("C", "B"), wait("A"), wait("B", "A"), wait("D")))
                .topLevelInDependencyOrder();

        assertThat(order.isComplete()).isTrue();
        assertThat(order.activities()).extracting(Activity::name).containsExactly("A", "B", "C", "D");
    }

    @Test
    void aDependencyOnAnUnknownActivityIsReportedWithItsJsonPath() {
        DependencyOrder order = pipeline(String.join(",", wait("A"), wait("B", "Typo"))).topLevelInDependencyOrder();

        assertThat(order.activities()).extracting(Activity::name).containsExactly("A", "B");
        Problem problem = order.problems().get(0);
        assertThat(problem.jsonPath()).contains("$.properties.activities[1].dependsOn[0].activity");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("activity \"B\" depends on \"Typo\", which is not an activity");
    }

    @Test
    void aCycleIsReportedForEachActivityInOrBehindIt() {
        DependencyOrder order = pipeline(String.join(",", wait("A"), wait("B", "C"), wait("C", "B"), wait("D", "C")))
                .topLevelInDependencyOrder();

        assertThat(order.isComplete()).isFalse();
        assertThat(order.activities()).extracting(Activity::name).containsExactly("A", "B", "C", "D");
        assertThat(order.problems()).extracting(p -> p.jsonPath().orElseThrow()).containsExactly(
                "$.properties.activities[1]", "$.properties.activities[2]", "$.properties.activities[3]");
        assertThat(order.problems().get(0).message())
                .contains("\"B\" is part of a dependency cycle (\"B\" waits for \"C\" waits for \"B\")");
        assertThat(order.problems().get(2).message()).contains("\"D\" can never start");
    }

    @Test
    void anActivityThatWaitsForItselfIsACycle() {
        DependencyOrder order = pipeline(wait("A", "A")).topLevelInDependencyOrder();

        assertThat(order.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"A\" waits for \"A\""));
    }

    @Test
    void repeatedNamesAreReported() {
        DependencyOrder order = pipeline(String.join(",", wait("A"), wait("A"))).topLevelInDependencyOrder();

        assertThat(order.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("same name as the one at $.properties.activities[0]"));
    }
}
