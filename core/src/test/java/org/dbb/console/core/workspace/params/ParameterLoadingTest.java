package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.dbb.console.core.problem.Problem;

/** Loading: PyYAML typing, PyYAML's error texts, fabric-cicd's duplicate-key rule and its empty-file cases. */
class ParameterLoadingTest {

    private final ParameterYaml yaml = ParameterYaml.inMemory();

    @Test
    void emptyFileIsRefusedWithYamlContentIsEmpty() {
        ParameterValidation v = yaml.forEnvironment("PPE", "  \n\t\n");

        assertThat(v.valid()).isFalse();
        assertThat(ParameterYaml.firstError(v)).startsWith("Error loading parameter.yml 'YAML content is empty'");
        assertThat(v.firstError().orElseThrow().line()).isZero();
    }

    @Test
    void commentOnlyFileGetsARealMessageInsteadOfFabricCicdsEmptyOne() {
        ParameterValidation v = yaml.forEnvironment("PPE", "# nothing yet\n# find_replace:\n");

        assertThat(v.valid()).isFalse();
        assertThat(ParameterYaml.firstError(v)).contains("holds no parameters").contains("empty message");
    }

    @Test
    void malformedYamlIsReportedWithPyYamlsTextAndPosition() {
        ParameterValidation v = yaml.forEnvironment("PPE", "find_replace:\n  a: b\n    c: d\n");

        Problem p = v.firstError().orElseThrow();
        assertThat(p.message()).startsWith("Error loading parameter.yml 'mapping values are not allowed here\n"
                + "  in \"<unicode string>\", line 3, column 6:");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(6);
    }

