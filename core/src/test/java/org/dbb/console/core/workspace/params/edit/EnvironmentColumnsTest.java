package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.edit;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.insertAfter;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.lines;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.removeLines;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.replaceLine;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.run;

import java.util.Optional;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEnvironment;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEnvironment;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RenameEnvironment;
import org.junit.jupiter.api.Test;

class EnvironmentColumnsTest {

    private static final String[] FILE_LINES = {
        "find_replace:",
        "  - find_value: \"db52be81-c2b2-4261-84fa-840c67f4bbd0\"",
        "    replace_value:",
        "      TEST: \"81bbb339-8d0b-46e8-bfa6-289a159c0733\"  # test lakehouse",
        "      PROD: \"5d6a1b16-447f-464a-b959-45d0fed35ca0\"  # prod lakehouse",
        "    item_type: \"Notebook\"",
        "  - find_value: \"server-dev\"",
        "    replace_value: {TEST: server-test, PROD: server-prod}",
        "  - find_value: \"ws-dev\"",
        "    replace_value:",
        "      _ALL_: \"$workspace.$id\"",
        "key_value_replace:",
        "  - find_key: $.a",
        "    replace_value:",
        "      TEST: false",
        "      PROD: true",
        "spark_pool:",
        "  - instance_pool_id: \"pool-1\"",
        "    replace_value:",
        "      TEST:",
        "        type: Workspace",
        "        name: Pool_S",
        "      PROD:",
        "        type: Capacity",
        "        name: Pool_L",
        "semantic_model_binding:",
        "  default:",
        "    connection_id:",
        "      TEST: \"76e05dfe-9855-4e3d-a410-1dda048dbe99\"",
        "      PROD: \"c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f\"",
        "  models:",
        "    - semantic_model_name: SM_Sales",
        "      connection_id: {PROD: \"f96870d5-5f86-49ad-bf41-5967fd7c1c6d\"}",
    };
    private static final String TEXT = lines(FILE_LINES);

    private static Problem problemOf(ParameterFileEdit edit, String text) {
        try {
            edit(text, edit);
        } catch (InvalidInputException e) {
            return e.problems().get(0);
        }
        throw new AssertionError("expected an InvalidInputException");
    }

    @Test
    void addingAnEnvironmentCopiesTheSourceValueTextIntoEveryEntryInEachEntrysStyle() {
        EditResult result = run(TEXT, AddEnvironment.copying("UAT", "PROD"));

        String[] expected = replaceLine(FILE_LINES, 33,
                "      connection_id: {PROD: \"f96870d5-5f86-49ad-bf41-5967fd7c1c6d\", "
                        + "UAT: \"f96870d5-5f86-49ad-bf41-5967fd7c1c6d\"}");
        expected = insertAfter(expected, 30, "      UAT: \"c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f\"");
        expected = insertAfter(expected, 25, "      UAT:", "        type: Capacity", "        name: Pool_L");
        expected = insertAfter(expected, 16, "      UAT: true");
        expected = replaceLine(expected, 8,
                "    replace_value: {TEST: server-test, PROD: server-prod, UAT: server-prod}");
        expected = insertAfter(expected, 5, "      UAT: \"5d6a1b16-447f-464a-b959-45d0fed35ca0\"");
        assertThat(result.file().text()).isEqualTo(lines(expected));
    }

    @Test
    void addingAnEnvironmentLeavesEntriesUsingAllAloneAndSaysSo() {
        EditResult result = run(TEXT, AddEnvironment.copying("UAT", "PROD"));

        assertThat(result.notes()).singleElement().satisfies(note -> {
            assertThat(note.isError()).isFalse();
            assertThat(note.message()).contains("find_replace entry 3", "_ALL_", "left unchanged");
            assertThat(note.line()).isEqualTo(11);
        });
    }

