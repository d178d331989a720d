package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.expr.Evaluate.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversionFunctionsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @bool('true')                         | true
            @bool('False')                        | false
            @bool(1)                              | true
            @bool(0)                              | false
            @bool(false)                          | false
            @int('12')                            | 12
            @int(' -7 ')                          | -7
            @int(3)                               | 3
            @int(4.0)                             | 4
            @int('9000000000')                    | 9000000000
            @float('10.5')                        | 10.5
            @float(2)                             | 2.0
            @float('1e3')                         | 1000.0
            @string(10)                           | "10"
            @string(1.5)                          | "1.5"
            @string(true)                         | "True"
            @string('a')                          | "a"
            @string(null)                         | ""
            @string(json('{"name": "Sophie", "tags": [1, 2]}')) | "{\\"name\\":\\"Sophie\\",\\"tags\\":[1,2]}"
            @json('{"a": {"b": [1, "x"]}}')       | {"a":{"b":[1,"x"]}}
            @json('[1, 2]')                       | [1,2]
            @json('42')                           | 42
            @json('{"a": 1}').a                   | 1
            """)
    void conversionsFollowDataFactorySemantics(String text, String expected) {
        assertThat(json(text)).isEqualTo(expected);
    }

    @Test
    void intOfTextThatIsNotAWholeNumberFailsWithAdvice() {
        assertThatThrownBy(() -> json("@int('12a')")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("int(): cannot convert '12a' (a string) to an integer")
                .hasMessageContaining("Pass whole-number digits such as '12'");
        assertThatThrownBy(() -> json("@int('1.5')")).hasMessageContaining("cannot convert '1.5'");
        assertThatThrownBy(() -> json("@int(1.5)")).hasMessageContaining("cannot convert 1.5 (a float)");
        assertThatThrownBy(() -> json("@int(true)")).hasMessageContaining("cannot convert true (a boolean)");
    }

    @Test
    void boolAndFloatRejectTextTheyCannotRead() {
        assertThatThrownBy(() -> json("@bool('yes')"))
                .hasMessageContaining("cannot convert 'yes' (a string) to a boolean");
        assertThatThrownBy(() -> json("@float('ten')"))
                .hasMessageContaining("cannot convert 'ten' (a string) to a float");
        assertThatThrownBy(() -> json("@float('NaN')")).hasMessageContaining("to a float");
    }

    @Test
    void jsonOfInvalidTextFailsNamingTheText() {
        assertThatThrownBy(() -> json("@json('{oops')")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("json(): '{oops' is not valid JSON");
        assertThatThrownBy(() -> json("@json(1)")).hasMessageContaining("json(): argument 1 must be a string");
        assertThatThrownBy(() -> json("@json(' ')")).hasMessageContaining("json(): the text is empty");
    }
}
