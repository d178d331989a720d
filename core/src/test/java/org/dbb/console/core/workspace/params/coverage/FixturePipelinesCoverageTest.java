package org.dbb.console.core.workspace.params.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;

/**
 * Coverage of the real pipelines in {@code shared/fixtures/pipelines}, read in place as a repository (each folder
 * holds a {@code .platform}); skipped with a reason when the shared folder is not beside the clone.
 */
class FixturePipelinesCoverageTest {

    private static final String PARAMETERS = """
            find_replace:
              # the FCA workspace the toolbox exported its notebooks from
              - find_value: "57bceddc-a995-44a7-bfb5-1d5f11ad1e98"
                replace_value:
                  PROD: "$workspace.$id"
                item_name: "Load FCA E2E"
              # every REST connection
              - find_value: '"connection":\\s*"([0-9a-fA-F-]{36})"'
                replace_value:
                  PROD: "4a202ead-bf64-4b7e-bbc4-04a460dcb5e5"
                is_regex: "true"
                item_type: "DataPipeline"
            key_value_replace:
              - find_key: $.properties.parameters.metric_workspace.defaultValue
                replace_value:
                  PROD: "$workspace.$id"
                item_name: "Load_FUAM_Data_E2E"
            """;

    @TempDir
    Path dir;

    private ItemScan scan;
    private CoverageReport report;

    @BeforeEach
    void scanFixtures() {
        Path pipelines = SharedFixtures.require("pipelines");
        scan = CoverageRepository.scanOf(pipelines);
        ParameterFile parameters = CoverageRepository.parameters(pipelines, PARAMETERS, "PROD", scan);
        report = new GuidCoverageScanner(new ParameterResolver()).scan(Optional.of(parameters), scan, "PROD",
                CoverageProgress.NONE);
    }

    @Test
    void findsEveryGuidOfTheFourPipelines() {
        assertThat(scan.items()).hasSize(4);
        assertThat(report.filesScanned()).isEqualTo(5);
        assertThat(report.occurrences()).hasSize(45);
        assertThat(report.excludedLogicalIds()).isEqualTo(4);
    }

    @Test
    void theExportedWorkspaceIdIsCoveredWhereTheEntryAppliesOnly() {
        assertThat(report.occurrences()).filteredOn(o -> o.guid().equals("57bceddc-a995-44a7-bfb5-1d5f11ad1e98"))
                .hasSize(6)
                .allMatch(o -> o.coveredBy().equals(Optional.of("find_replace 1")));
        assertThat(report.uncovered()).filteredOn(o -> o.guid().equals("88c8d9fa-2c24-3fad-8f46-b36431c7ba1d"))
                .hasSize(5)
                .allMatch(o -> o.kind() == GuidKind.WORKSPACE_ID);
    }

    @Test
    void theRegexCoversEveryConnectionAndTheJsonPathThePipelineParameter() {
        assertThat(report.occurrences()).filteredOn(o -> o.kind() == GuidKind.CONNECTION)
                .extracting(GuidOccurrence::line, o -> o.coveredBy().orElse("uncovered"))
                .containsExactly(tuple(86, "find_replace 2"), tuple(232, "find_replace 2"));
        assertThat(report.occurrences()).filteredOn(o -> o.guid().startsWith("5edcbd6e"))
                .extracting(GuidOccurrence::line, GuidOccurrence::key, o -> o.coveredBy().orElse("uncovered"))
                .containsExactly(tuple(572, Optional.of("defaultValue"), "key_value_replace 1"));
        assertThat(report.uncovered()).filteredOn(o -> o.guid().startsWith("2d4511ba"))
                .extracting(GuidOccurrence::line).containsExactly(576);
    }

    @Test
    void theHelloWorldNotebookReferenceIsAnUncoveredItemIdBecauseTheNotebookIsNotInTheRepository() {
        assertThat(report.occurrences())
                .filteredOn(o -> o.relativePath().startsWith("01_"))
                .extracting(GuidOccurrence::line, GuidOccurrence::kind, GuidOccurrence::state)
                .containsExactly(
                        tuple(7, GuidKind.ITEM_ID, CoverageState.UNCOVERED),
                        tuple(8, GuidKind.WORKSPACE_ID, CoverageState.FABRIC_CICD));
    }
}
