package org.dbb.console.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.WorkspaceScreen;
import org.dbb.console.app.workspace.WorkspaceViewModel;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;

@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {

    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = Executors.defaultThreadFactory().newThread(r);
        t.setDaemon(true);
        return t;
    });

    @TempDir
    static Path temp;

    @Start
    void start(Stage stage) {
        Path root = temp.resolve("sample-" + System.nanoTime());
        new SampleWorkspace().exportTo(root);
        WorkspaceViewModel model = new WorkspaceViewModel(
                new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments())),
                new MasterStagesReader(new PipelineReader(), new StageLayouts()),
                org.dbb.console.app.testing.TestServices.validator(), BACKGROUND, new FxExecutor());
        new ConsoleWindow(model).show(stage, root);
    }

    @AfterAll
    static void stopBackground() {
        BACKGROUND.shutdownNow();
    }

    @Test
    void opensTheSampleWorkspaceWithItsItemsGroupedByType(FxRobot robot) throws Exception {
        WorkspaceScreen screen = new WorkspaceScreen(robot).waitUntilLoaded();

        assertThat(screen.itemsOfType("DataPipeline")).contains("orchestration_pipeline_DBB",
                "integration_pipeline_DBB", "transformation_pipeline_DBB", "refresh_semantic_models");
        assertThat(screen.itemsOfType("SemanticModel")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(screen.status()).contains("items");
    }

    @Test
    void windowCarriesTheAppIconAndTheWorkspaceInItsTitle(FxRobot robot) throws Exception {
        WorkspaceScreen screen = new WorkspaceScreen(robot).waitUntilLoaded();

        assertThat(screen.window().getIcons()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(screen.window().getTitle()).startsWith(ConsoleWindow.TITLE + " — sample-");
    }

    @Test
    void environmentSwitcherOffersEveryEnvironmentAndMarksProduction(FxRobot robot) throws Exception {
        WorkspaceScreen screen = new WorkspaceScreen(robot).waitUntilLoaded();

        assertThat(screen.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(screen.selectedEnvironment()).isEqualTo("sandbox");
        screen.chooseEnvironment("PROD");
        assertThat(screen.selectedEnvironment()).isEqualTo("PROD");
    }
}
