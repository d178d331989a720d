package org.dbb.console.core.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps its own files (journal, exported sample, preferences) on this operating system:
 * {@code DBB_CONSOLE_HOME} when set, otherwise the platform's per-user application-data folder. Immutable.
 *
 * @param root the data folder
 */
public record DataDirectories(Path root) {

    /** The folder for this user and operating system, honouring {@code DBB_CONSOLE_HOME}. */
    public static DataDirectories forCurrentUser(Map<String, String> env, String osName, Path userHome) {
        String explicit = env.get("DBB_CONSOLE_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return new DataDirectories(Path.of(explicit).toAbsolutePath());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.getOrDefault("LOCALAPPDATA", userHome.resolve("AppData").resolve("Local").toString());
            return new DataDirectories(Path.of(local, "DBB Console"));
        }
        if (os.contains("mac")) {
            return new DataDirectories(userHome.resolve("Library").resolve("Application Support").resolve("DBB Console"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return new DataDirectories(base.resolve("dbb-console"));
    }

    /** Where the console remembers which account signed in to each environment (no tokens or secrets). */
    public Path signInRecords() {
        return root.resolve("sign-in");
    }

    /**
     * The embedded database (journal, monitoring rows, audit trail), as the path H2 is given: H2 adds
     * {@code .mv.db} to name the file on disk.
     */
    public Path database() {
        return root.resolve("db").resolve("dbb-console");
    }

    /** The working copy of the built-in sample workspace that commands use when no workspace is given. */
    public Path sampleWorkspace() {
        return root.resolve("sample-workspace");
    }
}
