package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.crlfLines;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.edit;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.insertAfter;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.lines;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.removeLines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.SparkPoolTarget;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEntry;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEntry;
import org.junit.jupiter.api.Test;

class EntryEditsTest {

    private static final String[] FILE_LINES = {
        "find_replace:",
        "    # Lakehouse GUID",
        "    - find_value: \"db52be81-c2b2-4261-84fa-840c67f4bbd0\"",
        "      replace_value:",
        "          PPE: \"81bbb339-8d0b-46e8-bfa6-289a159c0733\"",
        "          PROD: \"5d6a1b16-447f-464a-b959-45d0fed35ca0\"",
        "      item_type: \"Notebook\"",
        "",
        "    # SQL server",
        "    # (shared by all notebooks)",
        "    - find_value: \"server-dev\"",
        "      replace_value:",
        "          PPE: \"server-ppe\"",
        "          PROD: \"server-prod\"",
        "      # is_regex: \"true\"",
        "",
        "    # Workspace",
        "    - find_value: \"ws-dev\"",
        "      replace_value:",
        "          _ALL_: \"$workspace.$id\"",
        "",
        "# trailing notes",
    };
    private static final String TEXT = lines(FILE_LINES);

    private static <V> Map<String, V> envs(String k1, V v1, String k2, V v2) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static Problem problemOf(String text, ParameterFileEdit edit) {
        try {
            edit(text, edit);
        } catch (InvalidInputException e) {
            return e.problems().get(0);
        }
        throw new AssertionError("expected an InvalidInputException");
    }

    @Test
    void aNewRegexEntryIsAppendedAfterTheLastEntryInTheListsIndentationWithASingleQuotedPattern() {
        NewEntry entry = new NewEntry.FindReplace("\\#\\s*META\\s+\"default_lakehouse\":\\s*\"([0-9a-fA-F-]{36})\"",
                envs("PPE", "$items.Lakehouse.LH_Gold.$id", "PROD", "$items.Lakehouse.LH_Gold.$id"), true, false,
                new EntryFilters(List.of("Notebook"), List.of("NB Load", "NB Transform"), List.of()));

        String out = edit(TEXT, new AddEntry(entry));

        assertThat(out).isEqualTo(lines(insertAfter(FILE_LINES, 20,
                "    - find_value: '\\#\\s*META\\s+\"default_lakehouse\":\\s*\"([0-9a-fA-F-]{36})\"'",
                "      replace_value:",
                "          PPE: \"$items.Lakehouse.LH_Gold.$id\"",
                "          PROD: \"$items.Lakehouse.LH_Gold.$id\"",
                "      is_regex: \"true\"",
                "      item_type: \"Notebook\"",
                "      item_name: [\"NB Load\", \"NB Transform\"]")));
    }

    @Test
    void aMissingParameterIsCreatedAtTheEndOfTheFileAfterABlankLine() {
        NewEntry entry = new NewEntry.KeyValueReplace("$.schedules[?(@.jobType==\"Execute\")].enabled",
                envs("PPE", false, "PROD", true), new EntryFilters(List.of(), List.of(), List.of("**/.schedules")));

        String out = edit(TEXT, new AddEntry(entry));

        assertThat(out).isEqualTo(TEXT + lines(
                "",
                "key_value_replace:",
                "    - find_key: \"$.schedules[?(@.jobType==\\\"Execute\\\")].enabled\"",
                "      replace_value:",
                "          PPE: false",
                "          PROD: true",
                "      file_path: \"**/.schedules\""));
    }

    @Test
    void aSparkPoolEntryIsWrittenWithTypeAndNameLines() {
        NewEntry entry = new NewEntry.SparkPool("72c68dbc-0775-4d59-909d-a47896f4573b",
                Map.of("PROD", new SparkPoolTarget("Capacity", "Pool_L")), List.of("ENV_Spark"));

        String out = edit(lines("find_replace: []", ""), new AddEntry(entry));

        assertThat(out).isEqualTo(lines(
                "find_replace: []",
                "",
                "spark_pool:",
                "  - instance_pool_id: \"72c68dbc-0775-4d59-909d-a47896f4573b\"",
                "    replace_value:",
                "      PROD:",
                "        type: \"Capacity\"",
                "        name: \"Pool_L\"",
                "    item_name: \"ENV_Spark\""));
    }

    @Test
    void anEmptyFileGetsTheParameterWithoutALeadingBlankLine() {
        NewEntry entry = new NewEntry.FindReplace("dev", Map.of("_ALL_", "$workspace.$id"), false, true,
                EntryFilters.none());

        assertThat(edit("", new AddEntry(entry))).isEqualTo(lines(
                "find_replace:",
                "  - find_value: \"dev\"",
                "    replace_value:",
                "      _ALL_: \"$workspace.$id\"",
                "    ignore_case: \"true\""));
    }

    @Test
    void anEntryAppendedToAFlowListIsWrittenAsAFlowMapping() {
        String text = lines("find_replace: [{find_value: a, replace_value: {PROD: b}}]  # one-liner");
        NewEntry entry = new NewEntry.FindReplace("c", Map.of("PROD", "d"), false, false, EntryFilters.none());

        assertThat(edit(text, new AddEntry(entry))).isEqualTo(lines(
                "find_replace: [{find_value: a, replace_value: {PROD: b}}, "
                        + "{find_value: \"c\", replace_value: {PROD: \"d\"}}]  # one-liner"));
    }

