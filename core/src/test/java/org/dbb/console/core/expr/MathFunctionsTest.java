package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.expr.Evaluate.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathFunctionsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            @add(1, 2)                 | 3
            @add(1, 0.5)               | 1.5
            @add(2147483647, 1)        | 2147483648
            @sub(1, 3)                 | -2
            @sub(2.5, 1)               | 1.5
            @mul(4, 5)                 | 20
            @mul(2, 0.25)              | 0.5
            @div(7, 2)                 | 3
            @div(-7, 2)                | -3
            @div(7.0, 2)               | 3.5
            @mod(7, 3)                 | 1
            @mod(-7, 3)                | -1
            @mod(7.5, 2)               | 1.5
            @min(3, 1, 2)              | 1
            @min(createArray(3, 1.5))  | 1.5
            @max(3, 1, 2)              | 3
            @max(range(0, 5))          | 4
            """)
    void arithmeticKeepsIntegersWholeAndFloatsFloating(String text, String expected) {
        assertThat(json(text)).isEqualTo(expected);
    }

    @Test
    void divisionByZeroFailsWithAdvice() {
        assertThatThrownBy(() -> json("@div(1, 0)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("div(): cannot divide by zero")
                .hasMessageContaining("Make sure the second argument is never 0");
        assertThatThrownBy(() -> json("@mod(1, 0.0)")).hasMessageContaining("mod(): cannot divide by zero");
    }

    @Test
    void arithmeticOnStringsFailsAndSuggestsAConversion() {
        assertThatThrownBy(() -> json("@add('1', 2)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("add(): argument 1 must be a number but is '1' (a string)")
                .hasMessageContaining("int()");
    }

    @Test
    void integerOverflowFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> json("@mul(9000000000000000000, 10)"))
                .hasMessageContaining("does not fit in a 64-bit integer");
    }

    @Test
    void minOfAnEmptyArrayOrOfTextFails() {
        assertThatThrownBy(() -> json("@min(json('[]'))")).hasMessageContaining("min(): the array is empty");
        assertThatThrownBy(() -> json("@max(1, 'a')")).hasMessageContaining("compares numbers only");
    }
}
