package org.dbb.console.core.workspace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.problem.InvalidInputException;

class JsonTextEditorTest {

    private static final Path FILE = Path.of("pipeline-content.json");

    private static final String PIPELINE = """
            {
                "properties": {
                    "activities": [
                        {
                            "name": "Load",
                            "type": "TridentNotebook",
                            "dependsOn": [],
                            "policy": {
                                "timeout": "0.1:00:00",
                                "retry": 1,
                                "secureOutput": false,
                                "secureInput": false
                            },
                            "typeProperties": {
                                "notebookId": "n1"
                            }
                        },
                        {
                            "name": "Run",
                            "type": "ExecutePipeline",
                            "dependsOn": [],
                            "typeProperties": {
                                "pipeline": {"referenceName": "p1", "type": "PipelineReference"},
                                "parameters": {}
                            }
                        }
                    ]
                }
            }
            """;

    @Test
    void replacingAScalarChangesOnlyItsCharacters() {
        String edited = JsonTextEditor.open(FILE, PIPELINE)
                .set("$.properties.activities[0].policy.retry", "3").text();

        assertThat(SingleChange.between(PIPELINE, edited)).isEqualTo(
                new SingleChange(PIPELINE.indexOf("\"retry\": 1") + 9, "1", "3"));
    }

    @Test
    void replacingAStringKeepsTheNewTextExactlyAsGiven() {
        String edited = JsonTextEditor.open(FILE, PIPELINE)
                .set("$.properties.activities[0].policy.timeout", "\"0.02:00:00\"").text();

        SingleChange change = SingleChange.between(PIPELINE, edited);
        assertThat(change.removed()).isEqualTo("1");
        assertThat(change.added()).isEqualTo("02");
        assertThat(edited).contains("\"timeout\": \"0.02:00:00\",");
    }

    @Test
    void aMissingMemberIsAddedAfterTheLastOneWithTheSameIndentation() {
        String edited = JsonTextEditor.open(FILE, PIPELINE)
                .set("$.properties.activities[0].policy.retryIntervalInSeconds", "30").text();

        SingleChange change = SingleChange.between(PIPELINE, edited);
        assertThat(change.removed()).isEmpty();
        assertThat(edited).contains(lines(
                20, "\"secureInput\": false,",
                20, "\"retryIntervalInSeconds\": 30",
                16, "},"));
    }

    @Test
    void aMissingMemberCanBePlacedBeforeANamedOneToKeepFabricsOrder() {
        String edited = JsonTextEditor.open(FILE, PIPELINE)
                .set(ConcretePath.parse("$.properties.activities[0].policy.retryIntervalInSeconds"), "30",
                        Placement.beforeFirstOf("secureInput", "secureOutput"))
                .text();

        assertThat(SingleChange.between(PIPELINE, edited).removed()).isEmpty();
        assertThat(edited).contains(lines(
                20, "\"retry\": 1,",
                20, "\"retryIntervalInSeconds\": 30,",
                20, "\"secureOutput\": false,"));
    }

    @Test
    void aWholeMissingObjectIsAddedAndLaidOutInTheFilesIndentation() {
        String edited = JsonTextEditor.open(FILE, PIPELINE)
                .set(ConcretePath.parse("$.properties.activities[1].policy.retry"), "3",
                        Placement.beforeFirstOf("typeProperties"))
                .text();

        assertThat(SingleChange.between(PIPELINE, edited).removed()).isEmpty();
        assertThat(edited).contains(lines(
                16, "\"dependsOn\": [],",
                16, "\"policy\": {",
                20, "\"retry\": 3",
                16, "},",
                16, "\"typeProperties\": {"));
    }