    @Test
    void addingAnEnvironmentWithAValueRendersItInTheNeighboursStyle() {
        String[] findOnly = {
            "find_replace:",
            "  - find_value: a",
            "    replace_value:",
            "      'TEST': 'a-test'",
            "  - find_value: b",
            "    replace_value: {\"TEST\": \"b-test\"}",
        };

        String out = edit(lines(findOnly), AddEnvironment.withValue("UAT", "x-uat"));

        String[] expected = replaceLine(findOnly, 6, "    replace_value: {\"TEST\": \"b-test\", \"UAT\": \"x-uat\"}");
        expected = insertAfter(expected, 4, "      'UAT': 'x-uat'");
        assertThat(out).isEqualTo(lines(expected));
    }

    @Test
    void entriesWithoutTheSourceEnvironmentGetTheFallbackValue() {
        String[] text = {
            "find_replace:",
            "  - find_value: a",
            "    replace_value:",
            "      PROD: a-prod",
            "  - find_value: b",
            "    replace_value:",
            "      TEST: b-test",
        };

        String out = edit(lines(text), new AddEnvironment("UAT", Optional.of("PROD"), Optional.of("tbd")));

        assertThat(out).isEqualTo(lines(insertAfter(insertAfter(text, 7, "      UAT: tbd"), 4, "      UAT: a-prod")));
    }

    @Test
    void entriesWithoutTheSourceEnvironmentAndNoFallbackAreLeftAloneWithANote() {
        String[] text = {
            "find_replace:",
            "  - find_value: a",
            "    replace_value:",
            "      PROD: a-prod",
            "  - find_value: b",
            "    replace_value:",
            "      TEST: b-test",
        };

        EditResult result = run(lines(text), AddEnvironment.copying("UAT", "PROD"));

        assertThat(result.file().text()).isEqualTo(lines(insertAfter(text, 4, "      UAT: a-prod")));
        assertThat(result.notes()).singleElement()
                .satisfies(note -> assertThat(note.message()).contains("find_replace entry 2", "no 'PROD'"));
    }

    @Test
    void aValueThatDoesNotSuitAnEntryIsRefusedBeforeAnythingChanges() {
        Problem problem = problemOf(AddEnvironment.withValue("UAT", "x"), TEXT);

        assertThat(problem.message()).contains("key_value_replace entry 1", "one value type");
    }

    @Test
    void addingAYamlBooleanWordAsEnvironmentIsRefused() {
        Problem problem = problemOf(AddEnvironment.copying("Off", "PROD"), TEXT);

        assertThat(problem.message()).contains("'Off'", "YAML 1.1");
    }

    @Test
    void addingANameThatDiffersOnlyByCaseIsRefused() {
        Problem problem = problemOf(AddEnvironment.copying("test", "PROD"), TEXT);

        assertThat(problem.message()).contains("'test'", "'TEST'", "differs only by letter case");
    }

    @Test
    void copyingFromAnUnknownEnvironmentIsRefused() {
        Problem problem = problemOf(AddEnvironment.copying("UAT", "PPE"), TEXT);

        assertThat(problem.message()).contains("'PPE'", "[TEST, PROD]");
    }

    @Test
    void removingAnEnvironmentDeletesItsLinesWithTheirCommentAndItsFlowPart() {
        String out = edit(TEXT, new RemoveEnvironment("TEST"));

        String[] expected = removeLines(FILE_LINES, 29, 29);
        expected = removeLines(expected, 20, 22);
        expected = removeLines(expected, 15, 15);
        expected = replaceLine(expected, 8, "    replace_value: {PROD: server-prod}");
        expected = removeLines(expected, 4, 4);
        assertThat(out).isEqualTo(lines(expected));
    }

    @Test
    void removingTheLastKeyOfAFlowMappingDropsTheCommaBeforeIt() {
        String[] text = {"find_replace:", "  - find_value: a", "    replace_value: {TEST: t, PROD: p}  # both"};

        String out = edit(lines(text), new RemoveEnvironment("PROD"));

        assertThat(out).isEqualTo(lines(replaceLine(text, 3, "    replace_value: {TEST: t}  # both")));
    }

