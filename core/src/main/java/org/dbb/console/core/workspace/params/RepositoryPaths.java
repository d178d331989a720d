package org.dbb.console.core.workspace.params;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code file_path} filter values against the repository directory the way fabric-cicd's
 * {@code process_input_path} does: leading slashes stripped, paths kept inside the repository, wildcard patterns
 * checked by its syntax rules and matched like Python's {@code pathlib.Path.glob} (braces are literal there).
 * Stateless and thread-safe.
 */
final class RepositoryPaths {

    /** The files found and the messages fabric-cicd logs while resolving. */
    record Outcome(Set<Path> files, List<String> messages) {
    }

    private static final Pattern CLASS_SECTION = Pattern.compile("\\[(.*?)\\]");
    private static final Pattern BRACE_SECTION = Pattern.compile("\\{(.*?)\\}");

    private RepositoryPaths() {
    }

    static Outcome resolve(Path repository, List<String> inputs) {
        Path repo = repository.toAbsolutePath().normalize();
        Set<Path> files = new LinkedHashSet<>();
        List<String> messages = new ArrayList<>();
        for (String input : inputs) {
            if (input.contains("*") || input.contains("?") || input.contains("[")) {
                wildcard(repo, input, files, messages);
            } else {
                regular(repo, input, files, messages);
            }
        }
        return new Outcome(files, messages);
    }

    private static void regular(Path repo, String input, Set<Path> files, List<String> messages) {
        String stripped = input.replaceFirst("^[/\\\\]+", "");
        String shown = pythonPathText(stripped);
        Path resolved;
        try {
            resolved = repo.resolve(stripped.replace('\\', '/')).normalize();
        } catch (RuntimeException e) {
            messages.add("Error validating relative path '" + shown + "': " + e.getMessage());
            return;
        }
        if (!resolved.startsWith(repo)) {
            messages.add("Relative path '" + shown + "' is outside the repository directory");
        } else if (!Files.exists(resolved)) {
            messages.add("Relative path '" + shown + "' does not exist");
        } else if (!Files.isRegularFile(resolved)) {
            messages.add("Relative path '" + shown + "' is not a file");
        } else {
            files.add(resolved);
        }
    }

