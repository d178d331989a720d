package org.dbb.console.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.pages.RerunDialogScreen;
import org.dbb.console.app.pages.RunsScreen;
import org.dbb.console.app.pages.TimelineScreen;
import org.dbb.console.app.pages.WorkspaceScreen;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.history.RunHistoryEntry;
import org.dbb.console.core.history.RunHistoryStatus;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.plan.RerunMode;

/**
 * The window on the sample workspace: a console run fails in Transformation once its retries are spent, and the
 * operator re-runs that stage alone from the Runs page, straight from the run that just ended on the timeline.
 */
@Timeout(120)
class FailedRunRerunPageTest extends SampleWindowPageTestBase {

    private static final String TRANSFORMATION = "transformation_pipeline_DBB";

    /**
     * The master pipeline gives "Run transformation pipeline" two retries (three attempts), so failing the
     * transformation pipeline's first three runs fails the first console run and lets every later run succeed.
     */
    private static final String TRANSFORMATION_FAILS_IN_THE_FIRST_RUN = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
            """;

    @Start
    void start(Stage stage) {
        open(stage, TRANSFORMATION_FAILS_IN_THE_FIRST_RUN);
    }

    @Test
    void theFailedStageOfTheRunJustEndedIsReRunAloneAndTheReRunIsLinkedToIt(FxRobot robot) throws Exception {
        new WorkspaceScreen(robot).waitUntilLoaded();
        RunsScreen runs = new RunsScreen(robot).open();
        TimelineScreen timeline = new TimelineScreen(robot);

        runs.launch().previewAndWait().launch();
        String failedHeadline = runs.waitUntilEnded(60);

        assertThat(failedHeadline).contains(" failed after ").contains("Transformation");
        String original = RunsScreen.runIdOf(failedHeadline);
        timeline.waitUntilShowing(original);
        assertThat(timeline.stageStates()).containsEntry("Integration", StepState.SUCCEEDED)
                .containsEntry("Transformation", StepState.FAILED)
                .doesNotContainEntry("Monitoring", StepState.SUCCEEDED);
        assertThat(stats().jobsStarted("sandbox", TRANSFORMATION)).as("every attempt the retry policy allows")
                .isEqualTo(3);

        RerunDialogScreen dialog = runs.rerunByShortcut();
        assertThat(dialog.originalRun()).isEqualTo(original);
        assertThat(dialog.stage()).isEqualTo("Transformation");
        dialog.chooseMode(RerunMode.STAGE_ONLY).previewAndWait();
        assertThat(dialog.stages()).contains("Stage 3 · Transformation — runs again");
        dialog.rerun();
        String rerunHeadline = runs.waitUntilAnotherRunEnded(original, 60);

        assertThat(rerunHeadline).contains(" succeeded after ");
        String rerun = RunsScreen.runIdOf(rerunHeadline);
        timeline.waitUntilShowing(rerun);
        assertThat(timeline.notes()).contains("Re-run of " + original);
        assertThat(timeline.stageStates()).containsEntry("Transformation", StepState.SUCCEEDED);
        assertThat(stats().jobsStarted("sandbox", TRANSFORMATION)).as("one more run, for the re-run").isEqualTo(4);
        RunRecord record = services().runJournal().find(rerun).orElseThrow();
        assertThat(record.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(record.rerunOf()).contains(original);
        RunHistoryEntry rerunEntry = runs.waitForHistoryEntry(e -> e.runId().equals(rerun)
                && e.status() == RunHistoryStatus.SUCCEEDED, 20);
        assertThat(rerunEntry.rerunOf()).contains(original);
        assertThat(rerunEntry.rerunOfOrigin()).contains(RunOrigin.CONSOLE);
        assertThat(runs.waitForHistoryEntry(e -> e.runId().equals(original) && !e.rerunBy().isEmpty(), 20)
                .rerunBy()).containsExactly(rerun);
        assertThat(services().auditTrail().entries(Optional.empty(), Optional.empty())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.RERUN);
            assertThat(e.runId()).contains(rerun);
            assertThat(e.subject()).contains(original);
        });
    }

    private EmulatorStats stats() {
        return composition().sandbox().emulator().orElseThrow().stats();
    }
}
