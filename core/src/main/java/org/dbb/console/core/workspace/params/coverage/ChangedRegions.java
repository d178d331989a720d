package org.dbb.console.core.workspace.params.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * Where a text was changed: the two texts are compared token by token (a GUID, a word or a marker is one token,
 * every other character its own), which keeps the comparison cheap on one-line JSON, and each changed stretch is
 * narrowed to the characters that really differ. Immutable.
 */
final class ChangedRegions {

    private static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z_-]+|\\s+|[\\s\\S]");

    private final List<Region> regions;

    private ChangedRegions(List<Region> regions) {
        this.regions = regions;
    }

    /** The regions of {@code before} that differ in {@code after}. */
    static ChangedRegions between(String before, String after) {
        if (before.equals(after)) {
            return new ChangedRegions(List.of());
        }
        List<Integer> beforeStarts = new ArrayList<>();
        List<String> beforeTokens = tokens(before, beforeStarts);
        List<Integer> afterStarts = new ArrayList<>();
        List<String> afterTokens = tokens(after, afterStarts);
        List<Region> regions = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(beforeTokens, afterTokens).getDeltas()) {
            int from = offset(beforeStarts, before, delta.getSource().getPosition());
            int to = offset(beforeStarts, before, delta.getSource().getPosition() + delta.getSource().size());
            int targetFrom = offset(afterStarts, after, delta.getTarget().getPosition());
            int targetTo = offset(afterStarts, after, delta.getTarget().getPosition() + delta.getTarget().size());
            String source = before.substring(from, to);
            String target = after.substring(targetFrom, targetTo);
            int prefix = commonPrefix(source, target);
            int suffix = commonSuffix(source, target, prefix);
            regions.add(new Region(from + prefix, to - suffix, target.substring(prefix, target.length() - suffix)));
        }
        return new ChangedRegions(regions);
    }

    /**
     * What replaced characters of {@code [start, end)} of the original text, when any of them changed: the new
     * text of the changed stretch. An insertion counts only strictly inside the range.
     */
    Optional<String> replacementOf(int start, int end) {
        for (Region r : regions) {
            boolean overlaps = r.from() < r.to() ? r.from() < end && start < r.to()
                    : start < r.from() && r.from() < end;
            if (overlaps) {
                return Optional.of(r.replacement());
            }
        }
        return Optional.empty();
    }

    private static List<String> tokens(String text, List<Integer> starts) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            starts.add(m.start());
            tokens.add(m.group());
        }
        return tokens;
    }

    private static int offset(List<Integer> starts, String text, int token) {
        return token < starts.size() ? starts.get(token) : text.length();
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(String a, String b, int prefix) {
        int n = Math.min(a.length(), b.length()) - prefix;
        int i = 0;
        while (i < n && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }

    /** Characters {@code [from, to)} of the original became {@code replacement}. */
    private record Region(int from, int to, String replacement) {
    }
}