    private static String pythonPathText(String path) {
        String p = path.replaceAll("/+", "/");
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        p = p.replace("/./", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "." : p;
    }

    private static void wildcard(Path repo, String input, Set<Path> files, List<String> messages) {
        String pattern = input.replace('\\', '/');
        String syntaxError = syntaxError(pattern);
        if (syntaxError != null) {
            messages.add(syntaxError);
            return;
        }
        String search;
        if (pattern.startsWith("**/")) {
            search = pattern;
        } else if (pattern.startsWith("/")) {
            Path absolute;
            try {
                absolute = Path.of(pattern).normalize();
            } catch (RuntimeException e) {
                messages.add("Error processing wildcard pattern '" + input + "': " + e.getMessage());
                return;
            }
            if (!absolute.startsWith(repo)) {
                messages.add("Invalid absolute wildcard path. '" + input + "' is outside the repository directory");
                return;
            }
            search = repo.relativize(absolute).toString();
        } else {
            search = pattern;
        }
        int before = files.size();
        List<Path> found;
        try {
            found = glob(repo, search);
        } catch (RuntimeException e) {
            messages.add("Error processing wildcard pattern '" + search + "': " + e.getMessage());
            return;
        }
        for (Path match : found) {
            if (Files.isRegularFile(match) && match.normalize().startsWith(repo)) {
                files.add(match.normalize());
            }
        }
        if (files.size() == before) {
            messages.add("Wildcard path '" + input + "' did not match any files");
        }
    }

    /** fabric-cicd's {@code _validate_wildcard_syntax}; null when the pattern is acceptable. */
    static String syntaxError(String pattern) {
        if (pattern.isEmpty() || PyValues.isBlank(pattern)) {
            return "Wildcard pattern is empty";
        }
        if (pattern.startsWith("/") && pattern.substring(1).startsWith("**/")) {
            return "Absolute path with recursive pattern is not allowed: '" + pattern + "'";
        }
        for (String bad : List.of("/**/*/", "**/**", "//", "\\\\", "**/**/")) {
            if (pattern.contains(bad)) {
                return "Invalid wildcard combination in pattern: '" + pattern + "'";
            }
        }
        if (pattern.contains("**") && !(pattern.contains("**/") || pattern.contains("/**"))) {
            return "Invalid recursive wildcard format (use **/ or /**): '" + pattern + "'";
        }
        Deque<Character> stack = new ArrayDeque<>();
        for (int pos = 0; pos < pattern.length(); pos++) {
            char c = pattern.charAt(pos);
            if (c == '[' || c == '{') {
                stack.push(c);
            } else if (c == ']' || c == '}') {
                if (stack.isEmpty()) {
                    return "Unmatched closing '" + c + "' at position " + pos + " in pattern: '" + pattern + "'";
                }
                char open = stack.pop();
                if ((c == ']' && open != '[') || (c == '}' && open != '{')) {
                    return "Mismatched bracket/brace pair '" + open + c + "' at position " + pos + " in pattern: '"
                            + pattern + "'";
                }
            }
        }
        if (!stack.isEmpty()) {
            return "Unclosed bracket(s) or brace(s) in pattern: '" + pattern + "'";
        }
        Matcher m = CLASS_SECTION.matcher(pattern);
        while (m.find()) {
            String s = m.group(1);
            if (s.isEmpty() || s.startsWith("]") || s.startsWith("-") || s.contains("--")) {
                return "Invalid character class in pattern: '" + pattern + "'";
            }
        }
        m = BRACE_SECTION.matcher(pattern);
        while (m.find()) {
            String s = m.group(1);
            if (s.isEmpty() || !s.contains(",") || s.startsWith(",") || s.endsWith(",") || s.contains(",,")) {
                return "Invalid brace expansion in pattern: '" + pattern + "'";
            }
        }
        String lower = pattern.toLowerCase(Locale.ROOT);
        for (String traversal : List.of("../", "..%2f", "..%5c")) {
            if (lower.contains(traversal)) {
                return "Path traversal sequences not allowed: '" + pattern + "'";
            }
        }
        return null;
    }

    /** Python 3.11 {@code Path.glob}: {@code **} segments recurse, other segments match with fnmatch. */
    static List<Path> glob(Path root, String pattern) {
        List<String> segments = new ArrayList<>();
        for (String s : pattern.split("/")) {
            if (!s.isEmpty() && !s.equals(".")) {
                segments.add(s);
            }
        }
        List<Path> out = new ArrayList<>();
        if (!segments.isEmpty()) {
            select(root, segments, 0, out);
        }
        return out;
    }

    private static void select(Path dir, List<String> segments, int index, List<Path> out) {
        String segment = segments.get(index);
        boolean last = index == segments.size() - 1;
        if (segment.equals("**")) {
            for (Path d : directoriesBelow(dir)) {
                if (last) {
                    out.add(d);
                } else {
                    select(d, segments, index + 1, out);
                }
            }
            return;
        }
        Pattern matcher = fnmatch(segment);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (!matcher.matcher(child.getFileName().toString()).matches()) {
                    continue;
                }
                if (last) {
                    out.add(child);
                } else if (Files.isDirectory(child)) {
                    select(child, segments, index + 1, out);
                }
            }
        } catch (IOException e) {
            // An unreadable folder matches nothing, as in Python.
        }
    }

    private static List<Path> directoriesBelow(Path dir) {
        List<Path> all = new ArrayList<>();
        Deque<Path> todo = new ArrayDeque<>();
        todo.add(dir);
        while (!todo.isEmpty()) {
            Path d = todo.poll();
            all.add(d);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(d)) {
                for (Path child : children) {
                    if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        todo.add(child);
                    }
                }
            } catch (IOException e) {
                // skipped like Python does
            }
        }
        return all;
    }

    /** Python's {@code fnmatch.translate} for one path segment (case-sensitive, as on Linux). */
    static Pattern fnmatch(String segment) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = segment.length();
        while (i < n) {
            char c = segment.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && segment.charAt(j) == '!') {
                    j++;
                }
                if (j < n && segment.charAt(j) == ']') {
                    j++;
                }
                while (j < n && segment.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    String stuff = segment.substring(i, j);
                    i = j + 1;
                    StringBuilder cls = new StringBuilder("[");
                    int k = 0;
                    if (stuff.startsWith("!")) {
                        cls.append('^');
                        k = 1;
                    }
                    for (; k < stuff.length(); k++) {
                        char s = stuff.charAt(k);
                        if (s == '\\' || s == '[' || s == '&' || s == '^' && k > 0) {
                            cls.append('\\');
                        }
                        cls.append(s);
                    }
                    re.append(cls).append(']');
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
