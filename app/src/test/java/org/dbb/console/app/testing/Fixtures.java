package org.dbb.console.app.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code ../shared/fixtures} beside the clone for app tests; tests skip when it is absent. Stateless. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Optional<Path> find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
