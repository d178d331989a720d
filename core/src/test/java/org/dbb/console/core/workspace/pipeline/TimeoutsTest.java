package org.dbb.console.core.workspace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.12:00:00,        PT12H
            0.1:00:00,         PT1H
            7.00:00:00,        PT168H
            01:30:00,          PT1H30M
            2.03:04:05,        PT51H4M5S
            0.00:00:00.5,      PT0.5S
            """)
    void readsTimeSpansWithOrWithoutDays(String text, Duration expected) {
        assertThat(Timeouts.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            PT12H,      0.12:00:00
            PT1H,       0.01:00:00
            P7D,        7.00:00:00
            PT51H4M5S,  2.03:04:05
            PT0.5S,     0.00:00:00.5000000
            """)
    void writesDaysAndTwoDigitHoursMinutesSeconds(Duration duration, String expected) {
        assertThat(Timeouts.format(duration)).isEqualTo(expected);
    }

    @Test
    void refusesTextThatIsNotATimeSpanAndSaysWhatToWrite() {
        assertThatThrownBy(() -> Timeouts.parse("12h")).hasMessageContaining("\"12h\" is not in the form D.HH:MM:SS")
                .hasMessageContaining("0.12:00:00 for 12 hours");
        assertThatThrownBy(() -> Timeouts.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Timeouts.parse("0.25:00:00")).hasMessageContaining("has 25 hours")
                .hasMessageContaining("write 1.01:00:00 instead");
        assertThatThrownBy(() -> Timeouts.parse("0.01:60:00")).hasMessageContaining("60 minutes");
        assertThatThrownBy(() -> Timeouts.parse("1:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timeouts.format(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesDurationsInWords() {
        assertThat(Timeouts.describe(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(Timeouts.describe(Duration.ofHours(12))).isEqualTo("12 hours");
        assertThat(Timeouts.describe(Duration.ofDays(7))).isEqualTo("7 days");
        assertThat(Timeouts.describe(Duration.ofSeconds(90))).isEqualTo("1 minute 30 seconds");
        assertThat(Timeouts.describe(Duration.ZERO)).isEqualTo("0 seconds");
    }
}
