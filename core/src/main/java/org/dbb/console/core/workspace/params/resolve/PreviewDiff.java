package org.dbb.console.core.workspace.params.resolve;

import java.nio.file.Path;

/**
 * The unified diff of one changed file. Immutable.
 *
 * @param file          the file (absolute)
 * @param relativePath  the path relative to the repository directory, with {@code /} separators
 * @param prettyPrinted whether both sides were rendered pretty-printed because the file was re-serialised as JSON
 * @param text          the diff: an optional {@code #} comment line, {@code --- a/…}, {@code +++ b/…}, hunks
 */
public record PreviewDiff(Path file, String relativePath, boolean prettyPrinted, String text) {
}
