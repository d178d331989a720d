package org.dbb.console.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimelineFormattingTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            850,     850 ms
            45000,   45 s
            63000,   1 min 3 s
            120000,  2 min
            7500000, 2 h 5 min
            7200000, 2 h
            """)
    void durationsReadInTheirTwoLargestUnits(long millis, String text) {
        assertThat(TimelineDurations.text(Duration.ofMillis(millis))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            9,    9 s
            724,  12 min 04 s
            3729, 1 h 02 min 09 s
            """)
    void aRunningCounterPadsItsSecondsSoItDoesNotJitter(long seconds, String text) {
        assertThat(TimelineDurations.clock(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            40,   40 s
            1079, 18 min
            4800, 1 h 20 min
            3600, 1 h
            """)
    void estimatesAreRounded(long seconds, String text) {
        assertThat(TimelineDurations.rough(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @Test
    void tickStepIsTheSmallestRoundStepWideEnoughForItsLabel() {
        assertThat(TimeTicks.stepSeconds(1.2, 90)).isEqualTo(120);
        assertThat(TimeTicks.stepSeconds(0.05, 90)).isEqualTo(5);
        assertThat(TimeTicks.stepSeconds(10, 90)).isEqualTo(900);
        assertThat(TimeTicks.stepSeconds(100_000, 90)).isEqualTo(86_400);
    }

    @Test
    void ticksFallOnTheOperatorsWallClock() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Instant from = Instant.parse("2026-11-27T09:02:17Z");

        var ticks = TimeTicks.ticks(from, from.plusSeconds(1200), 300, kolkata);

        assertThat(ticks).extracting(t -> TimeTicks.label(t, 300, kolkata))
                .containsExactly("14:35", "14:40", "14:45", "14:50");
        assertThat(TimeTicks.label(Instant.parse("2026-11-27T09:02:15Z"), 5, ZoneOffset.UTC)).isEqualTo("09:02:15");
    }
}