    @Test
    void duplicateTopLevelKeysAreCountedPerKey() {
        ParameterValidation v = yaml.forEnvironment("PPE", """
                find_replace: []
                spark_pool: []
                find_replace: []
                spark_pool: []
                """);

        assertThat(ParameterYaml.firstError(v))
                .startsWith("Error loading parameter.yml 'duplicate key(s) found: 'find_replace' (2), 'spark_pool' (2)'");
        assertThat(v.firstError().orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void environmentKeysThatDifferOnlyByCaseAreDuplicates() {
        ParameterValidation v = yaml.forEnvironment("PROD", """
                find_replace:
                  - find_value: "x"
                    replace_value:
                      PROD: "a"
                      prod: "b"
                """);

        assertThat(ParameterYaml.firstError(v))
                .startsWith("Error loading parameter.yml 'duplicate key(s) found: ['PROD', 'prod'] (2)'");
        assertThat(v.firstError().orElseThrow().line()).isEqualTo(5);
    }

    @Test
    void duplicateKeysInsideAListEntryAreFoundToo() {
        ParameterValidation v = yaml.forEnvironment("PPE", """
                find_replace:
                  - find_value: "x"
                    FIND_VALUE: "y"
                    replace_value: {PPE: "a"}
                """);

        assertThat(ParameterYaml.firstError(v))
                .contains("duplicate key(s) found: ['FIND_VALUE', 'find_value'] (2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO", "on", "Off", "yes", "true", "FALSE"})
    void yamlBooleanEnvironmentKeysAreAnErrorThatAsksForQuotes(String key) {
        ParameterValidation v = yaml.forEnvironment("PPE", """
                find_replace:
                  - find_value: "x"
                    replace_value:
                      %s: "value"
                """.formatted(key));

        assertThat(v.valid()).isFalse();
        assertThat(ParameterYaml.firstError(v)).contains("is a YAML bool, not a string").contains("Quote the key");
        assertThat(v.firstError().orElseThrow().line()).isEqualTo(4);
    }

    @Test
    void quotedBooleanWordsAreOrdinaryEnvironmentNames() {
        ParameterValidation v = yaml.forEnvironment("NO", """
                find_replace:
                  - find_value: "x"
                    replace_value:
                      "NO": "value"
                """);

        assertThat(v.valid()).as(v.problems().toString()).isTrue();
        assertThat(v.file().orElseThrow().findReplace().get(0).replaceValue().forEnvironment("NO")).contains("value");
    }

    @Test
    void numericEnvironmentKeysAreRefusedLikeBooleansInEveryParameter() {
        ParameterValidation kv = yaml.withoutEnvironment("""
                key_value_replace:
                  - find_key: $.a
                    replace_value:
                      1: "value"
                """);
        ParameterValidation pool = yaml.withoutEnvironment("""
                spark_pool:
                  - instance_pool_id: "p"
                    replace_value:
                      2024: {type: Capacity, name: x}
                """);

        assertThat(ParameterYaml.firstError(kv)).contains("environment key 1").contains("YAML int");
        assertThat(ParameterYaml.firstError(pool)).contains("environment key 2024");
    }

    @Test
    void unquotedTabInsideAValueIsRefusedAsPyYamlDoes() {
        ParameterValidation v = yaml.forEnvironment("PPE", "find_replace:\n  - find_value: a\tb\n");

        assertThat(ParameterYaml.firstError(v)).contains("found character '\\t' that cannot start any token");
    }

    @Test
    void unknownTagIsALoadError() {
        ParameterValidation v = yaml.forEnvironment("PPE", "find_replace: !custom []\n");

        assertThat(ParameterYaml.firstError(v))
                .contains("could not determine a constructor for the tag '!custom'");
    }

    @Test
    void yaml11TypingMatchesPyYaml() throws Exception {
        YamlValue root = YamlTree.load(Path.of("t.yml"), """
                a: yes
                b: Off
                c: 0x1F
                d: 017
                e: 1e10
                f: 1.5e+3
                g: 1_000
                h: ~
                i: 2024-01-02
                j: '123'
                """);
        YamlValue.Mapping map = (YamlValue.Mapping) root;

        assertThat(map.get("a").orElseThrow().repr()).isEqualTo("True");
        assertThat(map.get("b").orElseThrow().repr()).isEqualTo("False");
        assertThat(((YamlValue.Scalar) map.get("c").orElseThrow()).value()).isEqualTo(BigInteger.valueOf(31));
        assertThat(((YamlValue.Scalar) map.get("d").orElseThrow()).value()).isEqualTo(BigInteger.valueOf(15));
        assertThat(map.get("e").orElseThrow().typeName()).isEqualTo("str");
        assertThat(map.get("f").orElseThrow().repr()).isEqualTo("1500.0");
        assertThat(map.get("g").orElseThrow().repr()).isEqualTo("1000");
        assertThat(map.get("h").orElseThrow().typeName()).isEqualTo("NoneType");
        assertThat(map.get("i").orElseThrow().typeName()).isEqualTo("date");
        assertThat(map.get("j").orElseThrow().typeName()).isEqualTo("str");
    }

    @Test
    void invalidUtf8IsWordedLikePythonsDecodeError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("parameter.yml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});

        ParameterValidation v = new ParameterFileValidator().validate(file, Optional.of("PPE"), Optional.empty());

        assertThat(ParameterYaml.firstError(v)).startsWith(
                "Error loading parameter.yml ''utf-8' codec can't decode byte 0xff in position 3: invalid start byte'");
    }

    @Test
    void missingFileIsAnErrorRatherThanSilentlyValid(@TempDir Path dir) {
        ParameterValidation v = new ParameterFileValidator().validate(dir.resolve("parameter.yml"),
                Optional.of("PPE"), Optional.empty());

        assertThat(v.valid()).isFalse();
        assertThat(ParameterYaml.firstError(v)).startsWith("Parameter file not found with path:");
    }

    @Test
    void aFileThatIsAListIsAStructureError() {
        ParameterValidation v = yaml.forEnvironment("PPE", "- find_value: x\n");

        assertThat(ParameterYaml.firstError(v)).startsWith("Invalid parameter file structure");
        assertThat(v.firstError().orElseThrow().line()).isEqualTo(1);
    }
}
