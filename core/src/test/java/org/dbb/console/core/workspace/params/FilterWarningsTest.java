package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.ItemScan;

/** item_type, item_name and file_path filters checked against a repository: warnings only, as in fabric-cicd. */
class FilterWarningsTest {

    @TempDir
    Path repo;

    private ItemScan scan;

    @BeforeEach
    void repository() throws IOException {
        item("Hello World.Notebook", "Notebook", "Hello World", "11111111-1111-1111-1111-111111111111");
        Files.writeString(repo.resolve("Hello World.Notebook/notebook-content.py"), "# x\n");
        item("PL.DataPipeline", "DataPipeline", "PL", "22222222-2222-2222-2222-222222222222");
        Files.writeString(repo.resolve("PL.DataPipeline/.schedules"), "{}");
        scan = new ItemDiscovery(new JsonDocuments()).scan(repo);
    }

    private void item(String folder, String type, String name, String id) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(folder));
        Files.writeString(dir.resolve(".platform"), """
                {"metadata": {"type": "%s", "displayName": "%s"}, "config": {"version": "2.0", "logicalId": "%s"}}
                """.formatted(type, name, id));
    }

    private List<String> warnings(String filters) {
        String text = "find_replace:\n  - find_value: x\n    replace_value: {PPE: y}\n    " + filters + "\n";
        ParameterValidation v = new ParameterFileValidator().validate(repo.resolve("parameter.yml"), text,
                Optional.of("PPE"), Optional.of(scan));
        assertThat(v.valid()).as("%s", v.problems()).isTrue();
        return v.warnings().stream().map(Problem::message).toList();
    }

    private static final String SKIPPED = "The find value 'x' replacement will be skipped due to unmatched optional"
            + " filters in parameter find_replace";

    @Test
    void matchingFiltersDoNotWarn() {
        assertThat(warnings("item_type: Notebook\n    item_name: [\"Hello World\"]\n"
                + "    file_path: \"/Hello World.Notebook/notebook-content.py\"")).isEmpty();
    }

    @Test
    void itemNameMissingFromTheRepositoryWarnsAndSkips() {
        assertThat(warnings("item_name: \"Hello\"")).contains(
                "Item name 'Hello' not found in the repository directory; item_name must equal an item's displayName"
                        + " in its .platform file", SKIPPED);
    }

    @Test
    void onlyTheLastNameOfAListDecidesTheSkipAsInFabricCicd() {
        List<String> w = warnings("item_name: [\"Missing\", \"Hello World\"]");

        assertThat(w).doesNotContain(SKIPPED);
        assertThat(w).anyMatch(m -> m.startsWith("Item name 'Missing' not found") && m.contains("only checks the last"));
    }

    @Test
    void unknownItemTypeIsNotInScope() {
        assertThat(warnings("item_type: Notebok")).anyMatch(m -> m.startsWith("Item type 'Notebok' not in scope"))
                .contains(SKIPPED);
    }

    @Test
    void filePathThatDoesNotExistWarnsWithFabricCicdsMessages() {
        assertThat(warnings("file_path: \"Sales.Report/definition/pages/pages.json\"")).anyMatch(m -> m.startsWith(
                "Relative path 'Sales.Report/definition/pages/pages.json' does not exist"))
                .contains("No valid file path found in the repository directory for"
                        + " ['Sales.Report/definition/pages/pages.json']", SKIPPED);
    }

    @Test
    void recursiveWildcardFindsDotFiles() {
        assertThat(warnings("file_path: \"**/.schedules\"")).isEmpty();
    }

    @Test
    void someMissingPathsInAListAreCounted() {
        assertThat(warnings("file_path: [\"PL.DataPipeline/.schedules\", \"nope.json\"]"))
                .contains("Number of paths in list '['PL.DataPipeline/.schedules', 'nope.json']' that are invalid or"
                        + " not found in the repository directory: 1");
    }

    @Test
    void invalidWildcardSyntaxIsReported() {
        assertThat(warnings("file_path: \"**/**/x\"")).anyMatch(m -> m.startsWith(
                "Invalid wildcard combination in pattern: '**/**/x'"));
    }

    private List<String> keyValueWarnings(String entry) throws IOException {
        Files.writeString(repo.resolve("PL.DataPipeline/pipeline-content.json"), """
                {"properties": {"activities": [{"name": "Copy", "typeProperties": {"x": 1}}],
                                "parameters": {"Server": {"type": "string", "defaultValue": "dev"}}},
                 "enabled": true}
                """);
        String text = "key_value_replace:\n  - " + entry.strip().replace("\n", "\n    ")
                + "\n    file_path: PL.DataPipeline/pipeline-content.json\n";
        ParameterValidation v = new ParameterFileValidator().validate(repo.resolve("parameter.yml"), text,
                Optional.of("PPE"), Optional.of(scan));
        assertThat(v.valid()).as("%s", v.problems()).isTrue();
        return v.warnings().stream().map(Problem::message).toList();
    }

    @Test
    void jsonPathSelectingAWholeObjectWarnsWhenTheTargetFileIsKnown() throws IOException {
        assertThat(keyValueWarnings("find_key: $.properties.activities[?(@.name==\"Copy\")]\n"
                + "replace_value: {PPE: x}")).anyMatch(m -> m.contains("selects a whole object"));
    }

    @Test
    void jsonPathSelectingALeafDoesNotWarn() throws IOException {
        assertThat(keyValueWarnings("find_key: $.properties.parameters.Server.defaultValue\n"
                + "replace_value: {PPE: x}")).isEmpty();
    }

    @Test
    void quotedBooleanForABooleanTargetWarns() throws IOException {
        assertThat(keyValueWarnings("find_key: $.enabled\nreplace_value: {PPE: \"false\"}"))
                .anyMatch(m -> m.contains("selects a JSON boolean"));
    }

    @Test
    void jsonPathMatchingNothingWarns() throws IOException {
        assertThat(keyValueWarnings("find_key: $.nope\nreplace_value: {PPE: x}"))
                .anyMatch(m -> m.contains("matches nothing"));
    }
}