    @Test
    void aMemberAddedToAnEmptyObjectGoesOnItsOwnIndentedLine() {
        String edited = JsonTextEditor.open(FILE, PIPELINE)
                .set("$.properties.activities[1].typeProperties.parameters.when",
                        "{\"value\": \"@utcNow()\", \"type\": \"Expression\"}")
                .text();

        assertThat(edited).contains(lines(
                20, "\"parameters\": {",
                24, "\"when\": {",
                28, "\"value\": \"@utcNow()\",",
                28, "\"type\": \"Expression\"",
                24, "}",
                20, "}"));
    }

    @Test
    void anInlineObjectGetsAnInlineMember() {
        String edited = JsonTextEditor.open(FILE, PIPELINE)
                .set("$.properties.activities[1].typeProperties.pipeline.version", "2").text();

        assertThat(edited).contains("{\"referenceName\": \"p1\", \"type\": \"PipelineReference\", \"version\": 2}");
        assertThat(JsonTextEditor.open(FILE, "{\"a\": {\"b\": 1}}").set("$.a.c", "2").text())
                .isEqualTo("{\"a\": {\"b\": 1, \"c\": 2}}");
        assertThat(JsonTextEditor.open(FILE, "{\"a\":{\"b\":1}}").set("$.a.c", "2").text())
                .isEqualTo("{\"a\":{\"b\":1,\"c\":2}}");
    }

    @Test
    void windowsLineEndingsAreKeptOnInsertedLines() {
        String crlf = PIPELINE.replace("\n", "\r\n");

        String edited = JsonTextEditor.open(FILE, crlf)
                .set("$.properties.activities[1].policy.retry", "3").text();

        assertThat(edited.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(edited).contains("\"policy\": {\r\n                    \"retry\": 3\r\n                }");
    }

    @Test
    void tabIndentedFilesGetTabs() {
        String tabs = "{\n\t\"a\": {\n\t\t\"b\": 1\n\t}\n}\n";

        String edited = JsonTextEditor.open(FILE, tabs).set("$.c.d", "true").text();

        assertThat(edited).isEqualTo("{\n\t\"a\": {\n\t\t\"b\": 1\n\t},\n\t\"c\": {\n\t\t\"d\": true\n\t}\n}\n");
    }

    @Test
    void aSingleLineFileStaysOnOneLine() {
        String edited = JsonTextEditor.open(FILE, "{\"a\":{}}").set("$.a.b.c", "[1,2]").text();

        assertThat(edited).isEqualTo("{\"a\":{\"b\":{\"c\":[1, 2]}}}");
    }

    @Test
    void replacingAContainerLaysItOutAtTheValuesIndentation() {
        String text = "{\n  \"p\": null,\n  \"q\": 1\n}";

        String edited = JsonTextEditor.open(FILE, text).set("$.p", "{\"x\":[true,{\"y\":\"z\"}]}").text();

        assertThat(edited).isEqualTo("""
                {
                  "p": {
                    "x": [
                      true,
                      {
                        "y": "z"
                      }
                    ]
                  },
                  "q": 1
                }""");
    }

    @Test
    void aNewValueThatIsNotJsonIsRefusedNamingThePath() {
        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> JsonTextEditor.open(FILE, PIPELINE).set("$.properties.activities[0].policy.retry", "three"));

        assertThat(thrown.problems().get(0).message()).contains("`three`").contains("not one JSON value");
        assertThat(thrown.problems().get(0).jsonPath()).contains("$.properties.activities[0].policy.retry");
        assertThat(thrown.problems().get(0).line()).isEqualTo(10);
    }

