package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.expr.Evaluate.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs against {@link TestContext#NOW}: 2024-05-02T06:30:15.1234567Z, a Thursday. */
class DateFunctionsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @utcNow()                                                | "2024-05-02T06:30:15.1234567Z"
            @utcNow('yyyy-MM-dd')                                    | "2024-05-02"
            @utcNow('yyyyMMddHHmmss')                                | "20240502063015"
            @utcNow('yyyy-MM-ddTHH:mm:ss.fff')                       | "2024-05-02T06:30:15.123"
            @formatDateTime('2024-03-15T13:05:09Z')                  | "2024-03-15T13:05:09.0000000Z"
            @formatDateTime('2024-03-15T13:05:09Z', 'o')             | "2024-03-15T13:05:09.0000000Z"
            @formatDateTime('2024-03-15T13:05:09+02:00', 'HH:mm')    | "11:05"
            @formatDateTime('2024-03-15', 'yyyy-MM-dd HH:mm:ss')     | "2024-03-15 00:00:00"
            @formatDateTime('2024-03-15 13:05:09', 's')              | "2024-03-15T13:05:09"
            @formatDateTime('2024-03-15T13:05:09Z', 'u')             | "2024-03-15 13:05:09Z"
            @formatDateTime('2024-03-05T13:05:09Z', 'd/M/yy h tt')   | "5/3/24 1 PM"
            @formatDateTime('2024-03-15T13:05:09Z', 'dddd d MMMM')   | "Friday 15 March"
            @formatDateTime('2024-03-15T13:05:09Z', 'ddd, MMM dd')   | "Fri, Mar 15"
            @formatDateTime('2024-03-15T13:05:09.5Z', 'ss.FFF')      | "09.5"
            @formatDateTime('2024-03-15T13:05:09Z', 'ss.FFF')        | "09"
            @formatDateTime('2024-03-15T13:05:09Z', '''day'' dd \\d') | "day 15 d"
            @formatDateTime('2024-03-15T13:05:09Z', 'yyyy-MM-ddTHH:mm:ssK') | "2024-03-15T13:05:09Z"
            @formatDateTime('2024-03-15T13:05:09Z', 'D')             | "Friday, 15 March 2024"
            @addDays('2024-03-01T00:00:00Z', -1)                     | "2024-02-29T00:00:00.0000000Z"
            @addDays('2024-03-01', 10, 'yyyy-MM-dd')                 | "2024-03-11"
            @addDays(utcNow(), -1)                                   | "2024-05-01T06:30:15.1234567Z"
            @addHours('2024-03-01T23:00:00Z', 2, 'yyyy-MM-dd HH')    | "2024-03-02 01"
            @addMinutes('2024-03-01T00:00:00Z', -30, 's')            | "2024-02-29T23:30:00"
            """)
    void dateFunctionsUseDotNetFormatsInUtc(String text, String expected) {
        assertThat(json(text)).isEqualTo(expected);
    }

    @Test
    void formatDateTimeOfTextThatIsNoTimestampFails() {
        assertThatThrownBy(() -> json("@formatDateTime('yesterday', 'yyyy')"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("formatDateTime(): argument 1 'yesterday' (a string) is not a timestamp")
                .hasMessageContaining("Pass an ISO 8601 timestamp");
    }

    @Test
    void unsupportedStandardFormatsAreNamed() {
        assertThatThrownBy(() -> json("@utcNow('R')"))
                .hasMessageContaining("utcNow(): standard format 'R' is not supported");
    }

    @Test
    void addDaysNeedsAWholeNumberOfDays() {
        assertThatThrownBy(() -> json("@addDays('2024-03-01', '1')"))
                .hasMessageContaining("addDays(): argument 2 must be an integer but is '1' (a string)");
    }
}
