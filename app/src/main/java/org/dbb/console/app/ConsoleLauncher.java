package org.dbb.console.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.shell.ConsoleWindow;
import org.dbb.console.app.shell.ShellViewModel;
import org.dbb.console.app.shell.WindowPreferences;
import org.dbb.console.app.shell.WindowPreferencesStore;
import org.dbb.console.app.workspace.WorkspaceView;
import org.dbb.console.app.workspace.WorkspaceViewModel;

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
        CountDownLatch closed = new CountDownLatch(1);
        WindowPreferencesStore preferencesStore = new WindowPreferencesStore(
                services.dataDirectories().root().resolve("window.json"), services.writer());
        WindowPreferences preferences = preferencesStore.load();
        // Exporting the sample on first start is file I/O: done here on the caller's thread, not the FX thread.
        Path root = workspace.or(() -> preferences.lastWorkspace().map(Path::of)
                        .filter(p -> Files.isRegularFile(p.resolve("dbb-console.yml"))))
                .orElseGet(services::defaultWorkspace);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            window(services, preferences, preferencesStore).show(stage, root);
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds the window and every page's view model from the services. Call on the FX thread. */
    public static ConsoleWindow window(ConsoleServices services, WindowPreferences preferences,
                                       WindowPreferencesStore preferencesStore) {
        FxExecutor fx = new FxExecutor();
        ConsoleSession session = new ConsoleSession();
        WorkspaceViewModel overview = new WorkspaceViewModel(services.workspaceLoader(),
                services.masterStagesReader(), services.workspaceValidator(), services.executors().background(), fx);
        List<ConsolePage> pages = List.of(
                new ConsolePage("overview", "Overview", AppIcon.OVERVIEW, () -> new WorkspaceView(overview)));
        ShellViewModel shell = new ShellViewModel(session, pages, services.signInStatuses(),
                (ws, env) -> services.signIn().tokensFor(env, Map.of()), services.executors().background(), fx);
        return new ConsoleWindow(shell, overview, preferences, preferencesStore::save);
    }
}
