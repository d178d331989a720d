package org.dbb.console.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the public fixture files that live beside the repository ({@code ../shared/fixtures}), so tests read
 * them in place. A clone without them skips those tests with a reason instead of failing. Stateless.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The fixtures folder, found by walking up from the working directory; empty when absent. */
    public static Optional<Path> find() {
        String configured = System.getProperty("dbb.shared.fixtures");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** The fixtures folder; skips the calling test when the shared folder is not beside the clone. */
    public static Path require() {
        Optional<Path> found = find();
        Assumptions.assumeTrue(found.isPresent(),
                "skipped: ../shared/fixtures is not beside this clone (set -Ddbb.shared.fixtures=DIR to point at it)");
        return found.get();
    }

    /** A file or folder inside the fixtures; skips the calling test when the fixtures are absent. */
    public static Path require(String relative) {
        return require().resolve(relative);
    }
}
