package org.dbb.console.app.fx;

import java.util.concurrent.Executor;

import javafx.application.Platform;

/**
 * Runs work on the JavaFX application thread: directly when already on it, otherwise queued. View models take
 * an {@link Executor} instead so tests can run them without a toolkit. Thread-safe.
 */
public final class FxExecutor implements Executor {

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
