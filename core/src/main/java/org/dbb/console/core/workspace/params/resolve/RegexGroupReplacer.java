package org.dbb.console.core.workspace.params.resolve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces only capture group 1 of every match, keeping the rest of each match, the way fabric-cicd 1.3.0's
 * {@code re.sub} callback slices {@code match.group(0)}. fabric-cicd checks only the first match for an empty
 * group 1 (and then raises); later matches with an empty group get the value inserted at that spot, and a group
 * that did not take part in a match is handled with Python's negative-index slicing — both reproduced here.
 * Stateless and thread-safe.
 */
public final class RegexGroupReplacer {

    private RegexGroupReplacer() {
    }

    /**
     * Replaces group 1 of every match of {@code pattern} in {@code text} with {@code replacement} (taken
     * literally).
     *
     * @throws EmptyCaptureException when the first match captured nothing, as fabric-cicd raises
     *                               "Regex pattern '…' captured an empty value."
     */
    public static Outcome replaceGroupOne(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return new Outcome(text, 0);
        }
        String first = m.group(1);
        if (first == null || first.isEmpty()) {
            throw new EmptyCaptureException();
        }
        StringBuilder out = new StringBuilder(text.length() + replacement.length());
        int last = 0;
        int count = 0;
        do {
            out.append(text, last, m.start());
            String whole = m.group();
            int start = m.start();
            out.append(head(whole, m.start(1) - start)).append(replacement).append(tail(whole, m.end(1) - start));
            last = m.end();
            count++;
        } while (m.find());
        out.append(text, last, text.length());
        return new Outcome(out.toString(), count);
    }

    /** Python's {@code s[:k]}. */
    private static String head(String s, int k) {
        int at = k < 0 ? Math.max(0, s.length() + k) : Math.min(k, s.length());
        return s.substring(0, at);
    }

    /** Python's {@code s[k:]}. */
    private static String tail(String s, int k) {
        int at = k < 0 ? Math.max(0, s.length() + k) : Math.min(k, s.length());
        return s.substring(at);
    }

    /**
     * The text after replacement and how many matches were replaced. Immutable.
     *
     * @param text         the new text (the input itself when nothing matched)
     * @param replacements the number of matches
     */
    public record Outcome(String text, int replacements) {
    }

    /** Thrown when the first match's group 1 is empty; fabric-cicd stops the deployment there. */
    public static final class EmptyCaptureException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EmptyCaptureException() {
            super("group 1 of the first match is empty");
        }
    }
}