    @Test
    void aCrlfFileGetsCrlfLinesForANewEntry() {
        String[] text = {"find_replace:", "- find_value: a", "  replace_value:", "    PROD: b"};
        NewEntry entry = new NewEntry.FindReplace("c", Map.of("PROD", "d"), false, false, EntryFilters.none());

        assertThat(edit(crlfLines(text), new AddEntry(entry))).isEqualTo(crlfLines(insertAfter(text, 4,
                "- find_value: \"c\"", "  replace_value:", "    PROD: \"d\"")));
    }

    @Test
    void newEntriesAreCheckedAgainstFabricCicdsRules() {
        assertThat(problemOf(TEXT, new AddEntry(new NewEntry.FindReplace("x", envs("_ALL_", "a", "PROD", "b"),
                false, false, EntryFilters.none()))).message()).contains("'_ALL_' must be the only key");
        assertThat(problemOf(TEXT, new AddEntry(new NewEntry.FindReplace("x", Map.of("on", "a"),
                false, false, EntryFilters.none()))).message()).contains("'on'", "YAML 1.1");
        assertThat(problemOf(TEXT, new AddEntry(new NewEntry.FindReplace("x", Map.of("prod", "a"),
                false, false, EntryFilters.none()))).message()).contains("differs only by letter case");
        assertThat(problemOf(TEXT, new AddEntry(new NewEntry.FindReplace("", Map.of("PROD", "a"),
                false, false, EntryFilters.none()))).message()).contains("non-empty find_value");
        assertThat(problemOf(TEXT, new AddEntry(new NewEntry.FindReplace("a\nb", Map.of("PROD", "a"),
                true, false, EntryFilters.none()))).message()).contains("single-quoted");
        assertThat(problemOf(TEXT, new AddEntry(new NewEntry.KeyValueReplace("a.b", Map.of("PROD", 1),
                EntryFilters.none()))).message()).contains("starting with '$'");
        assertThat(problemOf(TEXT, new AddEntry(new NewEntry.KeyValueReplace("$.a", envs("PPE", 1, "PROD", "1"),
                EntryFilters.none()))).message()).contains("one value type", "'PROD' would be str");
        assertThat(problemOf(TEXT, new AddEntry(new NewEntry.FindReplace("x", Map.of(),
                false, false, EntryFilters.none()))).message()).contains("at least one environment");
    }

    @Test
    void removingAnEntryRemovesItsLinesTheCommentLinesAboveItAndOneOfTheBlankLinesAroundIt() {
        String out = edit(TEXT, new RemoveEntry(ParameterKind.FIND_REPLACE, 2));

        assertThat(out).isEqualTo(lines(removeLines(FILE_LINES, 9, 16)));
    }

    @Test
    void removingTheFirstEntryKeepsTheParameterKey() {
        String out = edit(TEXT, new RemoveEntry(ParameterKind.FIND_REPLACE, 1));

        assertThat(out).isEqualTo(lines(removeLines(FILE_LINES, 2, 7)));
    }

    @Test
    void removingAnEntryBetweenBlankLinesLeavesOneBlankLine() {
        String out = edit(TEXT, new RemoveEntry(ParameterKind.FIND_REPLACE, 3));

        assertThat(out).isEqualTo(lines(removeLines(FILE_LINES, 17, 21)));
    }

    @Test
    void removingTheOnlyEntryRemovesTheParameter() {
        String[] text = {
            "find_replace:",
            "  - find_value: a",
            "    replace_value: {PROD: b}",
            "spark_pool:  # pools",
            "  - instance_pool_id: p",
            "    replace_value:",
            "      PROD: {type: Capacity, name: P}",
            "# end",
        };

        assertThat(edit(lines(text), new RemoveEntry(ParameterKind.SPARK_POOL, 1)))
                .isEqualTo(lines(removeLines(text, 4, 7)));
    }

    @Test
    void removingAnEntryFromAFlowListRemovesItsPart() {
        String text = lines(
                "find_replace: [{find_value: a, replace_value: {P: b}}, {find_value: c, replace_value: {P: d}}]");

        assertThat(edit(text, new RemoveEntry(ParameterKind.FIND_REPLACE, 2)))
                .isEqualTo(lines("find_replace: [{find_value: a, replace_value: {P: b}}]"));
        assertThat(edit(text, new RemoveEntry(ParameterKind.FIND_REPLACE, 1)))
                .isEqualTo(lines("find_replace: [{find_value: c, replace_value: {P: d}}]"));
    }

    @Test
    void removingAnEntryOutOfRangeNamesHowManyEntriesExist() {
        Problem problem = problemOf(TEXT, new RemoveEntry(ParameterKind.FIND_REPLACE, 7));

        assertThat(problem.message()).contains("find_replace has 3 entries", "from 1 to 3");
        assertThat(problem.line()).isEqualTo(1);
    }

    @Test
    void entryEditsAreRefusedWhenTheParameterAppearsTwice() {
        String text = lines("find_replace:", "  - find_value: a", "    replace_value: {P: b}",
                "find_replace:", "  - find_value: c", "    replace_value: {P: d}");

        Problem problem = problemOf(text, new RemoveEntry(ParameterKind.FIND_REPLACE, 1));

        assertThat(problem.message()).contains("appears 2 times", "merge");
        assertThat(problem.line()).isEqualTo(4);
    }
}
