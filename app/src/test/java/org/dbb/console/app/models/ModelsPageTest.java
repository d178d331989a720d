package org.dbb.console.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.ModelsScreen;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.Workspace;

/** The Models page in a window, on the sample workspace's sandbox, driven through its page object. */
@ExtendWith(ApplicationExtension.class)
class ModelsPageTest {

    private static final String SCENARIO = """
            version: 1
            timeScale: 0.001
            defaults: {queueSeconds: 1, jobSeconds: 5, refreshSeconds: 300000, pollSeconds: 1}
            """;

    @TempDir
    static Path temp;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = Executors.defaultThreadFactory().newThread(r);
        t.setDaemon(true);
        return t;
    });
    private ConsoleServices services;
    private Workspace workspace;
    private ConsoleSession session;
    private Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dir = temp.resolve("run-" + System.nanoTime());
        new SampleWorkspace().exportTo(dir.resolve("dbb"));
        services = new ConsoleServices(new DataDirectories(dir.resolve("data")), name -> null,
                Optional.of(dir.resolve("data/console.db")));
        workspace = services.workspaceLoader().open(dir.resolve("dbb"));
        session = new ConsoleSession();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(page(session), 1280, 800));
        stage.show();
    }

    /** The Models page over {@code in}, with a selection store reading the data folder as a new console does. */
    private Parent page(ConsoleSession in) {
        in.workspaceProperty().set(workspace);
        in.environmentProperty().set("sandbox");
        ModelsLoader loader = new FabricModelsLoader(services::runLauncher, () -> new SandboxOptions(
                Optional.empty(), Optional.of(services.scenarioReader().defaultScenario())), "ops");
        ConsolePage page = ModelsPageFactory.page(in, loader,
                new InterventionRecorder(services::auditTrail, services.clock(), "ops", warning -> { }), services.consoleSettingsEditor(),
                ModelsPageFactory.selections(dir.resolve("data"), services.writer()),
                new ModelsViewModelTest.ScriptedDialogs(), background, new FxExecutor(), services.clock());
        assertThat(page.id()).isEqualTo("models");
        return (Parent) page.view().get();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        services.close();
    }

    @Test
    void searchFiltersTheChecklist(FxRobot robot) throws Exception {
        ModelsScreen screen = new ModelsScreen(robot).waitUntilLoaded();

        screen.search("fin");
        assertThat(screen.shownModels()).containsExactly("Finance");
        screen.search("");
        assertThat(screen.shownModels()).hasSize(6);
    }

    @Test
    void selectNoneThenOneModelBecomesTheSessionsChoice(FxRobot robot) throws Exception {
        ModelsScreen screen = new ModelsScreen(robot).waitUntilLoaded();

        screen.selectNone().toggle("HR");

        assertThat(screen.selection()).isEqualTo("1 of 6 models");
        assertThat(session.refreshChoiceProperty().get().models()).containsExactly("HR");
    }

    @Test
    void theSelectionIsRestoredWhenThePageIsOpenedAgainAndAModelThatIsGoneIsDroppedWithANote(FxRobot robot)
            throws Exception {
        ModelsScreen screen = new ModelsScreen(robot).waitUntilLoaded();
        screen.selectNone().toggle("HR").toggle("Finance");
        Path file = dir.resolve("data").resolve(ModelSelectionStore.FILE_NAME);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.isRegularFile(file)
                && Files.readString(file).contains("Finance"));

        ConsoleSession reopened = new ConsoleSession();
        robot.interact(() -> stage.getScene().setRoot(page(reopened)));
        ModelsScreen again = new ModelsScreen(robot).waitUntilLoaded();

        assertThat(again.selection()).isEqualTo("2 of 6 models");
        assertThat(again.selectedModels()).containsExactly("Finance", "HR");
        assertThat(again.selectionNote()).isEmpty();
        assertThat(reopened.refreshChoiceProperty().get().models()).containsExactly("Finance", "HR");

        new ModelSelectionStore(file, services.writer()).save(workspace.root(), "sandbox", List.of("HR", "Payroll"));
        robot.interact(() -> stage.getScene().setRoot(page(new ConsoleSession())));
        ModelsScreen third = new ModelsScreen(robot).waitUntilLoaded();

        assertThat(third.selectedModels()).containsExactly("HR");
        assertThat(third.selectionNote()).contains("Payroll").contains("no longer a model of sandbox");
    }

    @Test
    void theSliderMovesTheCapAndItsExplanation(FxRobot robot) throws Exception {
        ModelsScreen screen = new ModelsScreen(robot).waitUntilLoaded();
        assertThat(screen.cap()).isEqualTo(2);
        assertThat(screen.maxCap()).isEqualTo(6);

        screen.moveCapTo(3);

        assertThat(screen.cap()).isEqualTo(3);
        assertThat(screen.explanation()).startsWith("3 refreshes at once");
        assertThat(session.refreshChoiceProperty().get().cap()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void raisingTheCapDuringASandboxRunPutsMoreRefreshesInFlight(FxRobot robot) throws Exception {
        ModelsScreen screen = new ModelsScreen(robot).waitUntilLoaded();
        RunRequest request = new RunRequest("sandbox", Map.of(), false, Optional.empty(), OptionalInt.of(1),
                RefreshMode.POWER_BI_API, "ops", Optional.empty());
        try (PreparedRun prepared = services.runLauncher().prepare(workspace, request, new SandboxOptions(
                Optional.empty(), Optional.of(services.scenarioReader().parse(temp.resolve("slow.yml"), SCENARIO))),
                Map.of())) {
            FabricEmulator emulator = prepared.connection().emulator().orElseThrow();
            RunHandle run = prepared.start(event -> { });
            try {
                robot.interact(() -> session.activeRunProperty().set(run));
                assertThat(screen.cap()).isEqualTo(1);
                assertThat(screen.runStatus()).contains(run.runId());
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> emulator.stats().inFlightRefreshes() == 1);

                screen.moveCapTo(3);

                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> emulator.stats().inFlightRefreshes() == 3);
                assertThat(run.refreshConcurrency()).isEqualTo(OptionalInt.of(3));
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.auditTrail()
                        .entries(Optional.empty(), Optional.empty()).size() == 2);
                assertThat(services.auditTrail().entries(Optional.empty(), Optional.empty()))
                        .extracting(e -> e.before().orElseThrow() + " → " + e.after().orElseThrow())
                        .isEqualTo(List.of("1 → 2", "2 → 3"));
            } finally {
                run.cancel();
                run.completion().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
