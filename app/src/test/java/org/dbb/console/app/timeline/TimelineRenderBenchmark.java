package org.dbb.console.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.app.timeline.TimelineSamples.T0;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.timeline.RunTimeline;

/**
 * What one streaming update costs on the FX thread: {@code setTimeline} (flattening, extent, elapsed) and one frame
 * of the view (canvas and label cells), for a fan-out of 5,000 expanded items against one of 250, so the figure
 * printed is per-update milliseconds and the 5,000 / 250 ratio. Drawing only the rows in view should keep the
 * frame's cost flat; flattening grows with the rows. Excluded from the default build (tag {@code benchmark}); run
 * it with {@code mvn -q -o -pl app test -Dtest=TimelineRenderBenchmark -Dgroups=benchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class TimelineRenderBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);

    private final MutableClock clock = new MutableClock(T0.plusSeconds(600));
    private TimelineViewModel model;
    private TimelineView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new TimelineViewModel(clock);
        view = new TimelineView(model);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    @Test
    void updateAndFrameCostOf5000RowsAgainst250() throws Exception {
        measure(250);
        measure(5_000);
        Cost small = measure(250);
        Cost large = measure(5_000);

        System.out.printf(Locale.ROOT, "timeline update: setTimeline %.3f ms, frame %.3f ms for %d rows%n",
                small.update, small.frame, 250);
        System.out.printf(Locale.ROOT, "timeline update: setTimeline %.3f ms, frame %.3f ms for %d rows%n",
                large.update, large.frame, 5_000);
        System.out.printf(Locale.ROOT, "ratio 5,000 / 250 rows: setTimeline %.1fx, frame %.1fx%n",
                large.update / small.update, large.frame / small.frame);
        assertThat(large.frame).isPositive();
    }

    private record Cost(double update, double frame) {
    }

    private Cost measure(int items) throws Exception {
        // Two distinct timelines, as a stream of updates of one run delivers.
        RunTimeline[] updates = {TimelineSamples.fanOut(items, RunState.RUNNING),
            TimelineSamples.fanOut(items, RunState.RUNNING)};
        return WaitForAsyncUtils.asyncFx(() -> {
            model.setTimeline(updates[0]);
            model.expandAll();
            long updateNanos = 0;
            long frameNanos = 0;
            for (int i = 0; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                model.setTimeline(updates[i % 2]);
                long t1 = System.nanoTime();
                view.paintNow();
                view.layout();
                long t2 = System.nanoTime();
                updateNanos += t1 - t0;
                frameNanos += t2 - t1;
            }
            assertThat(model.rows()).hasSize(items + 2);
            return new Cost(updateNanos / 1e6 / ROUNDS, frameNanos / 1e6 / ROUNDS);
        }).get(10, TimeUnit.MINUTES);
    }
}
