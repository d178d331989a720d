package org.dbb.console.app;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.dbb.console.app.shell.WindowPreferences;
import org.dbb.console.app.shell.WindowPreferencesStore;
import org.dbb.console.core.emulator.scenario.Scenario;

/**
 * Starts the JavaFX toolkit and opens the console window, wiring view models to the composition root's
 * services. The toolkit is started directly (no {@code Application} subclass) so that dependencies pass by
 * constructor instead of through static fields. Call from the main thread.
 */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    /**
     * Opens the window on {@code workspace}, else on the workspace open last time, else on the sample workspace, and
     * blocks the calling thread until the window is closed.
     */
    public static void launch(ConsoleServices services, Optional<Path> workspace) {
        launch(services, workspace, Optional.empty());
    }

    /**
     * As {@link #launch(ConsoleServices, Optional)}, the sandbox served by {@code emulator} when given (an emulator
     * already running, e.g. {@code dbb emulator}) instead of one started in-process for the window.
     */
    public static void launch(ConsoleServices services, Optional<Path> workspace, Optional<URI> emulator) {
        CountDownLatch closed = new CountDownLatch(1);
        WindowPreferencesStore preferencesStore = new WindowPreferencesStore(
                services.dataDirectories().root().resolve("window.json"), services.writer());
        WindowPreferences preferences = preferencesStore.load();
        // Exporting the sample on first start is file I/O: done here on the caller's thread, not the FX thread.
        Path root = workspace.or(() -> preferences.lastWorkspace().map(Path::of)
                        .filter(p -> Files.isRegularFile(p.resolve("dbb-console.yml"))))
                .orElseGet(services::defaultWorkspace);
        Scenario scenario = services.scenarioReader().defaultScenario();
        AtomicReference<WindowComposition> composition = new AtomicReference<>();
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            composition.set(new WindowComposition(services, preferences, preferencesStore, scenario, emulator,
                    stage));
            composition.get().window().show(stage, root);
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Optional.ofNullable(composition.get()).ifPresent(WindowComposition::close);
        }
    }
}
