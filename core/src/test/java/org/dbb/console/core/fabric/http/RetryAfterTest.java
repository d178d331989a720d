package org.dbb.console.core.fabric.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-05-01T10:42:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("20", NOW)).contains(Duration.ofSeconds(20));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Thu, 01 May 2025 10:42:07 GMT", NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void anHttpDateInThePastMeansRetryNow() {
        assertThat(RetryAfter.parse("Thu, 01 May 2025 10:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "99999999999999999999999"})
    void ignoresWhatItCannotRead(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }
}
