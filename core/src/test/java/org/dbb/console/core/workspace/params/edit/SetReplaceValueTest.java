package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.FILE;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.crlfLines;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.edit;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.insertAfter;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.lines;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.replaceLine;

import java.util.List;
import java.util.Map;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.SparkPoolTarget;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.SetReplaceValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetReplaceValueTest {

    private static final String[] FILE_LINES = {
        "# Connections per stage",
        "find_replace:",
        "  # Lakehouse GUID",
        "  - find_value: \"db52be81-c2b2-4261-84fa-840c67f4bbd0\"",
        "    replace_value:",
        "      TEST: \"81bbb339-8d0b-46e8-bfa6-289a159c0733\"  # test lakehouse",
        "      PROD: '5d6a1b16-447f-464a-b959-45d0fed35ca0'",
        "    item_type: \"Notebook\"",
        "",
        "  - find_value: \"server-dev\"",
        "    replace_value: {TEST: server-test, PROD: \"server-prod\"}",
        "  - find_value: \"ws-dev\"",
        "    replace_value:",
        "      _all_: \"$workspace.$id\"",
        "",
        "key_value_replace:",
        "  - find_key: $.schedules[?(@.jobType==\"Execute\")].enabled",
        "    replace_value:",
        "      TEST: false",
        "      PROD: true",
        "    file_path: \"**/.schedules\"",
        "  - find_key: $.properties.parameters.Server.defaultValue",
        "    replace_value:",
        "      TEST: sql-test",
        "",
        "spark_pool:",
        "  - instance_pool_id: \"72c68dbc-0775-4d59-909d-a47896f4573b\"",
        "    replace_value:",
        "      TEST:",
        "        type: \"Workspace\"",
        "        name: \"Pool_S\"",
        "      PROD: {type: Capacity, name: \"Pool_L\"}",
    };
    private static final String TEXT = lines(FILE_LINES);

    private static SetReplaceValue set(ParameterKind kind, int entry, String env, Object value) {
        return new SetReplaceValue(kind, entry, env, value);
    }

    private static Problem problemOf(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("expected an InvalidInputException");
    }

    @Test
    void replacingADoubleQuotedValueChangesOnlyThatValueAndKeepsTheLinesComment() {
        String out = edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, "TEST", "$items.Lakehouse.LH_Gold.$id"));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 6,
                "      TEST: \"$items.Lakehouse.LH_Gold.$id\"  # test lakehouse")));
    }

    @Test
    void replacingASingleQuotedValueKeepsSingleQuotes() {
        String out = edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, "PROD", "it's prod"));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 7, "      PROD: 'it''s prod'")));
    }

    @Test
    void aMissingEnvironmentIsInsertedAfterTheLastEnvironmentWithItsIndentationAndQuoting() {
        String out = edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, "UAT", "uat-lakehouse"));

        assertThat(out).isEqualTo(lines(insertAfter(FILE_LINES, 7, "      UAT: 'uat-lakehouse'")));
    }

    @Test
    void aFlowMappingValueIsReplacedInPlaceKeepingPlainStyleWherePossible() {
        String out = edit(TEXT, set(ParameterKind.FIND_REPLACE, 2, "TEST", "server-test-2"));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 11,
                "    replace_value: {TEST: server-test-2, PROD: \"server-prod\"}")));
    }

    @Test
    void aMissingEnvironmentIsAppendedToAFlowMapping() {
        String out = edit(TEXT, set(ParameterKind.FIND_REPLACE, 2, "UAT", "server-uat"));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 11,
                "    replace_value: {TEST: server-test, PROD: \"server-prod\", UAT: \"server-uat\"}")));
    }

    @Test
    void aPlainValueIsQuotedWhenYamlWouldReadTheNewTextAsSomethingElse() {
        String out = edit(TEXT, set(ParameterKind.FIND_REPLACE, 2, "TEST", "yes"));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 11,
                "    replace_value: {TEST: \"yes\", PROD: \"server-prod\"}")));
    }

    @Test
    void aGuidReplacingAPlainValueIsQuoted() {
        String out = edit(TEXT,
                set(ParameterKind.KEY_VALUE_REPLACE, 2, "TEST", "c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f"));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 24,
                "      TEST: \"c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f\"")));
    }

    @Test
    void escapesQuotesAndBackslashesInDoubleQuotedText() {
        String out = edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, "TEST", "C:\\data \"raw\""));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 6,
                "      TEST: \"C:\\\\data \\\"raw\\\"\"  # test lakehouse")));
    }

    @Test
    void settingAnotherEnvironmentBesideAllIsRefusedBecauseAllMustBeAlone() {
        Problem problem = problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 3, "PROD", "x")));

        assertThat(problem.message()).contains("'_ALL_'", "must be the only key", "find_replace entry 3");
        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(14);
        assertThat(problem.column()).isEqualTo(7);
    }

    @Test
    void theAllKeyItselfCanBeSetInAnyLetterCaseKeepingTheFilesSpelling() {
        assertThat(edit(TEXT, set(ParameterKind.FIND_REPLACE, 3, "_ALL_", "x")))
                .isEqualTo(lines(replaceLine(FILE_LINES, 14, "      _all_: \"x\"")));
        assertThat(edit(TEXT, set(ParameterKind.FIND_REPLACE, 3, "_all_", "$workspace.$name")))
                .isEqualTo(lines(replaceLine(FILE_LINES, 14, "      _all_: \"$workspace.$name\"")));
    }

    @Test
    void settingAllBesideOtherEnvironmentsIsRefused() {
        Problem problem = problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, "_ALL_", "x")));

        assertThat(problem.message()).contains("'_ALL_' must be the only key", "[TEST, PROD]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "Yes", "NO", "off", "TRUE", "y", "N", "null", "Null", "~", "123", "0x1F", "1.5"})
    void environmentNamesThatYamlReadsAsBooleansNullOrNumbersAreRefused(String name) {
        Problem problem = problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, name, "x")));

        assertThat(problem.message()).contains("'" + name + "'", "YAML 1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my env", "-PROD", "PROD:", "prod.eu", "1st"})
    void environmentNamesOutsideTheSafeShapeAreRefused(String name) {
        Problem problem = problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, name, "x")));

        assertThat(problem.message()).containsAnyOf("is not allowed", "YAML 1.1");
    }

    @Test
    void anEnvironmentNameDifferingOnlyByCaseFromAnExistingOneIsRefused() {
        Problem problem = problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 2, "prod", "x")));

        assertThat(problem.message()).contains("'prod'", "differs only by letter case", "'PROD'");
    }

    @Test
    void keyValueBooleansAreWrittenBare() {
        String out = edit(TEXT, set(ParameterKind.KEY_VALUE_REPLACE, 1, "PROD", false));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 20, "      PROD: false")));
    }

    @Test
    void commandLineTextIsReadAsAYamlFlowValue() {
        Object value = CommandLineValue.parse(FILE, "false");
        String out = edit(TEXT, set(ParameterKind.KEY_VALUE_REPLACE, 1, "UAT", value));

        assertThat(out).isEqualTo(lines(insertAfter(FILE_LINES, 20, "      UAT: false")));
    }

    @Test
    void aKeyValueValueOfAnotherTypeThanTheEntrysOtherValuesIsRefused() {
        Problem problem = problemOf(() -> edit(TEXT, set(ParameterKind.KEY_VALUE_REPLACE, 1, "PROD", "true")));

        assertThat(problem.message()).contains("one value type", "'PROD' would be str", "'TEST' is bool");
        assertThat(problem.line()).isEqualTo(19);
    }

    @Test
    void aKeyValueListOrMapIsWrittenAsFlowYaml() {
        String out = edit(TEXT, set(ParameterKind.KEY_VALUE_REPLACE, 2, "TEST",
                CommandLineValue.parse(FILE, "[sql-a, 42, {port: 1433, tls: true}]")));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 24,
                "      TEST: [\"sql-a\", 42, {port: 1433, tls: true}]")));
    }

    @Test
    void numbersAreWrittenSoThatYaml11ReadsThemBackAsNumbers() {
        assertThat(edit(TEXT, set(ParameterKind.KEY_VALUE_REPLACE, 2, "TEST", 1.0E10)))
                .isEqualTo(lines(replaceLine(FILE_LINES, 24, "      TEST: 10000000000.0")));
        assertThat(edit(TEXT, set(ParameterKind.KEY_VALUE_REPLACE, 2, "TEST", 42L)))
                .isEqualTo(lines(replaceLine(FILE_LINES, 24, "      TEST: 42")));
    }

    @Test
    void aSparkPoolWrittenAsTypeAndNameLinesKeepsItsLayout() {
        String out = edit(TEXT, set(ParameterKind.SPARK_POOL, 1, "TEST",
                new SparkPoolTarget("Capacity", "Pool_M")));

        String[] expected = replaceLine(replaceLine(FILE_LINES, 30, "        type: \"Capacity\""), 31,
                "        name: \"Pool_M\"");
        assertThat(out).isEqualTo(lines(expected));
    }

    @Test
    void aSparkPoolInFlowStyleChangesOnlyTheChangedName() {
        String out = edit(TEXT, set(ParameterKind.SPARK_POOL, 1, "PROD",
                Map.of("type", "Capacity", "name", "Pool_XL")));

        assertThat(out).isEqualTo(lines(replaceLine(FILE_LINES, 32,
                "      PROD: {type: Capacity, name: \"Pool_XL\"}")));
    }

    @Test
    void aNewSparkPoolEnvironmentFollowsABlockNeighboursLayout() {
        String[] pool = {
            "spark_pool:",
            "  - instance_pool_id: \"72c68dbc-0775-4d59-909d-a47896f4573b\"",
            "    replace_value:",
            "      PROD:",
            "         type: Capacity",
            "         name: \"CapacityPool_Large\"",
            "    item_name: \"ENV_Spark\"",
        };
        String out = edit(lines(pool), set(ParameterKind.SPARK_POOL, 1, "UAT",
                new SparkPoolTarget("Workspace", "Pool_S")));

        assertThat(out).isEqualTo(lines(insertAfter(pool, 6,
                "      UAT:", "         type: Workspace", "         name: \"Pool_S\"")));
    }

    @Test
    void aSparkPoolTypeOtherThanCapacityOrWorkspaceIsRefused() {
        Problem problem = problemOf(() -> edit(TEXT, set(ParameterKind.SPARK_POOL, 1, "PROD",
                CommandLineValue.parse(FILE, "{type: capacity, name: P}"))));

        assertThat(problem.message()).contains("Capacity or Workspace");
    }

    @Test
    void findReplaceValuesMustBeNonEmptyText() {
        assertThat(problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, "TEST", ""))).message())
                .contains("non-empty text");
        assertThat(problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 1, "TEST", 5))).message())
                .contains("non-empty text", "Integer 5");
    }

    @Test
    void anEntryNumberOutOfRangeNamesHowManyEntriesExist() {
        Problem problem = problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 4, "TEST", "x")));

        assertThat(problem.message()).contains("find_replace has 3 entries", "from 1 to 3");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problemOf(() -> edit(TEXT, set(ParameterKind.FIND_REPLACE, 0, "TEST", "x"))).message())
                .contains("from 1 to 3");
    }

    @Test
    void anUnknownParameterKindIsRefusedWithTheKnownKinds() {
        Problem problem = problemOf(() -> EditableKinds.fromKey("find_and_replace", FILE));

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.message()).contains("find_and_replace", "find_replace, key_value_replace, spark_pool");
        assertThat(EditableKinds.fromKey("spark_pool", FILE)).isEqualTo(ParameterKind.SPARK_POOL);
    }

    @Test
    void semanticModelBindingEntriesAreNotEditedByNumber() {
        assertThat(problemOf(() -> EditableKinds.fromKey("semantic_model_binding", FILE)).message())
                .contains("editing semantic_model_binding entries is not supported",
                        "find_replace, key_value_replace, spark_pool");
        assertThat(problemOf(() -> edit(TEXT, set(ParameterKind.SEMANTIC_MODEL_BINDING, 1, "PROD", "x"))).message())
                .contains("editing semantic_model_binding entries is not supported");
    }

    @Test
    void aSparkPoolTargetWithAnUnknownTypeOrBlankNameIsRefused() {
        assertThat(problemOf(() -> edit(TEXT, set(ParameterKind.SPARK_POOL, 1, "PROD",
                new SparkPoolTarget("capacity", "P")))).message()).contains("Capacity or Workspace");
        assertThat(problemOf(() -> edit(TEXT, set(ParameterKind.SPARK_POOL, 1, "PROD",
                new SparkPoolTarget("Capacity", " ")))).message()).contains("name must be non-empty text");
    }

    @Test
    void aMissingParameterIsReported() {
        Problem problem = problemOf(() -> edit(lines("spark_pool: []"), set(ParameterKind.FIND_REPLACE, 1, "A", "x")));

        assertThat(problem.message()).contains("no find_replace parameter");
    }

    @Test
    void malformedYamlIsReportedWithLineAndColumn() {
        String broken = lines("find_replace:", "  - find_value: \"x", "    replace_value:");

        Problem problem = problemOf(() -> edit(broken, set(ParameterKind.FIND_REPLACE, 1, "TEST", "x")));

        assertThat(problem.message()).contains("not valid YAML");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(1);
    }

    @Test
    void aCrlfFileStaysCrlfIncludingInsertedLines() {
        String out = edit(crlfLines(FILE_LINES), set(ParameterKind.FIND_REPLACE, 1, "UAT", "u"));

        assertThat(out).isEqualTo(crlfLines(insertAfter(FILE_LINES, 7, "      UAT: 'u'")));
    }

    @Test
    void aFileWithoutAFinalLineBreakKeepsEndingWithoutOne() {
        String[] noBreak = {"key_value_replace:", "  - find_key: $.a", "    replace_value:", "      TEST: 1"};
        String text = String.join("\n", noBreak);

        String out = edit(text, set(ParameterKind.KEY_VALUE_REPLACE, 1, "PROD", 2));

        assertThat(out).isEqualTo(text + "\n      PROD: 2");
    }

    @Test
    void aByteOrderMarkIsKept() {
        TextFile withBom = new TextFile(FILE, true, TEXT);

        EditResult result = new ParameterFileEditor().edit(withBom,
                set(ParameterKind.FIND_REPLACE, 1, "PROD", "p"));

        assertThat(result.file().bom()).isTrue();
        assertThat(result.changed()).isTrue();
        assertThat(result.file().text()).isEqualTo(lines(replaceLine(FILE_LINES, 7, "      PROD: 'p'")));
    }

    @Test
    void settingTheValueAlreadyThereReportsNoChange() {
        EditResult result = EditTestSupport.run(TEXT, set(ParameterKind.SPARK_POOL, 1, "TEST",
                new SparkPoolTarget("Workspace", "Pool_S")));

        assertThat(result.changed()).isFalse();
        assertThat(result.file().text()).isEqualTo(TEXT);
        assertThat(result.notes()).isEqualTo(List.of());
    }

    @Test
    void anEditThatWouldAlsoChangeOtherDataIsRefusedInsteadOfWritten() {
        // Both entries share one mapping through an anchor, so changing it in place would change entry 2 as well.
        String shared = lines("find_replace:", "  - find_value: a", "    replace_value: &envs", "      PROD: \"x\"",
                "  - find_value: b", "    replace_value: *envs");

        Problem problem = problemOf(() -> edit(shared, set(ParameterKind.FIND_REPLACE, 1, "PROD", "z")));

        assertThat(problem.message()).contains("cannot make this change safely", "other data", "not changed");
    }

    @Test
    void aValueThatIsAnAliasIsRefused() {
        String aliased = lines("find_replace:", "  - find_value: a", "    replace_value:", "      PROD: &p \"x\"",
                "      TEST: *p");

        Problem problem = problemOf(() -> edit(aliased, set(ParameterKind.FIND_REPLACE, 1, "TEST", "z")));

        assertThat(problem.message()).contains("alias");
        assertThat(problem.line()).isEqualTo(5);
    }

    @Test
    void anEntryWithoutAReplaceValueMappingIsReported() {
        String text = lines("find_replace:", "  - find_value: x", "    replace_value:");

        assertThatThrownBy(() -> edit(text, set(ParameterKind.FIND_REPLACE, 1, "PROD", "p")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("find_replace entry 1 has no replace_value mapping");
    }
}
