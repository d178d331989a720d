package org.dbb.console.app;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.dbb.console.app.fx.FxExecutor;
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
        launch(() -> services, workspace, Optional.empty());
    }

    /**
     * As {@link #launch(ConsoleServices, Optional)}, the sandbox served by {@code emulator} when given (an emulator
     * already running, e.g. {@code dbb emulator}) instead of one started in-process for the window.
     */
    public static void launch(ConsoleServices services, Optional<Path> workspace, Optional<URI> emulator) {
        launch(() -> services, workspace, emulator);
    }

    /**
     * As {@link #launch(ConsoleServices, Optional, Optional)}, with the services built by {@code services} on a
     * start-up thread while the toolkit starts on this one: the two are the bulk of the time to the first window
     * and need nothing from each other.
     */
    public static void launch(Supplier<ConsoleServices> services, Optional<Path> workspace, Optional<URI> emulator) {
        ExecutorService startup = Executors.newSingleThreadExecutor(DaemonThreads.named("dbb-startup-"));
        CompletableFuture<Opening> opening;
        try {
            opening = CompletableFuture.supplyAsync(() -> Opening.prepare(services.get(), workspace), startup);
        } finally {
            startup.shutdown();
        }
        Platform.setImplicitExit(true);
        Platform.startup(() -> { });
        Opening open = awaitOpening(opening);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<WindowComposition> composition = new AtomicReference<>();
        new FxExecutor().execute(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            composition.set(new WindowComposition(open.services(), open.preferences(), open.preferencesStore(),
                    open.scenario(), emulator, stage));
            composition.get().window().show(stage, open.root());
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Optional.ofNullable(composition.get()).ifPresent(WindowComposition::close);
        }
    }

    private static Opening awaitOpening(CompletableFuture<Opening> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            Platform.exit();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** What the window opens with, read before it is built. Immutable. */
    private record Opening(ConsoleServices services, WindowPreferences preferences,
                           WindowPreferencesStore preferencesStore, Path root, Scenario scenario) {

        /** Reads the remembered layout and the default scenario, and exports the sample on first start: file I/O. */
        static Opening prepare(ConsoleServices services, Optional<Path> workspace) {
            WindowPreferencesStore store = new WindowPreferencesStore(
                    services.dataDirectories().root().resolve("window.json"), services.writer());
            WindowPreferences preferences = store.load();
            Path root = workspace.or(() -> preferences.lastWorkspace().map(Path::of)
                            .filter(p -> Files.isRegularFile(p.resolve("dbb-console.yml"))))
                    .orElseGet(services::defaultWorkspace);
            return new Opening(services, preferences, store, root, services.scenarioReader().defaultScenario());
        }
    }
}
