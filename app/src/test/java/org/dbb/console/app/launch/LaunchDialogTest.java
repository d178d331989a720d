package org.dbb.console.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.LaunchDialogScreen;
import org.dbb.console.app.shell.RefreshChoice;

/** The launch dialog on screen (headless), over the sample workspace and its sandbox. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class LaunchDialogTest {

    @TempDir
    Path temp;

    private Stage window;
    private SampleLaunches sample;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = Executors.defaultThreadFactory().newThread(r);
        t.setDaemon(true);
        return t;
    });
    private final List<ApprovedLaunch> approved = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        window = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w != window).toList().forEach(w -> ((Stage) w).close())).get();
        approved.forEach(a -> a.prepared().close());
        // a preview still being prepared finishes and is closed before the services it uses go
        background.shutdown();
        background.awaitTermination(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        if (sample != null) {
            sample.close();
        }
    }

    private LaunchDialogScreen open(String environment) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> new LaunchDialog(new LaunchViewModel(
                sample.launchServices(background, new FxExecutor()), sample.workspace(), environment,
                RefreshChoice.DEFAULT, approved::add)).show(window)).get();
        return new LaunchDialogScreen(new FxRobot()).waitUntilLoaded();
    }

    @Test
    void anInvalidIntShowsTheMessageUnderItsFieldAndLaunchStaysDisabled(FxRobot robot) throws Exception {
        sample = new SampleLaunches(temp);
        LaunchDialogScreen dialog = open("sandbox");

        dialog.typeParameter("retention_days", "forty");

        assertThat(dialog.parameterMessage("retention_days")).isEqualTo("parameter 'retention_days' is declared"
                + " int, so the launch value must be an int (a whole number); \"forty\" is not one");
        assertThat(dialog.previewEnabled()).isFalse();
        assertThat(dialog.launchEnabled()).isFalse();
        dialog.typeParameter("retention_days", "45");
        assertThat(dialog.parameterMessage("retention_days")).isEmpty();
        assertThat(dialog.previewEnabled()).isTrue();
    }

    @Test
    void previewOnTheSampleSandboxShowsAllSixStagesAndLaunchHandsTheRunOver(FxRobot robot) throws Exception {
        sample = new SampleLaunches(temp);
        LaunchDialogScreen dialog = open("sandbox");
        assertThat(dialog.launchEnabled()).isFalse();

        dialog.previewAndWait();

        assertThat(dialog.stages()).extracting(s -> s.substring(0, s.indexOf(" — "))).containsExactly(
                "Stage 1 · Initialisation", "Stage 2 · Integration", "Stage 3 · Transformation",
                "Stage 4 · Monitoring", "Stage 5 · Maintenance", "Stage 6 · Semantic refresh");
        assertThat(dialog.launchEnabled()).isTrue();
        dialog.launch();
        assertThat(approved).singleElement().satisfies(a -> assertThat(a.request().environment())
                .isEqualTo("sandbox"));
        assertThat(dialog.isOpen()).isFalse();
    }

    @Test
    void aProtectedEnvironmentRequiresItsTypedNameBeforePreviewLooksAnythingUp(FxRobot robot) throws Exception {
        sample = new SampleLaunches(temp).editSettings(text -> text.replace("    emulator: true",
                "    emulator: true\n    protected: true"));
        sample.dialogs().typeName("sandbx").typeName("sandbox");
        LaunchDialogScreen dialog = open("sandbox");

        dialog.preview();
        assertThat(dialog.status()).isEqualTo("Nothing was looked up: the name of sandbox was not typed.");
        assertThat(dialog.launchEnabled()).isFalse();

        dialog.previewAndWait();
        assertThat(sample.dialogs().asked()).hasSize(2);
        assertThat(dialog.stages()).hasSize(6);
        assertThat(dialog.launchEnabled()).isTrue();
    }
}
