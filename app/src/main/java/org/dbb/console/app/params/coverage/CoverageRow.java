package org.dbb.console.app.params.coverage;

import java.util.List;
import java.util.Objects;

import org.dbb.console.core.workspace.params.coverage.GuidKind;

/**
 * One GUID as the coverage list shows it. Immutable.
 *
 * @param guid          the GUID as written
 * @param line          1-based line
 * @param column        1-based column
 * @param kind          what it most likely identifies
 * @param key           the key naming it, or empty
 * @param contextBefore the text before it on its line
 * @param contextAfter  the text after it on its line
 * @param uncovered     whether the deployment leaves it unchanged
 * @param coveredBy     what replaces it, or empty
 * @param hints         why entries that seem to be about it miss it, or why nothing can replace it
 */
public record CoverageRow(String guid, int line, int column, GuidKind kind, String key, String contextBefore,
                          String contextAfter, boolean uncovered, String coveredBy, List<String> hints) {

    public CoverageRow {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(kind, "kind");
        hints = List.copyOf(hints);
    }

    /** {@code line:column}. */
    public String location() {
        return line + ":" + column;
    }

    /** {@code connection · key connection}, or the kind alone. */
    public String description() {
        return kind.label() + (key.isEmpty() ? "" : " · key " + key);
    }
}
