package org.dbb.console.app.retry;

import java.util.List;
import java.util.Objects;

/**
 * The unified diff one save makes to one pipeline file, for review before writing. Immutable.
 *
 * @param relativePath the file relative to the workspace, with {@code /} separators
 * @param lines        the diff: {@code --- a/…}, {@code +++ b/…}, hunks with 3 lines of context
 * @param activities   the activities whose policy changes in this file
 */
public record FileDiff(String relativePath, List<String> lines, List<String> activities) {

    public FileDiff {
        Objects.requireNonNull(relativePath, "relativePath");
        lines = List.copyOf(lines);
        activities = List.copyOf(activities);
    }

    /** The diff as one text. */
    public String text() {
        return String.join("\n", lines);
    }
}
