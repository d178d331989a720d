package org.dbb.console.core.fabric.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    @Test
    void backoffDoublesUpToItsCeiling() {
        RetryBudget budget = new RetryBudget(10, Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(10));

        assertThat(budget.backoff(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(budget.backoff(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(budget.backoff(2)).isEqualTo(Duration.ofSeconds(8));
        assertThat(budget.backoff(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(budget.backoff(30)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryBudget(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryBudget(3, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(1))).hasMessageContaining("maxBackoff");
    }
}
