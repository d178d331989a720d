package org.dbb.console.app.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepaintPacerTest {

    private static final long MS = 1_000_000L;
    private static final long FRAME = 16_666_667L;

    @Test
    void nothingIsDueWhileNothingChanged() {
        RepaintPacer pacer = new RepaintPacer(15);

        assertThat(pacer.pending()).isFalse();
        assertThat(pacer.due(0)).isFalse();
        assertThat(pacer.due(10_000 * MS)).isFalse();
    }

    @Test
    void theFirstStreamChangeIsDrawnAtOnce() {
        RepaintPacer pacer = new RepaintPacer(15);

        pacer.streamChanged();

        assertThat(pacer.due(5 * MS)).isTrue();
    }

    @Test
    void aStreamChangingEveryPulseForOneSecondIsDrawnAtMostFifteenTimes() {
        RepaintPacer pacer = new RepaintPacer(15);
        int paints = 0;
        for (int pulse = 0; pulse < 60; pulse++) {
            long now = 1_000 * MS + pulse * FRAME;
            pacer.streamChanged();
            if (pacer.due(now)) {
                pacer.painted(now);
                paints++;
            }
        }

        assertThat(paints).isBetween(12, 15);
        assertThat(pacer.pending()).as("the last change waits for the next allowed pulse").isTrue();
        assertThat(pacer.due(1_000 * MS + 60 * FRAME + 70 * MS)).isTrue();
    }

    @Test
    void anOperatorChangeIsDueAtTheNextPulseEvenRightAfterAStreamRedraw() {
        RepaintPacer pacer = new RepaintPacer(15);
        pacer.streamChanged();
        pacer.painted(100 * MS);
        pacer.streamChanged();
        assertThat(pacer.due(100 * MS + FRAME)).isFalse();

        pacer.operatorChanged();

        assertThat(pacer.due(100 * MS + FRAME)).isTrue();
    }

    @Test
    void aRedrawShowsEveryChangeSoNothingIsPendingAfterIt() {
        RepaintPacer pacer = new RepaintPacer(15);
        pacer.streamChanged();
        pacer.operatorChanged();

        pacer.painted(0);

        assertThat(pacer.pending()).isFalse();
        assertThat(pacer.due(1_000 * MS)).isFalse();
    }

    @Test
    void aPaceOfZeroIsRefused() {
        assertThatThrownBy(() -> new RepaintPacer(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamRepaintsPerSecond");
    }
}
