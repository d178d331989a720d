package org.dbb.console.core.workspace.params.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;

class GuidCoverageScannerTest {

    private static final String NOTEBOOK_ID = "aaaaaaaa-1111-4111-8111-111111111111";
    private static final String PIPELINE_ID = "bbbbbbbb-2222-4222-8222-222222222222";
    private static final String LAKEHOUSE = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String DEV_WORKSPACE = "9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a";
    private static final String CONNECTION = "c0ffee00-1234-4abc-9def-0123456789ab";
    private static final String SQL_CONNECTION = "d066d025-70ce-44ea-b9c7-b232dca67ee6";
    private static final String SOURCE_ITEM = "5edcbd6e-b4d3-4625-ae22-a4d524221f78";
    private static final String ZERO = "00000000-0000-0000-0000-000000000000";

    private static final String PARAMETERS = """
            find_replace:
              - find_value: '"default_lakehouse":\\s*"([0-9a-fA-F-]{36})"'
                replace_value:
                  DEV: "%1$s"
                  PROD: "$items.Lakehouse.lh.$id"
                is_regex: "true"
                item_type: "Notebook"
              - find_value: "%2$s"
                replace_value:
                  PROD: "11111111-2222-3333-4444-555555555555"
                item_type: "DataPipeline"
              - find_value: "%3$s"
                replace_value:
                  DEV: "%3$s"
                  PROD: "22222222-3333-4444-5555-666666666666"
                item_name: "nb_other"
            key_value_replace:
              - find_key: $.properties.parameters.source_item.defaultValue
                replace_value:
                  DEV: "%4$s"
                  PROD: "33333333-4444-5555-6666-777777777777"
                item_type: "DataPipeline"
            """.formatted(LAKEHOUSE, SQL_CONNECTION, CONNECTION, SOURCE_ITEM);

    @TempDir
    Path dir;

    private CoverageRepository repo;
    private final GuidCoverageScanner scanner = new GuidCoverageScanner(new ParameterResolver());

    @BeforeEach
    void writeRepository() {
        repo = new CoverageRepository(dir)
                .item("nb_load.Notebook", "Notebook", "nb_load", NOTEBOOK_ID)
                .file("nb_load.Notebook/notebook-content.py", """
                        # Fabric notebook source

                        # META {
                        # META   "dependencies": {
                        # META     "lakehouse": {
                        # META       "default_lakehouse": "%s",
                        # META       "default_lakehouse_workspace_id": "%s"
                        # META     }
                        # META   }
                        # META }

                        # CELL ********************

                        crm_connection = "%s"
                        """.formatted(LAKEHOUSE, DEV_WORKSPACE, CONNECTION.toUpperCase()))
                .item("pl_load.DataPipeline", "DataPipeline", "pl_load", PIPELINE_ID)
                .file("pl_load.DataPipeline/pipeline-content.json", """
                        {
                          "properties": {
                            "activities": [
                              {
                                "name": "Run notebook",
                                "type": "TridentNotebook",
                                "typeProperties": {
                                  "notebookId": "%s",
                                  "workspaceId": "%s"
                                },
                                "externalReferences": { "connection": "%s" }
                              }
                            ],
                            "parameters": {
                              "source_item": { "type": "string", "defaultValue": "%s" }
                            }
                          }
                        }
                        """.formatted(NOTEBOOK_ID, ZERO, SQL_CONNECTION, SOURCE_ITEM));
    }

    private CoverageReport scan(String environment) {
        ItemScan scan = repo.scan();
        ParameterFile parameters = CoverageRepository.parameters(dir, PARAMETERS, environment, scan);
        return scanner.scan(Optional.of(parameters), scan, environment, CoverageProgress.NONE);
    }

    @Test
    void listsOnlyTheGuidsNoEntryAndNoFabricCicdStepReplaces() {
        CoverageReport report = scan("PROD");

        assertThat(report.uncovered())
                .extracting(GuidOccurrence::relativePath, GuidOccurrence::line, GuidOccurrence::guid,
                        GuidOccurrence::kind)
                .containsExactly(
                        tuple("nb_load.Notebook/notebook-content.py", 7, DEV_WORKSPACE, GuidKind.WORKSPACE_ID),
                        tuple("nb_load.Notebook/notebook-content.py", 14, CONNECTION.toUpperCase(),
                                GuidKind.CONNECTION));
    }

