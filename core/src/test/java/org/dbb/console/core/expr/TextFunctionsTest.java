package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.expr.Evaluate.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFunctionsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @concat('a', 'b', 'c')                 | "abc"
            @concat(1, '_refreshables.json')       | "1_refreshables.json"
            @concat('x', true, null, 2.5)          | "xTrue2.5"
            @concat(createArray(1))                | "[1]"
            @toLower('ProD')                       | "prod"
            @toUpper('prod')                       | "PROD"
            @trim('  a b  ')                       | "a b"
            @startsWith('Hello', 'hE')             | true
            @startsWith('Hello', 'lo')             | false
            @endsWith('report.JSON', '.json')      | true
            @endsWith('a', 'abc')                  | false
            @indexOf('Hello World', 'WORLD')       | 6
            @indexOf('Hello', 'z')                 | -1
            @replace('a-b-c', '-', '_')            | "a_b_c"
            @replace('aAa', 'a', 'x')              | "xAx"
            @split('a,b,,c', ',')                  | ["a","b","","c"]
            @split('a--b', '--')                   | ["a","b"]
            @split('abc', '')                      | ["abc"]
            @join(createArray('a', 1, true), '; ') | "a; 1; True"
            @join(json('[]'), ',')                 | ""
            @substring('abcdef', 2)                | "cdef"
            @substring('abcdef', 1, 3)             | "bcd"
            @substring('abc', 3, 0)                | ""
            """)
    void textFunctionsFollowDataFactorySemantics(String text, String expected) {
        assertThat(json(text)).isEqualTo(expected);
    }

    @Test
    void substringOutsideTheTextFails() {
        assertThatThrownBy(() -> json("@substring('abc', 4)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("substring(): start 4 is outside the 3-character text");
        assertThatThrownBy(() -> json("@substring('abc', 1, 5)"))
                .hasMessageContaining("start 1 and length 5 run past the end of the 3-character text");
    }

    @Test
    void textFunctionsRejectNonText() {
        assertThatThrownBy(() -> json("@toUpper(42)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("toUpper(): argument 1 must be a string but is 42 (an integer)");
        assertThatThrownBy(() -> json("@toLower(null)")).hasMessageContaining("but is null");
        assertThatThrownBy(() -> json("@join('a', ',')")).hasMessageContaining("argument 1 must be an array");
        assertThatThrownBy(() -> json("@replace('a', '', 'b')")).hasMessageContaining("the text to replace is empty");
    }
}
