package org.dbb.console.core.workspace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryWordingTest {

    @Test
    void showsRetriesAndTheAttemptsTheyAllow() {
        assertThat(RetryWording.describe(0)).isEqualTo("no retries \u00b7 1 attempt");
        assertThat(RetryWording.describe(1)).isEqualTo("1 retry \u00b7 up to 2 attempts");
        assertThat(RetryWording.describe(3)).isEqualTo("3 retries \u00b7 up to 4 attempts");
        assertThatThrownBy(() -> RetryWording.describe(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void absentPolicyValuesFallBackToFabricsDefaultsNotTheDbbConvention() {
        ActivityPolicy absent = ActivityPolicy.absent();

        assertThat(absent.retry()).isEmpty();
        assertThat(absent.effectiveRetry()).isZero();
        assertThat(absent.effectiveRetryIntervalInSeconds()).isEqualTo(30);
        assertThat(absent.effectiveTimeout()).hasHours(12);
        assertThat(absent.retryWording()).isEqualTo("no retries \u00b7 1 attempt");
        assertThat(DbbRetryDefaults.RETRY).isEqualTo(3);
        assertThat(DbbRetryDefaults.RETRY_INTERVAL_SECONDS).isEqualTo(30);
        assertThat(new ActivityPolicy(Optional.of(DbbRetryDefaults.RETRY), Optional.empty(), Optional.empty(),
                Optional.empty(), false, false).retryWording()).isEqualTo("3 retries \u00b7 up to 4 attempts");
    }
}
