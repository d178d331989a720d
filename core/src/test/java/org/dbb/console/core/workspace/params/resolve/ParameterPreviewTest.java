package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.env;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.names;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.paths;

import java.nio.file.Path;
import java.util.List;

import org.dbb.console.core.workspace.params.FindReplaceEntry;
import org.dbb.console.core.workspace.params.ItemFilters;
import org.dbb.console.core.workspace.params.KeyValueReplaceEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterPreviewTest {

    @TempDir
    Path dir;

    private TestRepository repo;
    private final ParameterResolver resolver = new ParameterResolver();
    private final ParameterPreview preview = new ParameterPreview();

    @BeforeEach
    void createRepository() {
        repo = new TestRepository(dir)
                .item("NB.Notebook", "Notebook", "NB", "11111111-aaaa-4aaa-8aaa-000000000001")
                .file("NB.Notebook/notebook-content.py", """
                        # Fabric notebook source
                        # CELL ********************
                        a = 1
                        b = 2
                        c = 3
                        server = "sql-dev.contoso.net"
                        d = 4
                        e = 5
                        f = 6
                        g = 7
                        """)
                .item("PL.DataPipeline", "DataPipeline", "PL", "11111111-aaaa-4aaa-8aaa-000000000002")
                .file("PL.DataPipeline/pipeline-content.json", """
                        {
                          "properties": {
                            "description": "Caf\u00e9",
                            "parameters": {
                              "SourceServer": {
                                "type": "string",
                                "defaultValue": "sql-dev.contoso.net"
                              }
                            }
                          }
                        }
                        """);
    }

    private ResolutionResult resolve(List<FindReplaceEntry> findReplace,
                                     List<KeyValueReplaceEntry> keyValues) {
        return resolver.apply(repo.parameters(findReplace, keyValues), repo.scan(), "PROD", ReplacementContext.empty(),
                ResolverOptions.preview());
    }

    @Test
    void findReplaceOnlyFilesDiffTheirRawTextWithThreeLinesOfContext() {
        ResolutionResult result = resolve(List.of(repo.literal(1, "sql-dev.contoso.net",
                env("PROD", "sql-prod.contoso.net"), names("NB"))), List.of());
        List<PreviewDiff> diffs = preview.diffs(result);
        assertThat(diffs).singleElement().satisfies(d -> {
            assertThat(d.relativePath()).isEqualTo("NB.Notebook/notebook-content.py");
            assertThat(d.prettyPrinted()).isFalse();
            assertThat(d.text()).isEqualTo("""
                    --- a/NB.Notebook/notebook-content.py
                    +++ b/NB.Notebook/notebook-content.py
                    @@ -3,7 +3,7 @@
                     a = 1
                     b = 2
                     c = 3
                    -server = "sql-dev.contoso.net"
                    +server = "sql-prod.contoso.net"
                     d = 4
                     e = 5
                     f = 6
                    """);
        });
    }

    @Test
    void reserialisedJsonIsShownPrettyPrintedOnBothSidesWithAHeader() {
        ResolutionResult result = resolve(List.of(), List.of(repo.keyValue(1,
                "$.properties.parameters.SourceServer.defaultValue", env("PROD", "sql-prod.contoso.net"),
                paths("PL.DataPipeline/pipeline-content.json"))));
        assertThat(result.changes().get(0).after()).doesNotContain("\n").contains("Caf\\u00e9");
        PreviewDiff diff = preview.diffs(result).get(0);
        assertThat(diff.prettyPrinted()).isTrue();
        assertThat(diff.text()).isEqualTo("""
                # fabric-cicd re-serialises this JSON file on one line (json.dumps); both sides are shown\
                 pretty-printed, key order kept
                --- a/PL.DataPipeline/pipeline-content.json
                +++ b/PL.DataPipeline/pipeline-content.json
                @@ -4,7 +4,7 @@
                     "parameters": {
                       "SourceServer": {
                         "type": "string",
                -        "defaultValue": "sql-dev.contoso.net"
                +        "defaultValue": "sql-prod.contoso.net"
                       }
                     }
                   }
                """);
    }

    @Test
    void reserialisationWithoutValueChangesIsCalledFormattingOnly() {
        ResolutionResult result = resolve(List.of(), List.of(repo.keyValue(1, "$.nothing", env("PROD", 1),
                paths("PL.DataPipeline/pipeline-content.json"))));
        assertThat(preview.render(result)).endsWith("""
                --- a/PL.DataPipeline/pipeline-content.json
                +++ b/PL.DataPipeline/pipeline-content.json
                # formatting only: no value changes
                """);
    }

    @Test
    void renderConcatenatesEveryChangedFileInRepositoryOrder() {
        ResolutionResult result = resolve(List.of(repo.literal(1, "sql-dev.contoso.net", env("PROD", "p"),
                ItemFilters.NONE)), List.of());
        String text = preview.render(result);
        assertThat(text.indexOf("--- a/NB.Notebook/notebook-content.py"))
                .isLessThan(text.indexOf("--- a/PL.DataPipeline/pipeline-content.json"));
        assertThat(text).contains("-        \"defaultValue\": \"sql-dev.contoso.net\"")
                .contains("+        \"defaultValue\": \"p\"");
    }
}
