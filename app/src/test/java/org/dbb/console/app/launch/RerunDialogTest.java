package org.dbb.console.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

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

import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.RerunDialogScreen;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.plan.RerunMode;

/** The re-run dialog on screen (headless), for a run the engine really failed in the sandbox. */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class RerunDialogTest {

    @TempDir
    static Path temp;
    private static SampleLaunches sample;
    private static RunRecord failed;
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = Executors.defaultThreadFactory().newThread(r);
        t.setDaemon(true);
        return t;
    });

    private Stage window;
    private final List<ApprovedLaunch> approved = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void failedRun() throws Exception {
        sample = new SampleLaunches(temp);
        failed = sample.finishedRun(SampleLaunches.BROKEN_TRANSFORMATION);
    }

    @AfterAll
    static void closeAll() {
        BACKGROUND.shutdownNow();
        sample.close();
    }

    @Start
    void start(Stage stage) {
        window = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != window).toList()
                .forEach(w -> ((Stage) w).close())).get();
        approved.forEach(a -> a.prepared().close());
    }

    @Test
    void previewOfAFailedRunShowsTheEarlierStagesReusedAndTheFailedOneRunAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> new RerunDialog(new RerunViewModel(
                sample.launchServices(BACKGROUND, new FxExecutor()), sample.workspace(), failed, approved::add))
                .show(window)).get();
        RerunDialogScreen dialog = new RerunDialogScreen(robot).waitUntilLoaded();
        assertThat(dialog.originalRun()).isEqualTo(failed.runId());
        assertThat(dialog.stage()).isEqualTo("Transformation");
        assertThat(dialog.modeEnabled(RerunMode.ONLY_FAILED)).isFalse();
        assertThat(dialog.rerunEnabled()).isFalse();

        dialog.previewAndWait();

        assertThat(dialog.stages()).containsExactly(
                "Stage 1 · Initialisation — reused from run " + failed.runId(),
                "Stage 2 · Integration — reused from run " + failed.runId(),
                "Stage 3 · Transformation — runs again",
                "Stage 4 · Monitoring — skipped: not part of this re-run",
                "Stage 5 · Maintenance — skipped: not part of this re-run",
                "Stage 6 · Semantic refresh — skipped: not part of this re-run");
        assertThat(dialog.rerunEnabled()).isTrue();

        dialog.chooseMode(RerunMode.FROM_STAGE);
        assertThat(dialog.rerunEnabled()).isFalse();
        dialog.previewAndWait();
        assertThat(dialog.stages()).last().asString().endsWith("runs again");
    }
}
