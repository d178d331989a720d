package org.dbb.console.core.workspace.params.regex;

/**
 * One match in a file, shown on its line: the line (shortened around the match) and where the match and its
 * group 1 sit in it. Immutable.
 *
 * @param line       1-based line the match starts on
 * @param column     1-based column it starts at
 * @param snippet    the line's text around the match; a match running past the line end is cut there
 * @param matchStart where the match starts in {@code snippet}
 * @param matchEnd   where it ends in {@code snippet}
 * @param groupStart where group 1 starts in {@code snippet}, or -1 when there is none or it did not take part
 * @param groupEnd   where group 1 ends in {@code snippet}, or -1
 * @param group      group 1's full text (the whole match for a literal), empty when it captured nothing
 */
public record TrialMatch(int line, int column, String snippet, int matchStart, int matchEnd, int groupStart,
                         int groupEnd, String group) {

    /** Whether group 1 is shown. */
    public boolean hasGroup() {
        return groupStart >= 0 && groupEnd > groupStart;
    }
}
