package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.FILE;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.lines;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.ParameterValidation;

class ParameterMatrixReaderTest {

    private static final String TEXT = lines(
            "find_replace:",
            "  - find_value: '\\#\\s*META\\s+\"default_lakehouse\":\\s*\"([0-9a-fA-F-]{36})\"'",
            "    replace_value:",
            "      TEST: \"$items.Lakehouse.LH_Gold.$id\"",
            "      PROD: \"$items.Lakehouse.LH_Gold.$id\"",
            "    is_regex: \"true\"",
            "    item_type: Notebook",
            "  - find_value: ws-dev",
            "    replace_value:",
            "      _ALL_: \"$workspace.$id\"",
            "key_value_replace:",
            "  - find_key: $.schedules[0].enabled",
            "    replace_value: {TEST: false, PROD: true}",
            "  - find_key: $.a",
            "    replace_value: {TEST: \"true\", PROD: 'x y'}",
            "spark_pool:",
            "  - instance_pool_id: \"72c68dbc-0775-4d59-909d-a47896f4573b\"",
            "    replace_value:",
            "      UAT: {type: Workspace, name: Pool_S}",
            "semantic_model_binding:",
            "  default:",
            "    connection_id:",
            "      TEST: \"c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f\"",
            "  models:",
            "    - semantic_model_name: [SM_Sales, SM_Finance]",
            "      connection_id:",
            "        PROD: [\"a1b2c3d4-5678-90ab-cdef-1234567890ab\"]");

    private final ParameterMatrixReader reader = new ParameterMatrixReader();

