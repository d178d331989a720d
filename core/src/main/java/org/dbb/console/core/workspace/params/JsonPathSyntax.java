package org.dbb.console.core.workspace.params;

import java.util.Optional;

/** Stub. */
final class JsonPathSyntax {
    private JsonPathSyntax() {
    }

    static Optional<String> check(String path) {
        return Optional.empty();
    }
}
