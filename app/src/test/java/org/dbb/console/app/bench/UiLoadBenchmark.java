package org.dbb.console.app.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens a {@link UiLoad}'s page in a window, drives the load while {@link FxPulseGaps} records the pulse gaps, and
 * reports them with the time the load took. Call from the benchmark's thread, never the FX thread.
 */
public final class UiLoadBenchmark {

    /** The window size the pages are measured at: the whole of Monocle's default headless screen. */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private UiLoadBenchmark() {
    }

    /** Shows {@code page} in {@code stage}, in a scene of the size the pages are measured at. FX thread. */
    public static void showPage(Stage stage, Parent page) {
        stage.setScene(new Scene(page, WIDTH, HEIGHT));
        stage.show();
    }

    /**
     * The pulse gaps while {@code load} runs in {@code stage}, and how long it took. The page is shown, made
     * ready and left to settle for {@code settle} before measuring, so its first layout and style pass are not
     * counted.
     */
    public static Result measure(Stage stage, UiLoad load, Duration settle) throws Exception {
        onFx(() -> {
            load.show(stage);
            return null;
        });
        load.awaitReady();
        Thread.sleep(settle.toMillis());
        FxPulseGaps gaps = new FxPulseGaps();
        onFx(() -> {
            gaps.start();
            return null;
        });
        long start = System.nanoTime();
        load.drive();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        FxPulseGaps.Report report = onFx(gaps::stop);
        return new Result(load.description(), report, took, load.outcome());
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }

    /**
     * One measurement. Immutable.
     *
     * @param load    what was driven
     * @param gaps    the pulse gaps while it ran
     * @param took    from the first row (or event) produced until the window showed the last
     * @param outcome what the window showed at the end
     */
    public record Result(String load, FxPulseGaps.Report gaps, Duration took, String outcome) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s in %.1f s; %s", load, gaps, took.toMillis() / 1000.0,
                    outcome);
        }
    }
}
