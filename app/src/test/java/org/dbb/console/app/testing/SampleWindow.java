package org.dbb.console.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.WindowComposition;
import org.dbb.console.app.shell.WindowPreferences;
import org.dbb.console.app.shell.WindowPreferencesStore;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.sample.SampleWorkspace;

/**
 * The whole console window on a fresh export of the sample workspace, with its own data folder and its sandbox
 * playing a given scenario. Open it in a TestFX {@code @Start} method (FX thread); close it after each test.
 */
public final class SampleWindow implements AutoCloseable {

    private final ConsoleServices services;
    private final WindowComposition composition;

    private SampleWindow(ConsoleServices services, WindowComposition composition) {
        this.services = services;
        this.composition = composition;
    }

    /** Shows the window in {@code stage}, its sandbox playing {@code scenarioYaml}. */
    public static SampleWindow open(Path temp, Stage stage, String scenarioYaml) {
        return open(temp, stage, scenarioYaml, exportSample(temp));
    }

    /**
     * A fresh export of the sample workspace under {@code temp}, for a test that changes it before opening it with
     * {@link #open(Path, Stage, String, Path)}. Writes files: call it off the FX thread.
     */
    public static Path exportSample(Path temp) {
        Path root = temp.resolve("sample-" + System.nanoTime());
        new SampleWorkspace().exportTo(root);
        return root;
    }

    /** Shows the window on workspace {@code root} in {@code stage}, its sandbox playing {@code scenarioYaml}. */
    public static SampleWindow open(Path temp, Stage stage, String scenarioYaml, Path root) {
        String unique = Long.toString(System.nanoTime());
        ConsoleServices services = new ConsoleServices(new DataDirectories(temp.resolve("data-" + unique)),
                name -> null);
        Path scenario = temp.resolve("scenario-" + unique + ".yml");
        try {
            Files.writeString(scenario, scenarioYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WindowComposition composition = new WindowComposition(services, WindowPreferences.DEFAULTS,
                new WindowPreferencesStore(temp.resolve("window-" + unique + ".json"), new AtomicFileWriter()),
                services.scenarioReader().read(scenario), stage);
        composition.window().show(stage, root);
        return new SampleWindow(services, composition);
    }

    public ConsoleServices services() {
        return services;
    }

    public WindowComposition composition() {
        return composition;
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(composition::close).get(30, TimeUnit.SECONDS);
        services.close();
    }
}
