package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Expected strings were produced by CPython 3.11's json.dumps on the same values. */
class PythonJsonWriterTest {

    private final PythonJsonReader reader = new PythonJsonReader();

    private String dumps(String json) {
        return PythonJsonWriter.compact().write(reader.parse(json).orElseThrow().value());
    }

    @Test
    void compactOutputUsesPythonSeparatorsAndKeepsKeyOrder() {
        assertThat(dumps("{\n  \"z\": 1,\n  \"a\": {\"y\": [1, 2, {\"k\": null}], \"b\": true},\n  \"m\": []\n}"))
                .isEqualTo("{\"z\": 1, \"a\": {\"y\": [1, 2, {\"k\": null}], \"b\": true}, \"m\": []}");
    }

    @Test
    void nestedListsAndEmptyContainersAreWrittenLikeJsonDumps() {
        assertThat(dumps("[[1,[2,[3,[]]]],{},[{}],\"x\"]"))
                .isEqualTo("[[1, [2, [3, []]]], {}, [{}], \"x\"]");
    }

    @Test
    void nonAsciiCharactersBecomeLowerCaseUnicodeEscapesIncludingSurrogatePairs() {
        assertThat(dumps("{\"name\": \"Caf\u00e9 \u2713 \ud83d\ude00\", \"del\": \"\u007f\"}"))
                .isEqualTo("{\"name\": \"Caf\\u00e9 \\u2713 \\ud83d\\ude00\", \"del\": \"\\u007f\"}");
    }

    @Test
    void controlCharactersUseShortEscapesWherePythonHasThem() {
        assertThat(dumps("\"a\\nb\\tc\\rd\\be\\ff\\u0001g\\\"h\\\\i/j\""))
                .isEqualTo("\"a\\nb\\tc\\rd\\be\\ff\\u0001g\\\"h\\\\i/j\"");
    }

    @Test
    void floatsAreWrittenLikePythonRepr() {
        assertThat(dumps("[1.0, 2.50, 1e-5, 1e16, 1e15, 0.1, 0.000123, 100.0, 1e22, 5e-324, "
                + "1.7976931348623157e308, 123456789.125, 9007199254740993, 9007199254740993.0, -0.0, 1E400]"))
                .isEqualTo("[1.0, 2.5, 1e-05, 1e+16, 1000000000000000.0, 0.1, 0.000123, 100.0, 1e+22, 5e-324, "
                        + "1.7976931348623157e+308, 123456789.125, 9007199254740993, 9007199254740992.0, -0.0, "
                        + "Infinity]");
    }

    @Test
    void readerFollowsJsonLoadsOnBomDuplicatesAndTrailingData() {
        assertThat(reader.parse("\uFEFF{\"a\": 1}")).isEmpty();
        assertThat(reader.parse("{\"a\": 1} x")).isEmpty();
        assertThat(reader.parse("")).isEmpty();
        assertThat(dumps("{\"a\": 1, \"b\": 2, \"a\": 3}")).isEqualTo("{\"a\": 3, \"b\": 2}");
        assertThat(dumps("[NaN, -Infinity]")).isEqualTo("[NaN, -Infinity]");
        assertThat(dumps("  42  ")).isEqualTo("42");
    }

    @Test
    void nonStringKeysAreConvertedAsPythonDoes() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, "int");
        map.put(true, "bool");
        map.put(null, "none");
        map.put(2.5, "float");
        map.put(new BigInteger("123456789012345678901234567890"), List.of());
        assertThat(PythonJsonWriter.compact().write(map)).isEqualTo(
                "{\"1\": \"int\", \"true\": \"bool\", \"null\": \"none\", \"2.5\": \"float\","
                        + " \"123456789012345678901234567890\": []}");
    }

    @Test
    void indentedOutputMatchesJsonDumpsWithIndentTwoAndKeepsCharacters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", List.of(1, "\u00e9"));
        map.put("a", new LinkedHashMap<>());
        map.put("c", new ArrayList<>());
        assertThat(PythonJsonWriter.indented().write(map)).isEqualTo("""
                {
                  "b": [
                    1,
                    "\u00e9"
                  ],
                  "a": {},
                  "c": []
                }""");
    }

    @Test
    void valuesWithoutJsonFormFailWithPythonsWording() {
        assertThatThrownBy(() -> PythonJsonWriter.compact().write(new YamlTimestamp("2024-01-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Object of type datetime is not JSON serializable");
    }
}
