package org.dbb.console.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console window stays smooth while a 200-step sandbox run streams onto the Runs page's timeline and 100,000
 * monitoring rows are ingested: the whole window on the sample workspace grown to 200 semantic models (a step
 * each), a run launched from the Runs page through the real engine and the window's emulator, and a writer thread
 * appending 100,000 rows to the same embedded store in transactions of 100 while it runs (Monocle's headless glass,
 * software rendering, as the surefire configuration sets). Passes when the 99th percentile of the gaps between
 * pulses is at most 33 ms (no more than one missed frame at 60 Hz), the run succeeded with every step on the
 * timeline, and the Monitoring page's view model holds every row written, the run's and the writer's, by id. Excluded
 * from the default build (tag {@code benchmark}); run it with
 * {@code mvn -o -pl app -am test -Dtest=StreamingRunBenchmark -Dgroups=benchmark -DexcludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. {@code -Dbench.steps=N} (semantic models refreshed),
 * {@code -Dbench.rows=N} and {@code -Dbench.chunk=N} change the load.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class StreamingRunBenchmark {

    static final double P99_LIMIT_MS = 33;

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aStreamingRunOf200StepsAnd100kRowsKeepThePulseGapsUnder33msAtP99AndNothingIsDropped() throws Exception {
        int steps = Integer.getInteger("bench.steps", 200);
        int rows = Integer.getInteger("bench.rows", 100_000);
        int chunk = Integer.getInteger("bench.chunk", 100);
        UiLoadBenchmark.Result result;
        int timelineSteps;
        int written;
        int shown;
        try (StreamingRunLoad load = new StreamingRunLoad(dir, steps, rows, chunk)) {
            result = UiLoadBenchmark.measure(stage, load, Duration.ofSeconds(2));
            timelineSteps = load.timelineSteps();
            written = load.rowsWritten();
            shown = load.rowsShown();
        }
        System.out.println("[benchmark] " + result);

        assertThat(timelineSteps).as("steps on the timeline").isGreaterThanOrEqualTo(steps);
        assertThat(shown).as("rows in the monitoring view model").isEqualTo(written);
        assertThat(result.gaps().p99()).as("p99 pulse gap (ms): %s", result).isLessThanOrEqualTo(P99_LIMIT_MS);
    }
}
