package org.dbb.console.app.runs;

import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.WindowComposition;
import org.dbb.console.app.testing.SampleWindow;

/**
 * What the Runs page's whole-window tests share: the window on a fresh sample workspace whose in-process sandbox
 * plays the test's scenario, closed after each test. Each subclass opens it from its own {@code @Start} method,
 * because TestFX looks for that method on the test class alone. Use on the FX thread where TestFX calls it.
 */
@ExtendWith(ApplicationExtension.class)
abstract class SampleWindowPageTestBase {

    @TempDir
    static Path temp;

    private SampleWindow window;

    /** Shows the window in {@code stage}, its sandbox playing {@code scenarioYaml}. */
    final void open(Stage stage, String scenarioYaml) {
        window = SampleWindow.open(temp, stage, scenarioYaml);
    }

    @AfterEach
    final void closeWindow() throws Exception {
        window.close();
    }

    final ConsoleServices services() {
        return window.services();
    }

    final WindowComposition composition() {
        return window.composition();
    }
}
