package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.FILE;

import java.util.List;
import java.util.Map;

import org.dbb.console.core.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class ValueAndNameRulesTest {

    @Test
    void commandLineValuesAreReadAsYamlFlowValues() {
        assertThat(CommandLineValue.parse(FILE, "true")).isEqualTo(true);
        assertThat(CommandLineValue.parse(FILE, "42")).isEqualTo(42);
        assertThat(CommandLineValue.parse(FILE, "1.5")).isEqualTo(1.5);
        assertThat(CommandLineValue.parse(FILE, "[a, b]")).isEqualTo(List.of("a", "b"));
        assertThat(CommandLineValue.parse(FILE, "\"true\"")).isEqualTo("true");
        assertThat(CommandLineValue.parse(FILE, "sql-prod.contoso.net")).isEqualTo("sql-prod.contoso.net");
        assertThat(CommandLineValue.parse(FILE, "{type: Capacity, name: P}"))
                .isEqualTo(Map.of("type", "Capacity", "name", "P"));
    }

    @Test
    void commandLineValuesThatJsonCannotHoldAreRefusedWithAHintToQuote() {
        assertThatThrownBy(() -> CommandLineValue.parse(FILE, "")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty or null");
        assertThatThrownBy(() -> CommandLineValue.parse(FILE, "2024-01-31")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("double quotes");
        assertThatThrownBy(() -> CommandLineValue.parse(FILE, "[a, b")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot read the value");
    }

    @Test
    void environmentNamesMustBeSafeUnquotedYamlStrings() {
        assertThat(EnvironmentNames.problemWith("PROD")).isEmpty();
        assertThat(EnvironmentNames.problemWith("uat-eu_2")).isEmpty();
        assertThat(EnvironmentNames.problemWith("_staging")).isEmpty();
        assertThat(EnvironmentNames.problemWith("Yes")).get().asString().contains("YAML 1.1");
        assertThat(EnvironmentNames.problemWith("_all_")).get().asString().contains("all-environments key");
        assertThat(EnvironmentNames.problemWith("")).get().asString().contains("empty");
    }

    @Test
    void writtenStringsReadBackAsTheSameString() {
        for (String s : List.of("yes", "0x10", "1_000", "~", "a: b", "#x", "- x", "[x]", "tab\there", "line\nbreak",
                "quote\"and\\slash", "ünïcode ✓", "\u2028", "12:30:00", "2024-01-31", ".inf", "")) {
            for (var style : org.yaml.snakeyaml.DumperOptions.ScalarStyle.values()) {
                String yaml = "k: " + YamlText.string(s, style);
                Object read = new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(yaml).get("k");
                assertThat(read).as(yaml).isEqualTo(s);
            }
        }
    }
}
