package org.dbb.console.core.workspace.json;

import java.util.Arrays;

/**
 * Converts character offsets of a text into line and column numbers, counting {@code \n}, {@code \r\n} and a lone
 * {@code \r} as one line break each, the way Jackson counts them in its error locations. Immutable.
 */
final class LineMap {

    private final int[] lineStarts;

    LineMap(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    TextPosition positionOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int lineIndex = found >= 0 ? found : -found - 2;
        return new TextPosition(lineIndex + 1, offset - lineStarts[lineIndex] + 1);
    }

    /** Offset of the first character of the line that holds {@code offset}. */
    int lineStartOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return lineStarts[found >= 0 ? found : -found - 2];
    }
}
