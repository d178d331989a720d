package org.dbb.console.app.bench;

import java.util.Arrays;
import java.util.Locale;

import javafx.animation.AnimationTimer;

/**
 * Records the time between consecutive JavaFX pulses, as an {@link AnimationTimer} sees them: a gap well above
 * the frame interval is a frame the window could not draw because the FX thread was busy. The timer also keeps
 * pulses coming while idle, so quiet periods count as the short gaps they are. Call {@link #start()} and
 * {@link #stop()} on the FX thread.
 */
public final class FxPulseGaps {

    private long[] gaps = new long[4096];
    private int count;
    private long last = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last >= 0) {
                if (count == gaps.length) {
                    gaps = Arrays.copyOf(gaps, count * 2);
                }
                gaps[count++] = now - last;
            }
            last = now;
        }
    };

    /** Starts recording; gaps are counted from the second pulse on. */
    public void start() {
        count = 0;
        last = -1;
        timer.start();
    }

    /** Stops recording and summarises the gaps seen since {@link #start()}. */
    public Report stop() {
        timer.stop();
        return Report.of(Arrays.copyOf(gaps, count));
    }

    /**
     * The pulse gaps of one measurement, in milliseconds. Immutable.
     *
     * @param pulses how many gaps were recorded
     * @param p50    the median gap
     * @param p99    the 99th percentile (nearest rank)
     * @param max    the longest gap
     */
    public record Report(int pulses, double p50, double p99, double max) {

        static Report of(long[] gapsNanos) {
            if (gapsNanos.length == 0) {
                return new Report(0, 0, 0, 0);
            }
            long[] sorted = gapsNanos.clone();
            Arrays.sort(sorted);
            return new Report(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
                    millis(sorted[sorted.length - 1]));
        }

        /** The nearest-rank percentile of sorted values. */
        static long percentile(long[] sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
        }

        private static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d pulses: p50 %.1f ms, p99 %.1f ms, max %.1f ms", pulses, p50, p99,
                    max);
        }
    }
}
