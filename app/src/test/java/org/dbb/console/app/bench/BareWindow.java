package org.dbb.console.app.bench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The least a JavaFX program does to show a window, started the way the console starts (the toolkit directly,
 * no {@code Application}): the baseline of {@link StartupBenchmark}. Run as a main class in a child JVM.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("Bare window");
            stage.setScene(new Scene(new StackPane(new Label("A bare JavaFX window")), 1280, 800));
            stage.show();
        });
    }
}