    @Test
    void removingTheLastLineOfAFileWithoutFinalBreakKeepsTheFileWithoutOne() {
        String text = "find_replace:\n  - find_value: a\n    replace_value:\n      TEST: t\n      PROD: p";

        assertThat(edit(text, new RemoveEnvironment("PROD")))
                .isEqualTo("find_replace:\n  - find_value: a\n    replace_value:\n      TEST: t");
    }

    @Test
    void removingAnEnvironmentThatWouldLeaveAnEntryEmptyIsRefused() {
        Problem problem = problemOf(new RemoveEnvironment("PROD"), TEXT);

        assertThat(problem.message()).contains("semantic_model_binding models entry 1 connection_id",
                "no environment");
        assertThat(problem.line()).isEqualTo(33);
    }

    @Test
    void removingAnEnvironmentNoEntryHasIsRefusedWithTheKnownNames() {
        Problem problem = problemOf(new RemoveEnvironment("prod"), TEXT);

        assertThat(problem.message()).contains("'prod'", "case-sensitive", "[TEST, PROD]");
    }

    @Test
    void renamingAnEnvironmentRenamesEveryKeyAndKeepsEachKeysQuoting() {
        String[] text = {
            "find_replace:",
            "  - find_value: a",
            "    replace_value:",
            "      \"PROD\": a-prod  # quoted key",
            "  - find_value: b",
            "    replace_value: {TEST: b, PROD: b-prod}",
            "spark_pool:",
            "  - instance_pool_id: p",
            "    replace_value:",
            "      'PROD': {type: Capacity, name: P}",
        };

        String out = edit(lines(text), new RenameEnvironment("PROD", "PRD"));

        String[] expected = replaceLine(text, 4, "      \"PRD\": a-prod  # quoted key");
        expected = replaceLine(expected, 6, "    replace_value: {TEST: b, PRD: b-prod}");
        expected = replaceLine(expected, 10, "      'PRD': {type: Capacity, name: P}");
        assertThat(out).isEqualTo(lines(expected));
    }

    @Test
    void renamingOnlyTheLetterCaseOfAnEnvironmentIsAllowed() {
        String out = edit(TEXT, new RenameEnvironment("PROD", "Prod"));

        assertThat(out).isEqualTo(TEXT.replace("PROD:", "Prod:"));
    }

    @Test
    void renamingOntoAnExistingEnvironmentIsRefused() {
        assertThat(problemOf(new RenameEnvironment("PROD", "TEST"), TEXT).message()).contains("'TEST' already exists");
        assertThat(problemOf(new RenameEnvironment("PROD", "test"), TEXT).message())
                .contains("differs only by letter case");
        assertThat(problemOf(new RenameEnvironment("PROD", "yes"), TEXT).message()).contains("YAML 1.1");
        assertThat(problemOf(new RenameEnvironment("UAT", "QA"), TEXT).message()).contains("no entry has");
    }

    @Test
    void aCrlfFileGetsCrlfLinesAndRemovingThemRestoresItExactly() {
        String crlf = EditTestSupport.crlfLines(FILE_LINES);

        String added = edit(crlf, AddEnvironment.copying("UAT", "TEST"));

        assertThat(added)
                .contains("# prod lakehouse\r\n      UAT: \"81bbb339-8d0b-46e8-bfa6-289a159c0733\"\r\n    item_type")
                .contains("      UAT: false\r\n");
        assertThat(added.replace("\r\n", "")).doesNotContain("\n");
        assertThat(edit(added, new RemoveEnvironment("UAT"))).isEqualTo(crlf);
    }

    @Test
    void anAddEnvironmentNeedsASourceOrAValue() {
        assertThatThrownBy(() -> new AddEnvironment("UAT", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
