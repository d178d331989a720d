package org.dbb.console.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedStringsTest {

    private final SharedStrings strings = new SharedStrings();

    @Test
    void equalValuesReadSeparatelyComeBackAsOneInstance() {
        String first = strings.share(new String("Integration"));
        String second = strings.share(new String("Integration"));

        assertThat(second).isSameAs(first).isEqualTo("Integration");
    }

    @Test
    void nullStaysNull() {
        assertThat(strings.share(null)).isNull();
    }

    @Test
    void pastItsLimitItStartsAfreshAndStillReturnsEqualValues() {
        for (int i = 0; i <= SharedStrings.LIMIT + 10; i++) {
            assertThat(strings.share("value " + i)).isEqualTo("value " + i);
        }
        String again = strings.share(new String("Transformation"));

        assertThat(strings.share(new String("Transformation"))).isSameAs(again);
    }
}
