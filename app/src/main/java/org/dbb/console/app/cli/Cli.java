package org.dbb.console.app.cli;

import java.nio.file.Path;

/** Small shared facts for commands. Stateless. */
final class Cli {

    private Cli() {
    }

    /** Paths in messages are shown relative to where the user ran the command. */
    static Path currentDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