    @Test
    void arrayElementsAreNeverInvented() {
        assertThatThrownBy(() -> JsonTextEditor.open(FILE, PIPELINE).set("$.properties.activities[5].policy", "{}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no array element [5]");
    }

    @Test
    void membersCannotBeAddedToAnArrayOrAPlainValue() {
        assertThatThrownBy(() -> JsonTextEditor.open(FILE, PIPELINE).set("$.properties.activities[0].name.first", "1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a plain value, not an object");
        assertThatThrownBy(() -> JsonTextEditor.open(FILE, PIPELINE).set("$.properties.activities.count", "1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is an array, not an object");
    }

    @Test
    void editsChainAndEachKeepsTheRestOfTheText() {
        JsonTextEditor editor = JsonTextEditor.open(FILE, PIPELINE)
                .set("$.properties.activities[0].policy.retry", "3")
                .set("$.properties.activities[0].policy.retry", "1");

        assertThat(editor.text()).isEqualTo(PIPELINE);
    }

    @Test
    void aJsonPathFilterFindsTheConcretePathsOfExistingValues() {
        JsonTextEditor editor = JsonTextEditor.open(FILE, PIPELINE);

        assertThat(editor.matches("$.properties.activities[?(@.name==\"Load\")].policy.retry", MissingLeaf.SKIP))
                .containsExactly(ConcretePath.parse("$.properties.activities[0].policy.retry"));
        assertThat(editor.matches("$.properties.activities[*].policy.retryIntervalInSeconds", MissingLeaf.SKIP))
                .isEmpty();
        assertThat(editor.matches("$.properties.activities[*].policy.retryIntervalInSeconds", MissingLeaf.INSERT))
                .containsExactly(ConcretePath.parse("$.properties.activities[0].policy.retryIntervalInSeconds"));
    }

    @Test
    void settingByJsonPathChangesEveryMatchAndNothingElse() {
        String text = PIPELINE.replace("\"name\": \"Run\",", "\"name\": \"Run\",\n \"policy\": {\"retry\": 0},");

        String edited = JsonTextEditor.open(FILE, text)
                .setAll("$.properties.activities[?(@.type != 'Wait')].policy.retry", "5", MissingLeaf.SKIP)
                .text();

        assertThat(edited).contains("\"retry\": 5,").contains("{\"retry\": 5}");
        assertThat(edited.replace("\"retry\": 5", "")).isEqualTo(
                text.replace("\"retry\": 1", "").replace("\"retry\": 0", ""));
    }

    @Test
    void settingByJsonPathCanAddTheMemberWhereItIsMissing() {
        String edited = JsonTextEditor.open(FILE, PIPELINE)
                .setAll("$.properties.activities[?(@.name=='Load')].policy.retryIntervalInSeconds", "60",
                        MissingLeaf.INSERT)
                .text();

        assertThat(edited).contains("\"secureInput\": false,\n                    \"retryIntervalInSeconds\": 60\n");
    }

    @Test
    void aJsonPathThatMatchesNothingOrIsInvalidIsReported() {
        JsonTextEditor editor = JsonTextEditor.open(FILE, PIPELINE);

        assertThatThrownBy(() -> editor.setAll("$.properties.activities[?(@.name=='Nope')].policy.retry", "1",
                MissingLeaf.SKIP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("matches no value");
        assertThatThrownBy(() -> editor.matches("$.properties.activities[?(@.name==", MissingLeaf.SKIP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a valid JSONPath");
        assertThatThrownBy(() -> editor.matches("$..retry", MissingLeaf.INSERT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scans recursively");
        assertThat(editor.matches("$..retry", MissingLeaf.SKIP)).hasSize(1);
    }

    /** Lines given as (indent, content) pairs, joined with line feeds, so expected layouts are exact. */
    private static String lines(Object... indentAndContent) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < indentAndContent.length; i += 2) {
            out.append(i == 0 ? "" : "\n").append(" ".repeat((Integer) indentAndContent[i]))
                    .append(indentAndContent[i + 1]);
        }
        return out.toString();
    }

    @Test
    void theWholeDocumentCanBeReplaced() {
        assertThat(JsonTextEditor.open(FILE, " 1 ").set("$", "[]").text()).isEqualTo(" [] ");
        assertThat(List.of(JsonTextEditor.open(FILE, "{}").set("$.a", "1").text())).containsExactly("{\"a\": 1}");
    }
}
