package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.expr.Evaluate.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionFunctionsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @range(0, 3)                                 | [0,1,2]
            @range(5, 2)                                 | [5,6]
            @range(1, 0)                                 | []
            @coalesce(null, null, 'x', 'y')              | "x"
            @coalesce(null, 0)                           | 0
            @coalesce(null)                              | null
            @empty(null)                                 | true
            @empty('')                                   | true
            @empty(' ')                                  | false
            @empty(json('[]'))                           | true
            @empty(json('{}'))                           | true
            @empty(createArray(1))                       | false
            @length('abc')                               | 3
            @length(createArray(1, 2))                   | 2
            @length(json('{"a":1,"b":2}'))               | 2
            @contains('abc', 'b')                        | true
            @contains('abc', 'B')                        | false
            @contains(createArray(1, 'two'), 1.0)        | true
            @contains(createArray(1, 'two'), 'TWO')      | false
            @contains(json('{"name":"x"}'), 'name')      | true
            @contains(json('{"name":"x"}'), 'x')         | false
            @first('abc')                                | "a"
            @first(createArray(1, 2))                    | 1
            @first(json('[]'))                           | null
            @last('abc')                                 | "c"
            @last(createArray(1, 2))                     | 2
            @union(createArray(1, 2), createArray(2, 3)) | [1,2,3]
            @union(json('{"a":1,"b":1}'), json('{"b":2}')) | {"a":1,"b":2}
            @createArray('a', 1, null)                   | ["a",1,null]
            @array('one')                                | ["one"]
            """)
    void collectionFunctionsFollowDataFactorySemantics(String text, String expected) {
        assertThat(json(text)).isEqualTo(expected);
    }

    @Test
    void emptyAndLengthRejectValuesWithoutASize() {
        assertThatThrownBy(() -> json("@empty(0)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("empty(): argument 1 must be a string, array, object or null but is 0");
        assertThatThrownBy(() -> json("@length(null)"))
                .hasMessageContaining("length(): argument 1 must be a string, array or object but is null");
    }

    @Test
    void rangeRefusesNegativeAndHugeCounts() {
        assertThatThrownBy(() -> json("@range(0, -1)")).hasMessageContaining("range(): count -1 is outside 0..100000");
        assertThatThrownBy(() -> json("@range(0, 100001)")).hasMessageContaining("count 100001 is outside");
    }

    @Test
    void unionNeedsCollectionsOfOneKind() {
        assertThatThrownBy(() -> json("@union(createArray(1), json('{}'))"))
                .hasMessageContaining("union(): argument 2 must be an array");
    }
}