    @Test
    void saysWhatReplacesEachCoveredGuid() {
        CoverageReport report = scan("PROD");

        assertThat(report.occurrences())
                .filteredOn(o -> !o.uncovered())
                .extracting(GuidOccurrence::guid, GuidOccurrence::state, o -> o.coveredBy().orElseThrow())
                .containsExactlyInAnyOrder(
                        tuple(LAKEHOUSE, CoverageState.PARAMETER_ENTRY, "find_replace 1"),
                        tuple(NOTEBOOK_ID, CoverageState.FABRIC_CICD,
                                "fabric-cicd: logicalId of Notebook 'nb_load'"),
                        tuple(ZERO, CoverageState.FABRIC_CICD, "fabric-cicd: all-zero workspace id"),
                        tuple(SQL_CONNECTION, CoverageState.PARAMETER_ENTRY, "find_replace 2"),
                        tuple(SOURCE_ITEM, CoverageState.PARAMETER_ENTRY, "key_value_replace 1"));
    }

    @Test
    void leavesTheItemsOwnLogicalIdsInPlatformFilesOut() {
        CoverageReport report = scan("PROD");

        assertThat(report.excludedLogicalIds()).isEqualTo(2);
        assertThat(report.occurrences()).noneMatch(o -> o.relativePath().endsWith(".platform"));
    }

    @Test
    void anEnvironmentWithoutAValueLeavesTheGuidUncoveredAndSaysWhy() {
        CoverageReport report = scan("DEV");

        GuidOccurrence sql = report.uncovered().stream().filter(o -> o.guid().equals(SQL_CONNECTION)).findFirst()
                .orElseThrow();
        assertThat(sql.hints()).containsExactly(
                "find_replace 2 is about this GUID but has no value for 'DEV', so fabric-cicd skips it there");
    }

    @Test
    void aValueEqualToTheRepositorysStillCountsAsReplaced() {
        CoverageReport report = scan("DEV");

        assertThat(report.occurrences()).filteredOn(o -> o.guid().equals(LAKEHOUSE) || o.guid().equals(SOURCE_ITEM))
                .allMatch(o -> o.state() == CoverageState.PARAMETER_ENTRY);
    }

    @Test
    void anEntryWhoseFiltersLeaveTheFileOutIsNamedWithTheReason() {
        GuidOccurrence connection = scan("PROD").uncovered().get(1);

        assertThat(connection.hints()).containsExactly("find_replace 3 is about this GUID but its item_type /"
                + " item_name / file_path filters leave this file out");
    }

    @Test
    void givesLineColumnKeyAndTheTextAroundTheGuid() {
        GuidOccurrence workspace = scan("PROD").uncovered().get(0);

        assertThat(workspace.column()).isEqualTo(49);
        assertThat(workspace.key()).contains("default_lakehouse_workspace_id");
        assertThat(workspace.contextBefore()).isEqualTo("# META       \"default_lakehouse_workspace_id\": \"");
        assertThat(workspace.contextAfter()).isEqualTo("\"");
    }

    @Test
    void withoutAParameterFileFabricCicdsOwnReplacementsStillCount() {
        CoverageReport report = scanner.scan(Optional.empty(), repo.scan(), "PROD", CoverageProgress.NONE);

        assertThat(report.parameterFileUsed()).isFalse();
        assertThat(report.uncovered()).extracting(GuidOccurrence::guid)
                .containsExactly(LAKEHOUSE, DEV_WORKSPACE, CONNECTION.toUpperCase(), SQL_CONNECTION, SOURCE_ITEM);
        assertThat(report.count(CoverageState.FABRIC_CICD)).isEqualTo(2);
    }

    @Test
    void reportsEachStepItTakes() {
        List<String> steps = new ArrayList<>();
        ItemScan scan = repo.scan();
        scanner.scan(Optional.of(CoverageRepository.parameters(dir, PARAMETERS, "PROD", scan)), scan, "PROD",
                steps::add);

        assertThat(steps).first().isEqualTo("Listing the item files fabric-cicd deploys …");
        assertThat(steps).anyMatch(s -> s.startsWith("Applying parameter.yml for PROD to 2 item files"))
                .anyMatch(s -> s.startsWith("Comparing the files key_value_replace re-serialises"));
    }
}