    @Test
    void readsEveryEntryAsARowWithItsEnvironmentValues() {
        ParameterMatrix matrix = reader.read(new TextFile(FILE, false, TEXT));

        assertThat(matrix.environments()).containsExactly("TEST", "PROD", "UAT");
        assertThat(matrix.rows()).extracting(MatrixRow::kind, MatrixRow::number).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ParameterKind.FIND_REPLACE, 1),
                org.assertj.core.groups.Tuple.tuple(ParameterKind.FIND_REPLACE, 2),
                org.assertj.core.groups.Tuple.tuple(ParameterKind.KEY_VALUE_REPLACE, 1),
                org.assertj.core.groups.Tuple.tuple(ParameterKind.KEY_VALUE_REPLACE, 2),
                org.assertj.core.groups.Tuple.tuple(ParameterKind.SPARK_POOL, 1),
                org.assertj.core.groups.Tuple.tuple(ParameterKind.SEMANTIC_MODEL_BINDING, 0),
                org.assertj.core.groups.Tuple.tuple(ParameterKind.SEMANTIC_MODEL_BINDING, 1));
        MatrixRow regex = matrix.rows().get(0);
        assertThat(regex.label()).startsWith("\\#\\s*META");
        assertThat(regex.detail()).isEqualTo("regex · item_type: Notebook");
        assertThat(regex.line()).isEqualTo(2);
        assertThat(regex.editable()).isTrue();
        assertThat(matrix.rows().get(1).usesAll()).isTrue();
        assertThat(matrix.rows().get(1).allCell().orElseThrow().editText()).isEqualTo("$workspace.$id");
    }

    @Test
    void editTextsReadBackAsTheValueTheyShow() {
        ParameterMatrix matrix = reader.read(new TextFile(FILE, false, TEXT));

        MatrixRow booleans = matrix.rows().get(2);
        assertThat(booleans.cell("TEST").orElseThrow().value()).isEqualTo(false);
        assertThat(booleans.cell("TEST").orElseThrow().pythonType()).isEqualTo("bool");
        assertThat(booleans.cell("TEST").orElseThrow().editText()).isEqualTo("false");
        MatrixRow texts = matrix.rows().get(3);
        assertThat(texts.cell("TEST").orElseThrow().editText()).isEqualTo("\"true\"");
        assertThat(texts.cell("PROD").orElseThrow().editText()).isEqualTo("x y");
        assertThat(matrix.rows().get(4).cell("UAT").orElseThrow().editText())
                .isEqualTo("{type: Workspace, name: Pool_S}");
        assertThat(matrix.rows().get(6).label()).isEqualTo("SM_Sales, SM_Finance");
        assertThat(matrix.rows().get(6).cell("PROD").orElseThrow().editText())
                .isEqualTo("[a1b2c3d4-5678-90ab-cdef-1234567890ab]");
    }

    @Test
    void keepsIntegersAsPythonInts() {
        ParameterMatrix matrix = reader.read(new TextFile(FILE, false, lines("key_value_replace:",
                "  - find_key: $.n", "    replace_value: {A: 3}")));

        assertThat(matrix.rows().get(0).cell("A").orElseThrow().value()).isEqualTo(BigInteger.valueOf(3));
        assertThat(matrix.rows().get(0).cell("A").orElseThrow().pythonType()).isEqualTo("int");
    }

    @Test
    void refusesTextThatIsNotYamlWithItsPosition() {
        assertThatThrownBy(() -> reader.read(new TextFile(FILE, false, lines("find_replace:", "  - a: [1,"))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).line()).isPositive());
    }

    @Test
    void showsTemplateEntriesReadOnlyWithTheirFile(@TempDir Path dir) throws IOException {
        Path main = dir.resolve("parameter.yml");
        Files.writeString(main, lines("extend:", "  - ./templates/nb.yml", "  - ./missing.yml",
                "find_replace:", "  - find_value: a", "    replace_value: {TEST: b}"), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/nb.yml"), lines("find_replace:", "  - find_value: c",
                "    replace_value: {QA: d}"), StandardCharsets.UTF_8);

        ParameterMatrix matrix = reader.readWithTemplates(TextFile.read(main));

        assertThat(matrix.rows()).hasSize(2);
        assertThat(matrix.rows().get(1).template()).isTrue();
        assertThat(matrix.rows().get(1).editable()).isFalse();
        assertThat(matrix.rows().get(1).source()).isEqualTo(dir.resolve("templates/nb.yml"));
        assertThat(matrix.environments()).containsExactly("TEST", "QA");
        assertThat(matrix.notes()).singleElement().satisfies(n -> assertThat(n.message()).contains("missing.yml"));
    }

    @Test
    void setsASemanticModelConnectionAndKeepsOtherBytes() {
        String edited = EditTestSupport.edit(TEXT, new ParameterFileEdit.SetConnection(0, "PROD",
                "eb143407-e465-4459-a7b3-e07581029c79"));

        assertThat(edited).isEqualTo(TEXT.replace("      TEST: \"c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f\"\n",
                "      TEST: \"c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f\"\n"
                        + "      PROD: \"eb143407-e465-4459-a7b3-e07581029c79\"\n"));
    }

    @Test
    void refusesAConnectionThatIsNotAGuid() {
        assertThatThrownBy(() -> EditTestSupport.edit(TEXT, new ParameterFileEdit.SetConnection(1, "PROD",
                "not-a-guid"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("GUID");
    }

    @Test
    void aHandEditDraftLetsTheValidatorWordWhatTheEditorRefuses() {
        TextFile file = new TextFile(FILE, false, TEXT);
        HandEditDraft drafts = new HandEditDraft();

        String renamed = drafts.draft(file, new ParameterFileEdit.RenameEnvironment("TEST", "yes")).orElseThrow();
        String mistyped = drafts.draft(file, new ParameterFileEdit.SetReplaceValue(ParameterKind.KEY_VALUE_REPLACE,
                1, "PROD", "on")).orElseThrow();

        ParameterFileValidator validator = new ParameterFileValidator();
        ParameterValidation yes = validator.validate(FILE, renamed, Optional.empty(), Optional.empty());
        ParameterValidation type = validator.validate(FILE, mistyped, Optional.empty(), Optional.empty());
        assertThat(renamed).contains("      yes: \"$items.Lakehouse.LH_Gold.$id\"");
        assertThat(yes.firstError().orElseThrow().message()).contains("is a YAML bool, not a string");
        assertThat(type.firstError().orElseThrow().message()).startsWith(
                "Inconsistent data types in key_value_replace replace_value");
    }

    @Test
    void noDraftForAnEntryThatDoesNotExist() {
        assertThat(new HandEditDraft().draft(new TextFile(FILE, false, TEXT), new ParameterFileEdit.SetReplaceValue(
                ParameterKind.FIND_REPLACE, 9, "PROD", "x"))).isEmpty();
    }
}
