package org.dbb.console.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.app.timeline.TimelineSamples.T0;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import atlantafx.base.theme.PrimerLight;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.core.timeline.RunTimeline;

/** The timeline view paces the redraws a streaming run causes and draws the operator's changes at once. */
@ExtendWith(ApplicationExtension.class)
class TimelineRepaintPaceTest {

    private final MutableClock clock = new MutableClock(T0.plus(TimelineSamples.NOW));
    private final RunTimeline[] updates = {TimelineSamples.running(40), TimelineSamples.running(41)};
    private TimelineViewModel model;
    private TimelineView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new TimelineViewModel(clock);
        view = new TimelineView(model);
        model.setTimeline(updates[0]);
        stage.setScene(new Scene(view, 1000, 600));
        stage.show();
    }

    @Test
    void aRunUpdatingEveryPulseIsDrawnAtMostFifteenTimesASecondAndItsLastUpdateIsDrawn() throws Exception {
        awaitSettled();
        CompletableFuture<long[]> burst = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> new AnimationTimer() {
            private long first = -1;
            private long paintsBefore;
            private int pulses;

            @Override
            public void handle(long now) {
                if (first < 0) {
                    first = now;
                    paintsBefore = view.paints();
                }
                model.setTimeline(updates[++pulses % 2]);
                if (now - first >= 1_000_000_000L) {
                    stop();
                    burst.complete(new long[] {view.paints() - paintsBefore, now - first, pulses, view.paints()});
                }
            }
        }.start()).get(10, TimeUnit.SECONDS);
        long[] seen = burst.get(30, TimeUnit.SECONDS);
        long paints = seen[0];
        double seconds = seen[1] / 1e9;

        assertThat(paints).as("redraws in %.2f s of %d updates", seconds, seen[2])
                .isLessThanOrEqualTo((long) Math.ceil(seconds * TimelineView.STREAM_REPAINTS_PER_SECOND) + 1)
                .isPositive();
        awaitSettled();
        long paintsAfterBurst = onFx(view::paints);
        assertThat(paintsAfterBurst).as("the last update is drawn once the burst ends").isGreaterThanOrEqualTo(
                seen[3]);
        assertThat(onFx(() -> model.timelineProperty().get())).isSameAs(updates[(int) (seen[2] % 2)]);
    }

    @Test
    void anOperatorsSelectionIsDrawnAtTheNextPulseWhileTheRunStreams() throws Exception {
        awaitSettled();
        CompletableFuture<Boolean> drawnAtNextPulse = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> new AnimationTimer() {
            private long lastPaints = -1;
            private long paintsAtSelection = -1;
            private int pulses;

            @Override
            public void handle(long now) {
                model.setTimeline(updates[++pulses % 2]);
                long paints = view.paints();
                if (paintsAtSelection >= 0) {
                    stop();
                    drawnAtNextPulse.complete(paints > paintsAtSelection);
                } else if (lastPaints >= 0 && paints > lastPaints) {
                    // A streamed redraw just happened: the next one is not due for a fifteenth of a second.
                    model.selectRow(2);
                    paintsAtSelection = view.paints();
                }
                lastPaints = paints;
            }
        }.start()).get(10, TimeUnit.SECONDS);

        assertThat(drawnAtNextPulse.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(onFx(() -> model.selectedIndex())).isEqualTo(2);
    }

    @Test
    void anIdleFinishedViewStopsRedrawing() throws Exception {
        awaitSettled();
        WaitForAsyncUtils.asyncFx(() -> model.setTimeline(TimelineSamples.fanOut(40,
                org.dbb.console.core.engine.RunState.SUCCEEDED))).get(10, TimeUnit.SECONDS);
        awaitSettled();
        long before = onFx(view::paints);

        Thread.sleep(300);

        assertThat(onFx(view::paints)).as("no redraw without a change").isEqualTo(before);
    }

    private void awaitSettled() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !view.redrawPending() && view.paints() > 0));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
