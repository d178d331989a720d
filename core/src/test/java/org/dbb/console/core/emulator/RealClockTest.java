package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator on the system clock with a fast time scale, as the sandbox and benchmarks use it. */
class RealClockTest {

    @TempDir
    Path temp;

    @Test
    void aPipelineRunFinishesInTensOfMillisecondsAtAFastTimeScale() throws InterruptedException {
        // Transformation lasts 3 + 60 + 60 + 60 scenario seconds: 183 ms at this scale.
        try (EmulatorHarness harness = EmulatorHarness.startOnRealClock(temp, EmulatorHarness.scenario("""
                timeScale: 0.001
                """))) {
            String job = harness.runPipeline("transformation_pipeline_DBB");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String status = "";
            while (System.nanoTime() < deadline) {
                status = harness.job("DataPipeline", "transformation_pipeline_DBB", job).path("status").asText();
                if (status.equals("Completed")) {
                    break;
                }
                Thread.sleep(20);
            }

            assertThat(status).isEqualTo("Completed");
            assertThat(harness.activityRuns(job)).hasSize(3);
        }
    }
}
