package org.dbb.console.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dbb.console.core.sample.SampleWorkspace;

/**
 * What a console window on the sample workspace works in: a fresh export of the sample workspace, the console's
 * data folder (journal, monitoring rows, audit trail), the sandbox's scenario file and the window's preferences.
 * Windows opened one after the other on the same folders are the same console restarted. Immutable.
 *
 * @param workspace         the exported sample workspace repository
 * @param data              the console's data folder
 * @param scenario          the sandbox scenario file
 * @param windowPreferences the window's preferences file
 */
public record SampleFolders(Path workspace, Path data, Path scenario, Path windowPreferences) {

    /** Exports the sample workspace into new folders under {@code temp} and writes {@code scenarioYaml} there. */
    public static SampleFolders create(Path temp, String scenarioYaml) {
        Path workspace = temp.resolve("sample-" + System.nanoTime());
        new SampleWorkspace().exportTo(workspace);
        return around(workspace, temp, scenarioYaml);
    }

    /** New folders under {@code temp} around a workspace already exported (and perhaps changed) there. */
    public static SampleFolders around(Path workspace, Path temp, String scenarioYaml) {
        String unique = Long.toString(System.nanoTime());
        Path scenario = temp.resolve("scenario-" + unique + ".yml");
        try {
            Files.writeString(scenario, scenarioYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SampleFolders(workspace, temp.resolve("data-" + unique), scenario,
                temp.resolve("window-" + unique + ".json"));
    }
}
