package org.dbb.console.core.workspace.params.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ItemFilters;

class FindValueTesterTest {

    private static final String LAKEHOUSE_REGEX = "\"default_lakehouse\":\\s*\"([0-9a-fA-F-]{36})\"";
    private static final ItemFilters NOTEBOOKS = new ItemFilters(List.of("Notebook"), List.of(), List.of());

    @TempDir
    Path dir;

    private ItemScan scan;
    private final FindValueTester tester = new FindValueTester();

    @BeforeEach
    void repository() throws IOException {
        notebook("nb_load", "aaaaaaaa-1111-4111-8111-111111111111", "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
        notebook("nb_conform", "aaaaaaaa-2222-4111-8111-111111111111", "6e4d2412-5167-47a5-9ffd-208e3dd24ff8");
        write("pl_load.DataPipeline/.platform", platform("DataPipeline", "pl_load",
                "bbbbbbbb-1111-4111-8111-111111111111"));
        write("pl_load.DataPipeline/pipeline-content.json", "{\"properties\": {\"description\":"
                + " \"loads from SQL-Prod and sql-prod\"}}\n");
        scan = new ItemDiscovery(new JsonDocuments()).scan(dir);
    }

    private void notebook(String name, String logicalId, String lakehouse) throws IOException {
        write(name + ".Notebook/.platform", platform("Notebook", name, logicalId));
        write(name + ".Notebook/notebook-content.py", """
                # Fabric notebook source

                # META {
                # META   "default_lakehouse": "%s",
                # META   "default_lakehouse_name": "lh"
                # META }
                """.formatted(lakehouse));
    }

    private static String platform(String type, String name, String logicalId) {
        return """
                {"metadata": {"type": "%s", "displayName": "%s"}, "config": {"version": "2.0", "logicalId": "%s"}}
                """.formatted(type, name, logicalId);
    }

    private void write(String relative, String text) throws IOException {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryMatchWithGroupOnePlacedInItsLine() {
        TrialResult result = tester.run(new FindValueTrial(LAKEHOUSE_REGEX, true, false, NOTEBOOKS), scan);

        assertThat(result.messages()).isEmpty();
        assertThat(result.groups()).isEqualTo(1);
        assertThat(result.totalMatches()).isEqualTo(2);
        assertThat(result.files()).extracting(TrialFile::relativePath, TrialFile::matchCount).containsExactly(
                tuple("nb_conform.Notebook/notebook-content.py", 1),
                tuple("nb_load.Notebook/notebook-content.py", 1));
        TrialMatch match = result.files().get(1).matches().get(0);
        assertThat(match.line()).isEqualTo(4);
        assertThat(match.column()).isEqualTo(10);
        assertThat(match.snippet().substring(match.groupStart(), match.groupEnd()))
                .isEqualTo("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
        assertThat(match.snippet().substring(match.matchStart(), match.matchEnd()))
                .isEqualTo("\"default_lakehouse\": \"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\"");
    }

    @Test
    void aPatternPythonRefusesGetsPythonsMessage() {
        TrialResult result = tester.run(new FindValueTrial("\"default_lakehouse\":\\s*\"([0-9a-f-]{36}\"", true,
                false, NOTEBOOKS), scan);

        assertThat(result.runnable()).isFalse();
        assertThat(result.messages()).extracting(TrialResult.Message::severity, TrialResult.Message::text)
                .containsExactly(tuple(Severity.ERROR, "Invalid regex \"default_lakehouse\":\\s*\"([0-9a-f-]{36}\":"
                        + " missing ), unterminated subpattern at position 24; the pattern must compile with"
                        + " Python's re module"));
    }

    @Test
    void aPatternWithoutGroupOneStillShowsItsMatchesAndSaysFabricCicdRefusesIt() {
        TrialResult result = tester.run(new FindValueTrial("\"default_lakehouse\":\\s*\"[0-9a-f-]{36}\"", true,
                false, NOTEBOOKS), scan);

        assertThat(result.totalMatches()).isEqualTo(2);
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.severity()).isEqualTo(Severity.ERROR);
            assertThat(m.text()).startsWith("The pattern has no group 1");
        });
        assertThat(result.files().get(0).matches().get(0).hasGroup()).isFalse();
    }

    @Test
    void aPatternThatMatchesNothingSaysFabricCicdWouldChangeNothing() {
        TrialResult result = tester.run(new FindValueTrial("\"default_warehouse\":\\s*\"([0-9a-f-]{36})\"", true,
                false, NOTEBOOKS), scan);

        assertThat(result.totalMatches()).isZero();
        assertThat(result.files()).hasSize(2);
        assertThat(result.messages()).extracting(TrialResult.Message::text).containsExactly(
                "No match in any of the 2 files the filters select: fabric-cicd would change nothing.");
    }

    @Test
    void anEmptyGroupOneInTheFirstMatchIsTheErrorFabricCicdStopsAt() {
        TrialResult result = tester.run(new FindValueTrial("\"default_lakehouse_name\":\\s*\"(x*)lh\"", true, false,
                NOTEBOOKS), scan);

        assertThat(result.messages()).extracting(TrialResult.Message::text).allMatch(t -> t.contains(
                "the first match's group 1 is empty: fabric-cicd stops the deployment there"));
    }

    @Test
    void aLiteralIsFoundAsWrittenOrIgnoringCase() {
        ItemFilters pipelines = new ItemFilters(List.of(), List.of("pl_load"), List.of());

        TrialResult exact = tester.run(new FindValueTrial("sql-prod", false, false, pipelines), scan);
        TrialResult anyCase = tester.run(new FindValueTrial("sql-prod", false, true, pipelines), scan);

        assertThat(exact.totalMatches()).isEqualTo(1);
        assertThat(anyCase.totalMatches()).isEqualTo(2);
        TrialMatch first = anyCase.files().get(0).matches().get(0);
        assertThat(first.snippet().substring(first.groupStart(), first.groupEnd())).isEqualTo("SQL-Prod");
    }

    @Test
    void filtersThatSelectNoFileAreSaid() {
        TrialResult result = tester.run(new FindValueTrial("x", false, false,
                new ItemFilters(List.of(), List.of("nb_missing"), List.of())), scan);

        assertThat(result.files()).isEmpty();
        assertThat(result.messages()).extracting(TrialResult.Message::text).containsExactly("The entry's item_type"
                + " / item_name / file_path filters select none of the item files fabric-cicd parameterises: it"
                + " replaces nothing.");
    }
}
