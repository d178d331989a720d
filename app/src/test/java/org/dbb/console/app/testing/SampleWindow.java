package org.dbb.console.app.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
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

    private final SampleFolders folders;
    private final Stage stage;
    private final ConsoleServices services;
    private final WindowComposition composition;
    private boolean closed;

    private SampleWindow(SampleFolders folders, Stage stage, ConsoleServices services,
                         WindowComposition composition) {
        this.folders = folders;
        this.stage = stage;
        this.services = services;
        this.composition = composition;
    }

    /** Shows the window in {@code stage}, its in-process sandbox playing {@code scenarioYaml}. */
    public static SampleWindow open(Path temp, Stage stage, String scenarioYaml) {
        return open(SampleFolders.create(temp, scenarioYaml), stage, Optional.empty());
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

    /** Shows the window on workspace {@code root} in {@code stage}, its in-process sandbox playing the scenario. */
    public static SampleWindow open(Path temp, Stage stage, String scenarioYaml, Path root) {
        return open(SampleFolders.around(root, temp, scenarioYaml), stage, Optional.empty());
    }

    /**
     * Shows the window on {@code folders} in {@code stage} with services of its own, as a console started on them
     * does; its sandbox is {@code emulator} when given (one outliving the window), else in-process.
     */
    public static SampleWindow open(SampleFolders folders, Stage stage, Optional<URI> emulator) {
        ConsoleServices services = new ConsoleServices(new DataDirectories(folders.data()), name -> null);
        WindowComposition composition = new WindowComposition(services, WindowPreferences.DEFAULTS,
                new WindowPreferencesStore(folders.windowPreferences(), new AtomicFileWriter()),
                services.scenarioReader().read(folders.scenario()), emulator, stage);
        composition.window().show(stage, folders.workspace());
        return new SampleWindow(folders, stage, services, composition);
    }

    public SampleFolders folders() {
        return folders;
    }

    public ConsoleServices services() {
        return services;
    }

    public WindowComposition composition() {
        return composition;
    }

    /**
     * Quits the console as closing its window does: the window goes away and its composition is closed, as the
     * launcher does once the window is hidden; then the console's executors and database stop, as they do when its
     * process exits, so whatever was running is left as it was. Call off the FX thread.
     */
    public void quit() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::hide).get(30, TimeUnit.SECONDS);
        close();
    }

    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        WaitForAsyncUtils.asyncFx(composition::close).get(30, TimeUnit.SECONDS);
        services.close();
    }
}
