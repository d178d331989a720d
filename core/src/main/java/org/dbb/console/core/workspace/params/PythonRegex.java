package org.dbb.console.core.workspace.params;

import java.util.Optional;

/** Stub. */
public final class PythonRegex {
    public record Compiled(Optional<String> error, int groups) {
    }

    private PythonRegex() {
    }

    public static Compiled compile(String pattern) {
        return new Compiled(Optional.empty(), 1);
    }
}
