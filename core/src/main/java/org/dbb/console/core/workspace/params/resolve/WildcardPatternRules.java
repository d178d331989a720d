package org.dbb.console.core.workspace.params.resolve;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax checks fabric-cicd 1.3.0 runs on a wildcard {@code file_path} (after turning {@code \} into
 * {@code /}) before globbing; a pattern that fails is ignored, so the entry replaces nothing through it. Messages
 * are fabric-cicd's. Stateless and thread-safe.
 */
final class WildcardPatternRules {

    private static final List<String> BAD_COMBINATIONS = List.of("/**/*/", "**/**", "//", "\\\\", "**/**/");
    private static final List<String> TRAVERSALS = List.of("../", "..%2f", "..%5c");
    private static final Pattern CHARACTER_CLASS = Pattern.compile("\\[(.*?)\\]");
    private static final Pattern BRACES = Pattern.compile("\\{(.*?)\\}");

    private WildcardPatternRules() {
    }

    /** Why fabric-cicd rejects {@code pattern}, or empty when it accepts it. */
    static Optional<String> rejection(String pattern) {
        if (pattern.isEmpty() || pattern.isBlank()) {
            return Optional.of("Wildcard pattern is empty");
        }
        if (pattern.startsWith("/") && pattern.substring(1).startsWith("**/")) {
            return Optional.of("Absolute path with recursive pattern is not allowed: '" + pattern + "'");
        }
        if (BAD_COMBINATIONS.stream().anyMatch(pattern::contains)) {
            return Optional.of("Invalid wildcard combination in pattern: '" + pattern + "'");
        }
        if (pattern.contains("**") && !(pattern.contains("**/") || pattern.contains("/**"))) {
            return Optional.of("Invalid recursive wildcard format (use **/ or /**): '" + pattern + "'");
        }
        Optional<String> nesting = nesting(pattern);
        if (nesting.isPresent()) {
            return nesting;
        }
        Matcher classes = CHARACTER_CLASS.matcher(pattern);
        while (classes.find()) {
            String section = classes.group(1);
            if (section.isEmpty() || section.startsWith("]") || section.startsWith("-") || section.contains("--")) {
                return Optional.of("Invalid character class in pattern: '" + pattern + "'");
            }
        }
        Matcher braces = BRACES.matcher(pattern);
        while (braces.find()) {
            String section = braces.group(1);
            if (section.isEmpty() || !section.contains(",") || section.startsWith(",") || section.endsWith(",")
                    || section.contains(",,")) {
                return Optional.of("Invalid brace expansion in pattern: '" + pattern + "'");
            }
        }
        String lower = pattern.toLowerCase(Locale.ROOT);
        if (TRAVERSALS.stream().anyMatch(lower::contains)) {
            return Optional.of("Path traversal sequences not allowed: '" + pattern + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> nesting(String pattern) {
        Deque<Character> stack = new ArrayDeque<>();
        for (int pos = 0; pos < pattern.length(); pos++) {
            char c = pattern.charAt(pos);
            if (c == '[' || c == '{') {
                stack.push(c);
            } else if (c == ']' || c == '}') {
                if (stack.isEmpty()) {
                    return Optional.of("Unmatched closing '" + c + "' at position " + pos + " in pattern: '"
                            + pattern + "'");
                }
                char open = stack.pop();
                if ((c == ']' && open != '[') || (c == '}' && open != '{')) {
                    return Optional.of("Mismatched bracket/brace pair '" + open + c + "' at position " + pos
                            + " in pattern: '" + pattern + "'");
                }
            }
        }
        if (!stack.isEmpty()) {
            return Optional.of("Unclosed bracket(s) or brace(s) in pattern: '" + pattern + "'");
        }
        return Optional.empty();
    }
}
