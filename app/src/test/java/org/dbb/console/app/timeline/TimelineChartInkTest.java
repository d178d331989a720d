package org.dbb.console.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

/** The wait hatch is pre-composited into one fill: it must look like the hatch line drawn over the wait colour. */
class TimelineChartInkTest {

    @Test
    void anOpaqueLineHidesWhatIsUnderIt() {
        assertThat(TimelineChart.over(Color.RED, Color.BLUE)).isEqualTo(Color.RED);
    }

    @Test
    void aTransparentLineLeavesTheWaitColour() {
        assertThat(TimelineChart.over(Color.TRANSPARENT, Color.web("#336699", 0.5)))
                .isEqualTo(Color.web("#336699", 0.5));
    }

    @Test
    void aHalfTransparentLineOverAnOpaqueWaitMixesThem() {
        Color mixed = TimelineChart.over(new Color(1, 1, 1, 0.5), Color.BLACK);

        assertThat(mixed.getOpacity()).isEqualTo(1.0);
        assertThat(mixed.getRed()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.01));
    }
}
