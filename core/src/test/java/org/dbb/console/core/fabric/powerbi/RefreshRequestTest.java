package org.dbb.console.core.fabric.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RefreshRequestTest {

    @Test
    void formatsTheTimeoutAsHoursMinutesSeconds() {
        assertThat(RefreshRequest.builder().timeout(Duration.ofMinutes(90).plusSeconds(5)).build().timeoutText())
                .contains("01:30:05");
    }

    @Test
    void rejectsTimeoutsPowerBiWouldRefuse() {
        assertThatThrownBy(() -> RefreshRequest.builder().timeout(Duration.ofHours(24)).build())
                .hasMessageContaining("between 00:00:01 and 23:59:59");
        assertThatThrownBy(() -> RefreshRequest.builder().timeout(Duration.ofMillis(1500)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialBatchCannotApplyTheRefreshPolicy() {
        assertThatThrownBy(() -> RefreshRequest.builder().commitMode(CommitMode.PARTIAL_BATCH)
                .applyRefreshPolicy(true).build())
                .hasMessageContaining("applyRefreshPolicy must be false");
    }

    @Test
    void rejectsNonsenseParallelism() {
        assertThatThrownBy(() -> RefreshRequest.builder().maxParallelism(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
