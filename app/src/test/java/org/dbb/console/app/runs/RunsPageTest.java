package org.dbb.console.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.pages.RunsScreen;
import org.dbb.console.app.pages.WorkspaceScreen;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.history.RunHistoryStatus;

/** The whole window on the sample workspace: a sandbox run launched from the Runs page, end to end. */
@Timeout(180)
class RunsPageTest extends SampleWindowPageTestBase {

    /** Everything succeeds, quickly; each model refreshes for about ten seconds, long enough to cancel. */
    private static final String HEALTHY = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 5000, pollSeconds: 5}
            """;

    @Start
    void start(Stage stage) {
        open(stage, HEALTHY);
    }

    @Test
    void aSandboxRunLaunchedFromTheWindowRunsEveryStageAndIsInTheHistory(FxRobot robot) throws Exception {
        new WorkspaceScreen(robot).waitUntilLoaded();
        RunsScreen runs = new RunsScreen(robot).open();

        runs.launch().previewAndWait().launch();
        String headline = runs.waitUntilEnded(150);

        assertThat(headline).contains("succeeded");
        String runId = headline.split(" ")[1];
        RunRecord record = services().runJournal().find(runId).orElseThrow();
        assertThat(record.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(record.stages().values()).contains(StepState.SUCCEEDED).doesNotContain(StepState.FAILED);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runs.history().stream()
                .anyMatch(e -> e.runId().equals(runId) && e.status() == RunHistoryStatus.SUCCEEDED));
        assertThat(services().auditTrail().entries(java.util.Optional.empty(), java.util.Optional.empty()))
                .anySatisfy(e -> assertThat(e.runId()).contains(runId));
        List<String> stages = composition().session().activeTimelineProperty().get().stages().stream()
                .map(s -> s.name() + "=" + s.state()).toList();
        assertThat(stages).contains("Initialisation=SUCCEEDED", "Integration=SUCCEEDED",
                "Transformation=SUCCEEDED", "Monitoring=SUCCEEDED");
    }

    @Test
    void cancellingMidRunAfterConfirmingCancelsTheRefreshesInFlight(FxRobot robot) throws Exception {
        new WorkspaceScreen(robot).waitUntilLoaded();
        RunsScreen runs = new RunsScreen(robot).open();
        runs.launch().previewAndWait().launch();
        runs.waitForHeadline("stage 6 of", 90);

        runs.cancelAndConfirm();
        String headline = runs.waitUntilEnded(90);

        assertThat(headline).contains("was cancelled");
        String runId = headline.split(" ")[1];
        RunRecord record = services().runJournal().find(runId).orElseThrow();
        assertThat(record.state()).isEqualTo(RunState.CANCELLED);
        assertThat(record.stages().get("Transformation")).isEqualTo(StepState.SUCCEEDED);
        assertThat(record.stages().get("Semantic refresh")).isNotEqualTo(StepState.SUCCEEDED);
        assertThat(composition().sandbox().emulator().orElseThrow().stats().inFlightRefreshes())
                .as("the refreshes in flight were cancelled in Power BI").isZero();
    }
}
