package org.dbb.console.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.WindowComposition;
import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.app.pages.WorkspaceScreen;
import org.dbb.console.core.sample.SampleWorkspace;

@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {

    @TempDir
    static Path temp;

    private ConsoleServices services;
    private WindowPreferencesStore preferences;
    private WindowComposition composition;

    @Start
    void start(Stage stage) {
        Path root = temp.resolve("sample-" + System.nanoTime());
        new SampleWorkspace().exportTo(root);
        services = new ConsoleServices(new DataDirectories(temp.resolve("data-" + System.nanoTime())), name -> null);
        preferences = new WindowPreferencesStore(temp.resolve("window-" + System.nanoTime() + ".json"),
                new AtomicFileWriter());
        composition = new WindowComposition(services, WindowPreferences.DEFAULTS, preferences,
                services.scenarioReader().defaultScenario(), stage);
        composition.window().show(stage, root);
    }

    @AfterEach
    void closeServices() {
        composition.close();
        services.close();
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

    @Test
    void sandboxNeedsNoSignInWhileOtherEnvironmentsOfferIt(FxRobot robot) throws Exception {
        WorkspaceScreen screen = new WorkspaceScreen(robot).waitUntilLoaded();

        assertThat(screen.signInState()).isEqualTo("Sandbox · no sign-in needed");
        assertThat(screen.signInButtonShown()).isFalse();
        screen.chooseEnvironment("PROD");
        assertThat(screen.signInState()).startsWith("Signed out");
        assertThat(screen.signInButtonShown()).isTrue();
        assertThat(screen.protectedBadgeShown()).isTrue();
    }

    @Test
    void rememberedLayoutIsWrittenWhenTheWindowCloses(FxRobot robot) throws Exception {
        WorkspaceScreen screen = new WorkspaceScreen(robot).waitUntilLoaded();
        screen.chooseEnvironment("TEST");
        screen.toggleTheme();

        screen.closeWindow();

        WindowPreferences saved = preferences.load();
        assertThat(saved.lastEnvironment()).contains("TEST");
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.lastWorkspace()).hasValueSatisfying(p -> assertThat(p).contains("sample-"));
    }
}
