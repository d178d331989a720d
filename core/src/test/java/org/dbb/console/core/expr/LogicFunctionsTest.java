package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.expr.Evaluate.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogicFunctionsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @equals(1, 1.0)                                      | true
            @equals(1, 2)                                        | false
            @equals('abc', 'abc')                                | true
            @equals('abc', 'ABC')                                | false
            @equals('1', 1)                                      | false
            @equals(null, null)                                  | true
            @equals(json('{"a":[1,2],"b":true}'), json('{"b":true,"a":[1.0,2]}')) | true
            @equals(createArray(1, 2), createArray(2, 1))        | false
            @not(false)                                          | true
            @and(true, true, false)                              | false
            @and(true, true)                                     | true
            @or(false, false, true)                              | true
            @or(false, false)                                    | false
            @greater(2, 1.5)                                     | true
            @greater('b', 'a')                                   | true
            @greaterOrEquals(2, 2.0)                             | true
            @less(1, 2)                                          | true
            @less('2024-05-01', '2024-04-30')                    | false
            @lessOrEquals(3, 2)                                  | false
            @if(equals(1, 1), 'yes', 'no')                       | "yes"
            @if(false, 'yes', 'no')                              | "no"
            """)
    void logicFunctionsFollowDataFactorySemantics(String text, String expected) {
        assertThat(json(text)).isEqualTo(expected);
    }

    @Test
    void ifEvaluatesOnlyTheBranchItTakes() {
        TestContext context = new TestContext().parameter("load_date", "\"2024-05-01\"");

        assertThat(json("@if(true, pipeline().parameters.load_date, variables('never_set'))", context))
                .isEqualTo("\"2024-05-01\"");
    }

    @Test
    void logicOperatorsNeedBooleansNotTruthyValues() {
        assertThatThrownBy(() -> json("@if('true', 1, 2)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("if(): argument 1 must be a boolean but is 'true' (a string)");
        assertThatThrownBy(() -> json("@not(1)")).hasMessageContaining("not(): argument 1 must be a boolean");
        assertThatThrownBy(() -> json("@and(true, 'x')")).hasMessageContaining("and(): argument 2 must be a boolean");
    }

    @Test
    void comparingDifferentTypesFails() {
        assertThatThrownBy(() -> json("@greater('2', 1)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("cannot compare '2' (a string) with 1 (an integer)");
    }
}
