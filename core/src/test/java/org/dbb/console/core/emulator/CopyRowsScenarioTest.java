package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.CopyRows;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/** What Copy activities report in their output: the usual counts, or what a scenario says a copy moves. */
class CopyRowsScenarioTest {

    @TempDir
    Path temp;

    private EmulatorHarness harness;
    private final ScenarioReader reader = new ScenarioReader(FabricEmulator.routeKeys());

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static JsonNode output(JsonNode runs, String activity) {
        return StreamSupport.stream(runs.spliterator(), false)
                .filter(r -> r.path("activityName").asText().equals(activity)).findFirst().orElseThrow()
                .path("output");
    }

    @Test
    void copiesReportWhatTheScenarioSaysAndTheUsualCountsOtherwiseOnEveryRun() {
        harness = EmulatorHarness.start(temp, EmulatorHarness.scenario("""
                items:
                  integration_pipeline_DBB:
                    rows:
                      Copy ERP sales orders: 812
                      Copy CRM customers: {read: 5000, copied: 4990}
                """));
        String first = harness.runPipeline("integration_pipeline_DBB");
        String second = harness.runPipeline("integration_pipeline_DBB");
        harness.advance(3600);

        JsonNode runs = harness.activityRuns(first);

        assertThat(output(runs, "Copy ERP sales orders").path("rowsRead").asLong()).isEqualTo(812);
        assertThat(output(runs, "Copy ERP sales orders").path("rowsCopied").asLong()).isEqualTo(812);
        assertThat(output(runs, "Copy CRM customers").path("rowsRead").asLong()).isEqualTo(5000);
        assertThat(output(runs, "Copy CRM customers").path("rowsCopied").asLong()).isEqualTo(4990);
        JsonNode usual = output(runs, "Copy HR extract");
        assertThat(usual.path("rowsRead").asLong()).isBetween(1000L, 51_000L)
                .isEqualTo(usual.path("rowsCopied").asLong())
                .isEqualTo(output(harness.activityRuns(second), "Copy HR extract").path("rowsRead").asLong());
    }

    @Test
    void aScenarioReadsCountsAndRefusesACopyWritingMoreThanItRead() {
        assertThat(reader.parse(Path.of("s.yml"), """
                items:
                  integration_pipeline_DBB:
                    rows: {Copy ERP sales orders: 0, Copy HR extract: {read: 7}}
                """).item("integration_pipeline_DBB").copyRows())
                .containsEntry("Copy ERP sales orders", CopyRows.all(0))
                .containsEntry("Copy HR extract", new CopyRows(7, 7));

        InvalidInputException e = (InvalidInputException) catchThrowable(() -> reader.parse(Path.of("s.yml"), """
                items:
                  integration_pipeline_DBB:
                    rows:
                      Copy ERP sales orders: {read: 10, copied: 11}
                      Copy HR extract: -1
                """));

        List<String> problems = e.problems().stream().map(p -> p.format(null)).toList();
        assertThat(problems).containsExactly(
                "s.yml:4:49: error: items.integration_pipeline_DBB.rows.Copy ERP sales orders.copied (11) cannot be"
                        + " more than read (10); a copy writes at most the rows it reads",
                "s.yml:5:24: error: items.integration_pipeline_DBB.rows.Copy HR extract must be between 0 and"
                        + " 2147483647, not -1");
    }

    @Test
    void aRowsEntryForAnActivityThePipelineLacksIsAWarning() {
        List<Problem> problems = reader.check(Path.of("s.yml"), """
                items:
                  integration_pipeline_DBB:
                    rows: {Copy_Orders: 10}
                """, EmulatorHarness.sample(temp).items());

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("pipeline 'integration_pipeline_DBB' has no activity called"
                    + " 'Copy_Orders'");
        });
    }
}
