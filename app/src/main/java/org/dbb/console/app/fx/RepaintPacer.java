package org.dbb.console.app.fx;

/**
 * Decides at which pulse a streaming view redraws: a change the operator made (scroll, keys, selection, zoom,
 * resize) at the very next pulse, a change a stream of data made (rows arriving, a run's updates, the clock) at most
 * a given number of times a second, so a flood of updates costs a bounded number of frames instead of one each
 * pulse. Times are pulse nanoseconds ({@code AnimationTimer.handle}). Not thread-safe: use on the FX thread.
 */
public final class RepaintPacer {

    private final long streamInterval;
    private boolean streamPending;
    private boolean operatorPending;
    private boolean painted;
    private long paintedAt;

    /** @param streamRepaintsPerSecond how many redraws a second a stream of changes may cause at most */
    public RepaintPacer(int streamRepaintsPerSecond) {
        if (streamRepaintsPerSecond <= 0) {
            throw new IllegalArgumentException("streamRepaintsPerSecond must be positive: " + streamRepaintsPerSecond);
        }
        this.streamInterval = 1_000_000_000L / streamRepaintsPerSecond;
    }

    /** A stream changed what is drawn. */
    public void streamChanged() {
        streamPending = true;
    }

    /** The operator changed what is drawn. */
    public void operatorChanged() {
        operatorPending = true;
    }

    /** Whether a change waits to be drawn. */
    public boolean pending() {
        return streamPending || operatorPending;
    }

    /**
     * Whether to redraw at the pulse at {@code nanos}: an operator change always, a stream change once the interval
     * since the last redraw has passed (or when nothing was drawn yet).
     */
    public boolean due(long nanos) {
        return operatorPending || (streamPending && (!painted || nanos - paintedAt >= streamInterval));
    }

    /** The view redrew at {@code nanos}, showing every change made so far. */
    public void painted(long nanos) {
        streamPending = false;
        operatorPending = false;
        painted = true;
        paintedAt = nanos;
    }
}
