package org.dbb.console.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowCountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0                    | 0
            7                    | 7
            999                  | 999
            1000                 | 1,000
            12345                | 12,345
            100000               | 100,000
            1234567              | 1,234,567
            -1234                | -1,234
            9223372036854775807  | 9,223,372,036,854,775,807
            """)
    void numbersAreGroupedByThousandsWithCommas(long value, String text) {
        assertThat(RowCounts.number(value)).isEqualTo(text);
    }
}
