package org.dbb.console.app.monitoring;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Shortens texts to a width in one font, ending them with an ellipsis, from each character's advance measured once:
 * lets the grid draw a cell's text cut to its column without a canvas clip, which the software pipeline renders as a
 * canvas-sized mask per column per frame. Widths are the sum of the characters' advances (the grid's fonts are not
 * kerned), so a measured text may differ from the drawn one by a fraction of a pixel. Use on the FX thread.
 */
final class TextFitter {

    static final String ELLIPSIS = "…";
    private static final int TABLE = 0x250;

    private final Font font;
    private final Text probe = new Text();
    private final double[] table = new double[TABLE];
    private final Map<Character, Double> others = new HashMap<>();
    private final double ellipsis;

    TextFitter(Font font) {
        this.font = font;
        probe.setFont(font);
        java.util.Arrays.fill(table, -1);
        this.ellipsis = measure(ELLIPSIS);
    }

    /** The font texts are measured in. */
    Font font() {
        return font;
    }

    /** How wide {@code text} is drawn in the font, in pixels. */
    double width(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += advance(text.charAt(i));
        }
        return width;
    }

    /** {@code text} as it fits in {@code maxWidth} pixels: whole, or cut and ended with an ellipsis (maybe alone). */
    String fit(String text, double maxWidth) {
        double width = 0;
        int i = 0;
        for (; i < text.length(); i++) {
            width += advance(text.charAt(i));
            if (width > maxWidth) {
                break;
            }
        }
        if (i == text.length()) {
            return text;
        }
        double room = maxWidth - ellipsis;
        double kept = 0;
        int end = 0;
        while (end < text.length()) {
            double next = kept + advance(text.charAt(end));
            if (next > room) {
                break;
            }
            kept = next;
            end++;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return room <= 0 ? "" : text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private double advance(char c) {
        if (c < TABLE) {
            double known = table[c];
            if (known < 0) {
                known = measure(String.valueOf(c));
                table[c] = known;
            }
            return known;
        }
        return others.computeIfAbsent(c, ch -> measure(String.valueOf(ch)));
    }

    private double measure(String text) {
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }
}
