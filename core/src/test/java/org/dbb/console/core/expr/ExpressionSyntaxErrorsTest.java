package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionSyntaxErrorsTest {

    private final ExpressionParser parser = new ExpressionParser();

    private ExpressionSyntaxException failure(String text) {
        ExpressionSyntaxException failure = catchThrowableOfType(ExpressionSyntaxException.class,
                () -> parser.parse(text));
        assertThat(failure).as("parsing %s should fail", text).isNotNull();
        assertThat(failure.text()).isEqualTo(text);
        return failure;
    }

    @Test
    void anUnsupportedFunctionIsNamedWithTheOffsetOfItsName() {
        ExpressionSyntaxException failure = failure("@concat('a', base64('b'))");

        assertThat(failure.offset()).isEqualTo(13);
        assertThat(failure.getMessage()).startsWith("function 'base64' is not supported by DBB Console; supported: "
                + "if, equals, not, and, or, greater, greaterOrEquals, less, lessOrEquals, bool, int, float, string, "
                + "concat, add, sub, mul, div, mod, range, coalesce, empty, length, contains, toLower, toUpper, "
                + "utcNow, formatDateTime, addDays, json, startsWith");
    }

    @Test
    void anUnsupportedFunctionInsideInterpolationHasItsOffsetInTheWholeValue() {
        ExpressionSyntaxException failure = failure("x = @{guid()}");

        assertThat(failure.offset()).isEqualTo(6);
        assertThat(failure.getMessage()).contains("function 'guid' is not supported");
    }

    @ParameterizedTest(name = "{0} fails at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            @                            | 1  | expected an expression after '@'
            @concat('a'                  | 11 | expected ')' to close concat(
            @concat('a' 'b')             | 12 | expected ')' to close concat( but found 'b'
            @'unclosed                   | 1  | string starting at offset 1 is not closed
            @pipeline().parameters.x)    | 24 | expected the end of the expression after the expression
            @if(true, 1)                 | 1  | if() takes 3 arguments but got 2
            @utcNow('o', 'x')            | 1  | utcNow() takes 0 to 1 arguments but got 2
            @concat()                    | 1  | concat() takes at least 1 argument but got 0
            @pipeline().DataFactory      | 12 | pipeline().DataFactory is not supported by DBB Console
            @pipeline().Pipeline         | 12 | pipeline().Pipeline is not supported by DBB Console
            @pipeline()                  | 11 | pipeline() must be followed by .parameters, .RunId, .TriggerTime
            @pipeline().parameters       | 22 | pipeline().parameters must name a parameter
            @variables(concat('a'))      | 11 | variables() takes a name in quotes
            @activity('x').status        | 15 | activity(…).status is not supported by DBB Console; supported: output
            @activity('x')               | 14 | activity(…) must be followed by .output
            @item(1)                     | 6  | item() takes no arguments
            @foo                         | 4  | expected '(' after 'foo'
            @a.b                         | 2  | expected '(' after 'a'
            @x?y                         | 2  | '?' must be followed by '.' or '['
            @1 + 2                       | 3  | unexpected character '+'
            @concat('a',)                | 12 | expected an expression but found ')'
            @pipeline().parameters.x.    | 25 | expected a name after '.' but found the end of the expression
            @pipeline().parameters.x[0   | 26 | expected ']' to close '['
            @99999999999999999999        | 1  | does not fit in 64 bits
            a @{}                               | 2  | '@{}' is empty
            a @{concat('b')                     | 2  | '@{' at offset 2 is not closed
            a @{concat('b') c}                  | 16 | expected '}' to close '@{' but found 'c'
            """)
    void syntaxErrorsPointAtTheOffendingOffset(String text, int offset, String message) {
        ExpressionSyntaxException failure = failure(text);

        assertThat(failure.getMessage()).contains(message);
        assertThat(failure.offset()).isEqualTo(offset);
    }
}
