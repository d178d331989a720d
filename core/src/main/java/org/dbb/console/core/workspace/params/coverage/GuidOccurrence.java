package org.dbb.console.core.workspace.params.coverage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.workspace.Item;

/**
 * One GUID found in an item file, with where it is, what it looks like, and whether the chosen environment's
 * deployment changes it. Immutable.
 *
 * @param file         the file (absolute)
 * @param relativePath the file relative to the repository directory, with {@code /} separators
 * @param item         the item the file belongs to
 * @param line         1-based line
 * @param column       1-based column (characters, as an editor counts them)
 * @param guid         the GUID as written
 * @param context      the surrounding text on its line, shortened to about 60 characters on each side
 * @param guidStart    where the GUID starts in {@code context}
 * @param key          the key the GUID is the value of ({@code workspaceId}, {@code lineageTag}…), when one names it
 * @param kind         what it most likely identifies
 * @param state        whether, and by whom, it is replaced for the environment
 * @param coveredBy    what replaces it ({@code find_replace 3}, {@code logicalId of Notebook 'x'}), when something does
 * @param hints        why an entry that seems to be about this GUID does not replace it here
 */
public record GuidOccurrence(Path file, String relativePath, Item item, int line, int column, String guid,
                             String context, int guidStart, Optional<String> key, GuidKind kind,
                             CoverageState state, Optional<String> coveredBy, List<String> hints) {

    public GuidOccurrence {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(coveredBy, "coveredBy");
        hints = List.copyOf(hints);
    }

    public boolean uncovered() {
        return state == CoverageState.UNCOVERED;
    }

    /** The context before the GUID. */
    public String contextBefore() {
        return context.substring(0, guidStart);
    }

    /** The context after the GUID. */
    public String contextAfter() {
        return context.substring(Math.min(context.length(), guidStart + guid.length()));
    }

    GuidOccurrence withCoverage(CoverageState newState, Optional<String> by) {
        return new GuidOccurrence(file, relativePath, item, line, column, guid, context, guidStart, key, kind,
                newState, by, hints);
    }

    GuidOccurrence withHints(List<String> newHints) {
        return new GuidOccurrence(file, relativePath, item, line, column, guid, context, guidStart, key, kind,
                state, coveredBy, newHints);
    }
}
