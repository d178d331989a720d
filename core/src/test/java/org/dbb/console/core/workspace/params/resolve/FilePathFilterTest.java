package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.dbb.console.core.problem.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected selections were checked against CPython 3.11's pathlib.Path.glob on the same tree. */
class FilePathFilterTest {

    @TempDir
    Path dir;

    private TestRepository repo;
    private FilePathFilter filter;

    @BeforeEach
    void createTree() {
        repo = new TestRepository(dir)
                .file("A.Notebook/notebook-content.py", "a")
                .file("A.Notebook/.schedules", "{}")
                .file("B.DataPipeline/pipeline-content.json", "{}")
                .file("B.DataPipeline/.schedules", "{}")
                .file("Folder/C.Notebook/notebook-content.py", "c")
                .file("SM.SemanticModel/definition/expressions.tmdl", "e")
                .file("SM.SemanticModel/definition/tables/t.tmdl", "t");
        filter = new FilePathFilter(dir);
    }

    private List<String> selected(String... values) {
        return filter.select(List.of(values)).files().stream()
                .map(p -> dir.toAbsolutePath().normalize().relativize(p).toString().replace('\\', '/'))
                .sorted().toList();
    }

    @Test
    void plainPathsAreRelativeToTheRepositoryWithLeadingSeparatorsStripped() {
        assertThat(selected("A.Notebook/notebook-content.py")).containsExactly("A.Notebook/notebook-content.py");
        assertThat(selected("/A.Notebook/notebook-content.py")).containsExactly("A.Notebook/notebook-content.py");
        assertThat(selected("\\B.DataPipeline\\pipeline-content.json"))
                .containsExactly("B.DataPipeline/pipeline-content.json");
    }

    @Test
    void doubleStarSlashMatchesAtAnyDepthIncludingHiddenFiles() {
        assertThat(selected("**/notebook-content.py"))
                .containsExactly("A.Notebook/notebook-content.py", "Folder/C.Notebook/notebook-content.py");
        assertThat(selected("**/.schedules")).containsExactly("A.Notebook/.schedules", "B.DataPipeline/.schedules");
        assertThat(selected("SM.SemanticModel/**/*.tmdl"))
                .containsExactly("SM.SemanticModel/definition/expressions.tmdl",
                        "SM.SemanticModel/definition/tables/t.tmdl");
    }

    @Test
    void singleStarQuestionMarkAndCharacterClassesStayWithinOneName() {
        assertThat(selected("*/notebook-content.py")).containsExactly("A.Notebook/notebook-content.py");
        assertThat(selected("?.DataPipeline/*.json")).containsExactly("B.DataPipeline/pipeline-content.json");
        assertThat(selected("[!A].*/.schedules")).containsExactly("B.DataPipeline/.schedules");
        assertThat(selected("[a-c].notebook/*")).isEmpty();
    }

    @Test
    void bracesAreLiteralInPythonGlobSoTheyMatchNothingAndSaySo() {
        FilePathFilter.Selection selection = filter.select(List.of("{A,B}.*/.schedules"));
        assertThat(selection.files()).isEmpty();
        assertThat(selection.findings()).extracting(FilePathFilter.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("no brace expansion"));
        assertThat(selected("A.{Notebook,DataPipeline}/.schedules")).isEmpty();
    }

    @Test
    void valuesThatMatchNothingContributeNothing() {
        FilePathFilter.Selection selection = filter.select(List.of("Missing.Notebook/x.py", "**/nothing.json"));
        assertThat(selection.files()).isEmpty();
        assertThat(selection.findings()).extracting(FilePathFilter.Finding::message).containsExactly(
                "Relative path 'Missing.Notebook/x.py' does not exist",
                "Wildcard path '**/nothing.json' did not match any files");
        assertThat(selection.contains(repo.path("A.Notebook/notebook-content.py"))).isFalse();
    }

    @Test
    void foldersAndPathsOutsideTheRepositoryAreNotFiles() {
        FilePathFilter.Selection selection = filter.select(List.of("A.Notebook", "../outside.txt"));
        assertThat(selection.files()).isEmpty();
        assertThat(selection.findings()).extracting(FilePathFilter.Finding::message).containsExactly(
                "Relative path 'A.Notebook' is not a file",
                "Relative path '../outside.txt' is outside the repository directory");
    }

    @Test
    void absoluteWildcardsMustStayInsideTheRepository() {
        String inside = dir.toAbsolutePath().normalize().toString().replace('\\', '/') + "/*/pipeline-content.json";
        assertThat(selected(inside)).containsExactly("B.DataPipeline/pipeline-content.json");
        FilePathFilter.Selection outside = filter.select(List.of("/elsewhere/*/x.json"));
        assertThat(outside.files()).isEmpty();
        assertThat(outside.findings().get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(outside.findings().get(0).message()).contains("is outside the repository directory");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../*/x.json|Path traversal sequences not allowed: '../*/x.json'",
        "/**/x.json|Absolute path with recursive pattern is not allowed: '/**/x.json'",
        "**/**/x.json|Invalid wildcard combination in pattern: '**/**/x.json'",
        "a//*.json|Invalid wildcard combination in pattern: 'a//*.json'",
        "a/b**.json|Invalid recursive wildcard format (use **/ or /**): 'a/b**.json'",
        "a**/*.json|Error processing wildcard pattern 'a**/*.json': Invalid pattern: '**' can only be an entire path component",
        "*.{json|Unclosed bracket(s) or brace(s) in pattern: '*.{json'",
        "*.json]|Unmatched closing ']' at position 6 in pattern: '*.json]'",
        "*.[json}|Mismatched bracket/brace pair '[}' at position 7 in pattern: '*.[json}'",
        "*.{json}|Invalid brace expansion in pattern: '*.{json}'",
        "*.{,json}|Invalid brace expansion in pattern: '*.{,json}'",
        "*.[]json|Invalid character class in pattern: '*.[]json'",
        "*.[-a]|Invalid character class in pattern: '*.[-a]'",
        "*..%2f*|Path traversal sequences not allowed: '*..%2f*'",
    })
    void rejectedWildcardPatternsAreErrorsWithFabricCicdsMessage(String pattern, String message) {
        FilePathFilter.Selection selection = filter.select(List.of(pattern));
        assertThat(selection.files()).isEmpty();
        assertThat(selection.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo(message);
        });
    }

    @Test
    void aWildcardThatSelectsSeveralFilesHidesAnInvalidValueInTheCountAsInFabricCicd() {
        FilePathFilter.Selection selection = filter.select(List.of("**/.schedules", "Missing/x.json"));
        assertThat(selection.files()).hasSize(2);
        assertThat(selection.invalidCount()).isZero();
    }
}
