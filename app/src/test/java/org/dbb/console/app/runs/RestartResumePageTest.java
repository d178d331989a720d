package org.dbb.console.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.pages.RunsScreen;
import org.dbb.console.app.pages.TimelineScreen;
import org.dbb.console.app.pages.WorkspaceScreen;
import org.dbb.console.app.testing.SampleFolders;
import org.dbb.console.app.testing.SampleWindow;
import org.dbb.console.app.testing.StandaloneSandbox;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.history.RunHistoryEntry;
import org.dbb.console.core.history.RunHistoryStatus;

/**
 * The console is closed while its run is in Transformation and opened again on the same data folder: the run is
 * offered for resume on the Runs page, resumes under its own id and succeeds, and Fabric saw every job once.
 *
 * <p>Closing the window does not end a run: the launcher closes the window's composition and the process exits,
 * which stops the engine where it stands and leaves the run in the journal exactly as a crash would (no end, the
 * Transformation job recorded as submitted). {@link SampleWindow#quit()} does both steps in this JVM: it closes the
 * composition, then shuts the services' executors down and closes the database, the in-process counterpart of the
 * exit. The sandbox is a {@link StandaloneSandbox}, as {@code dbb emulator} serves it, because the window's
 * in-process emulator dies with the window and with it the jobs the run is waiting for.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class RestartResumePageTest {

    private static final String TRANSFORMATION = "transformation_pipeline_DBB";

    /** Everything succeeds; the dbt build in Transformation takes about five seconds, long enough to quit in. */
    private static final String SLOW_TRANSFORMATION = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            items:
              dbt_gold: {seconds: 2500}
            """;

    @TempDir
    static Path temp;

    private static SampleFolders folders;
    private static StandaloneSandbox sandbox;
    private SampleWindow first;
    private SampleWindow second;

    /** Exported and served before the window opens, so opening it is all the FX thread does at the start. */
    @BeforeAll
    static void sandbox() {
        folders = SampleFolders.create(temp, SLOW_TRANSFORMATION);
        sandbox = StandaloneSandbox.start(folders);
    }

    @Start
    void start(Stage stage) {
        first = SampleWindow.open(folders, stage, Optional.of(sandbox.url()));
    }

    @AfterEach
    void close() throws Exception {
        if (second != null) {
            second.close();
        }
        first.close();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aRunInterruptedByClosingTheConsoleIsResumedAfterItOpensAgainWithoutSubmittingAJobTwice(FxRobot robot)
            throws Exception {
        new WorkspaceScreen(robot).waitUntilLoaded();
        RunsScreen runs = new RunsScreen(robot).open();
        runs.launch().previewAndWait().launch();
        runs.waitForHeadline("stage 3 of 6: Transformation", 60);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> sandbox.stats().jobsStarted("sandbox", TRANSFORMATION) == 1);
        String runId = RunsScreen.runIdOf(runs.headline());

        first.quit();
        second = WaitForAsyncUtils.asyncFx(() -> SampleWindow.open(folders, new Stage(), Optional.of(sandbox.url())))
                .get(30, TimeUnit.SECONDS);

        RunRecord left = second.services().runJournal().find(runId).orElseThrow();
        assertThat(left.endedAt()).as("the run was left without an end").isEmpty();
        assertThat(left.stages().get("Transformation")).isNotEqualTo(StepState.SUCCEEDED);
        new WorkspaceScreen(robot).waitUntilLoaded();
        RunsScreen reopened = new RunsScreen(robot).open();
        RunHistoryEntry interrupted = reopened.waitForHistoryEntry(e -> e.runId().equals(runId), 30);
        assertThat(interrupted.status()).isEqualTo(RunHistoryStatus.INTERRUPTED);
        reopened.select(interrupted);
        new TimelineScreen(robot).waitUntilShowing(runId);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, reopened::resumeEnabled);

        reopened.resumeAndConfirm();
        String headline = reopened.waitUntilEnded(60);

        assertThat(headline).startsWith("Run " + runId + " succeeded after ");
        RunRecord record = second.services().runJournal().find(runId).orElseThrow();
        assertThat(record.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(record.stages().values()).containsOnly(StepState.SUCCEEDED);
        assertThat(new TimelineScreen(robot).waitUntilShowing(runId).stageStates())
                .containsEntry("Transformation", StepState.SUCCEEDED)
                .containsEntry("Semantic refresh", StepState.SUCCEEDED);
        // with no scripted failure an uninterrupted run starts every item's job exactly once
        assertThat(sandbox.stats().jobsStartedPerItem()).as("jobs started per item")
                .containsKeys("sandbox/integration_pipeline_DBB", "sandbox/" + TRANSFORMATION)
                .allSatisfy((item, jobs) -> assertThat(jobs).as(item).isEqualTo(1));
    }
}
