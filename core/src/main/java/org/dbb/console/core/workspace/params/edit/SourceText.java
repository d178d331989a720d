package org.dbb.console.core.workspace.params.edit;

import org.yaml.snakeyaml.error.Mark;

/**
 * The text being edited, with the line arithmetic the editor needs. SnakeYAML marks count Unicode code points,
 * while Java strings count UTF-16 units, so every mark goes through {@link #offset(Mark)}. Immutable.
 */
final class SourceText {

    private final String text;
    /** Code point index to char offset; null when the text has no surrogate pairs and both are the same. */
    private final int[] charOffsets;

    SourceText(String text) {
        this.text = text;
        this.charOffsets = text.length() == text.codePointCount(0, text.length()) ? null : mapCodePoints(text);
    }

    private static int[] mapCodePoints(String text) {
        int count = text.codePointCount(0, text.length());
        int[] offsets = new int[count + 1];
        int offset = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        offsets[count] = offset;
        return offsets;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** The char offset a SnakeYAML mark points at. */
    int offset(Mark mark) {
        int index = mark.getIndex();
        return charOffsets == null ? index : charOffsets[Math.min(index, charOffsets.length - 1)];
    }

    /** Offset of the first char of the line that holds {@code pos}. */
    int lineStart(int pos) {
        return pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
    }

    /**
     * Offset just after the line break that ends the line holding the last char before {@code contentEnd}, or the
     * text length when that line has no break. Looking at the char before the end (not at the end) matters for
     * literal block scalars, whose end mark already sits past their final line break.
     */
    int lineEndAfter(int contentEnd) {
        int from = Math.max(0, contentEnd - 1);
        int lf = text.indexOf('\n', from);
        return lf < 0 ? text.length() : lf + 1;
    }

    /** The text between the start of the line holding {@code pos} and {@code pos}. */
    String linePrefix(int pos) {
        return text.substring(lineStart(pos), pos);
    }

    /** Whether the line starting at {@code lineStart} holds only spaces or tabs. */
    boolean isBlankLine(int lineStart) {
        if (lineStart >= text.length()) {
            return false;
        }
        int end = lineEndAfter(lineStart + 1);
        return text.substring(lineStart, end).isBlank();
    }

    /** Whether the line starting at {@code lineStart} holds only a comment, with its {@code #} at that column. */
    boolean isCommentLineAt(int lineStart, int column) {
        int end = lineEndAfter(lineStart + 1);
        String line = text.substring(lineStart, end);
        return line.length() > column && line.charAt(column) == '#' && line.substring(0, column).isBlank();
    }

    /** Whether the line at {@code lineStart} holds only a comment with its {@code #} right of {@code column}. */
    boolean isCommentLineDeeperThan(int lineStart, int column) {
        String line = text.substring(lineStart, lineEndAfter(lineStart + 1));
        int hash = line.indexOf('#');
        return hash > column && line.substring(0, hash).isBlank();
    }

    /** Whether the text ends with a line break, so that a line appended at the end needs none before it. */
    boolean endsWithLineBreak() {
        return text.endsWith("\n");
    }

    /**
     * The start of the line break that precedes {@code lineStart}, so that removing the last line of a file
     * without a final line break also removes the break before it.
     */
    int precedingBreakStart(int lineStart) {
        int start = lineStart - 1;
        if (start > 0 && text.charAt(start - 1) == '\r') {
            start--;
        }
        return Math.max(start, 0);
    }

    static boolean isWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }
}
