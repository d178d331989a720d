package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** find_key parsing as jsonpath_ng.ext does it, and where Jayway differs. */
class JsonPathSyntaxTest {

    private static final JsonPathSyntax SYNTAX = new JsonPathSyntax();

    @ParameterizedTest
    @ValueSource(strings = {"$.a.b", "$..x", "$.a[*]", "$.a[*].b", "$.a[0]", "$.a[-1]", "$.a[0:2]", "$['a b'].c",
            "$.a[?(@.x==\"y\")]", "$.variables[?(@.name==\"SQL_Server\")].value", "$.a[?(@.n > 5)]",
            "$.a[?(@.enabled==true)]", "$.properties.activities[?(@.typeProperties.source)]", "$.a.b-c", "$.*",
            "$.a[?(@.x=='y' & @.z=='w')]"})
    void acceptsWhatJsonpathNgAccepts(String path) {
        assertThat(SYNTAX.check(path)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            $.a[                            | Parse error near the end of string!
            $.a[?(@.x=='y' && @.z=='w')]    | Parse error at 1:16 near token & (&)
            $.trueValue                     | Parse error at 1:2 near token True (BOOL)
            $.données                       | 'Error on line 1, col 6: Unexpected character: é '
            $.a.`foo`                       | Unknown named operator `foo` at 1:8
            $.length()                      | Parse error at 1:8 near token ( (()
            $.a[?(@.b & (@.c == 'd'))]      | Parse error at 1:17 near token == (FILTER_OP)
            """)
    void refusesWhatJsonpathNgRefusesWithItsMessage(String path, String message) {
        assertThat(SYNTAX.check(path)).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a[?(@.x=='y' && @.z=='w')]", "$.length()"})
    void jaywayAcceptsSomePathsThatJsonpathNgRefuses(String path) {
        assertThat(JsonPathSyntax.jaywayCompiles(path)).isTrue();
        assertThat(SYNTAX.check(path)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a[?(@.x=='y' & @.z=='w')]"})
    void jsonpathNgAcceptsSomePathsThatJaywayRefuses(String path) {
        assertThat(JsonPathSyntax.jaywayCompiles(path)).isFalse();
        assertThat(SYNTAX.check(path)).isEmpty();
    }
}
