package org.dbb.console.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.dbb.console.core.history.RunHistoryEntry;
import org.dbb.console.core.history.RunHistoryStatus;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.timeline.RunTimeline;

/**
 * The morning after: the master pipeline ran on its Fabric schedule and failed in Transformation; the operator
 * opens it in the window's run history and re-runs the failed stage through the console's engine.
 */
@Timeout(180)
class FabricRunRerunPageTest extends SampleWindowPageTestBase {

    private static final String SCHEDULED_RUN_FAILING_IN_TRANSFORMATION = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            schedule:
              - pipeline: orchestration_pipeline_DBB
                startAfterSeconds: 0
                parameters: {environment: sandbox}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
            """;

    @Start
    void start(Stage stage) {
        open(stage, SCHEDULED_RUN_FAILING_IN_TRANSFORMATION);
    }

    @Test
    void theFailedStageOfAScheduledFabricRunIsReRunFromTheHistoryAndLinkedToIt(FxRobot robot) throws Exception {
        new WorkspaceScreen(robot).waitUntilLoaded();
        RunsScreen runs = new RunsScreen(robot).open();

        RunHistoryEntry fabricRun = runs.waitForHistoryEntry(e -> e.origin() == RunOrigin.FABRIC
                && e.status() == RunHistoryStatus.FAILED, 90);
        assertThat(fabricRun.startedBy()).isEqualTo("Fabric schedule");
        runs.select(fabricRun);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            RunTimeline shown = composition().runsPage().model().shownProperty().get();
            return shown != null && shown.runId().equals(fabricRun.runId())
                    && shown.stage("Transformation").map(s -> s.state() == StepState.FAILED).orElse(false)
                    && shown.stage("Integration").map(s -> s.state() == StepState.SUCCEEDED).orElse(false);
        }).get(10, TimeUnit.SECONDS));

        runs.rerunAndConfirm("Re-run Transformation");
        String headline = runs.waitUntilEnded(120);

        assertThat(headline).contains("succeeded");
        String runId = headline.split(" ")[1];
        RunRecord record = services().runJournal().find(runId).orElseThrow();
        assertThat(record.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(record.rerunOf()).contains(fabricRun.runId());
    }
}
