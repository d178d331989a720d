package org.dbb.console.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.shell.ConsoleWindow;
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
     * Opens the window on {@code workspace}, or on the sample workspace when empty, and blocks the calling thread
     * until the window is closed.
     */
    public static void launch(ConsoleServices services, Optional<Path> workspace) {
        CountDownLatch closed = new CountDownLatch(1);
        ExecutorService background = Executors.newFixedThreadPool(2, DaemonThreads.named("dbb-background-"));
        // Exporting the sample on first start is file I/O: done here on the caller's thread, not the FX thread.
        Path root = workspace.orElseGet(services::defaultWorkspace);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            WorkspaceViewModel model = new WorkspaceViewModel(services.workspaceLoader(), services.masterStagesReader(),
                    services.workspaceValidator(), background,
                    new FxExecutor());
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            new ConsoleWindow(model).show(stage, root);
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            background.shutdownNow();
        }
    }
}
