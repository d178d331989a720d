package org.dbb.console.core.workspace.params.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Python 3.11's {@code pathlib.Path.glob}, which fabric-cicd uses for wildcard {@code file_path} values: the pattern
 * is split on {@code /}; a {@code **} part means "this folder and every folder below it"; other parts with
 * {@code *}, {@code ?} or {@code [...]} are matched against one name at a time with {@code fnmatch} rules
 * ({@code *} also matches names starting with a dot); {@code {a,b}} has no special meaning (Python has no brace
 * expansion, so braces match literally). Matching is case-sensitive, as on the Linux runners fabric-cicd usually
 * runs on. Stateless and thread-safe.
 */
public final class PythonGlob {

    private PythonGlob() {
    }

    /** Whether Python's {@code glob.has_magic} would treat the value as a wildcard path. */
    public static boolean hasMagic(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0 || value.indexOf('[') >= 0;
    }

    /**
     * Every existing path (files and folders) below {@code root} that the relative {@code pattern} matches.
     *
     * @throws IllegalArgumentException with Python's message when {@code Path.glob} would raise
     */
    public static Set<Path> glob(Path root, String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("/", -1)) {
            // PurePosixPath drops empty and "." parts before globbing.
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.isEmpty() || pattern.startsWith("/")) {
            throw new IllegalArgumentException("Unacceptable pattern: '" + pattern + "'");
        }
        List<Selector> selectors = new ArrayList<>();
        for (String part : parts) {
            if (part.equals("**")) {
                selectors.add(new Recursive());
            } else if (part.contains("**")) {
                throw new IllegalArgumentException("Invalid pattern: '**' can only be an entire path component");
            } else if (hasMagic(part)) {
                selectors.add(new Wildcard(translate(part)));
            } else {
                selectors.add(new Precise(part));
            }
        }
        Set<Path> found = new LinkedHashSet<>();
        select(root, selectors, 0, found);
        return found;
    }

    private static void select(Path dir, List<Selector> selectors, int index, Set<Path> found) {
        if (index == selectors.size()) {
            found.add(dir);
            return;
        }
        boolean dirOnly = index < selectors.size() - 1;
        for (Path next : selectors.get(index).from(dir, dirOnly)) {
            select(next, selectors, index + 1, found);
        }
    }

    /**
     * {@code fnmatch.translate} for one name, as a Java pattern matched against the whole name.
     *
     * @throws IllegalArgumentException never for valid input; fnmatch accepts every pattern
     */
    static Pattern translate(String pat) {
        StringBuilder re = new StringBuilder();
        int n = pat.length();
        int i = 0;
        while (i < n) {
            char c = pat.charAt(i++);
            if (c == '*') {
                if (re.length() < 2 || !re.substring(re.length() - 2).equals(".*")) {
                    re.append(".*");
                }
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    re.append(characterSet(pat, i, j));
                    i = j + 1;
                }
            } else {
                re.append(quote(c));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** fnmatch's set handling: {@code !} negates, ranges written backwards are dropped, the rest is literal. */
    private static String characterSet(String pat, int from, int to) {
        String stuff = pat.substring(from, to);
        List<String> chunks = new ArrayList<>();
        if (stuff.indexOf('-') < 0) {
            chunks.add(stuff);
        } else {
            int i = from;
            int k = pat.charAt(from) == '!' ? from + 2 : from + 1;
            while (true) {
                k = pat.indexOf('-', k);
                if (k < 0 || k >= to) {
                    break;
                }
                chunks.add(pat.substring(i, k));
                i = k + 1;
                k = k + 3;
            }
            String chunk = pat.substring(i, to);
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            } else {
                chunks.set(chunks.size() - 1, chunks.get(chunks.size() - 1) + "-");
            }
            for (int c = chunks.size() - 1; c > 0; c--) {
                String prev = chunks.get(c - 1);
                String cur = chunks.get(c);
                if (!prev.isEmpty() && !cur.isEmpty() && prev.charAt(prev.length() - 1) > cur.charAt(0)) {
                    chunks.set(c - 1, prev.substring(0, prev.length() - 1) + cur.substring(1));
                    chunks.remove(c);
                }
            }
        }
        boolean negate = !chunks.isEmpty() && !chunks.get(0).isEmpty() && chunks.get(0).charAt(0) == '!';
        if (negate) {
            chunks.set(0, chunks.get(0).substring(1));
        }
        StringBuilder set = new StringBuilder();
        for (int c = 0; c < chunks.size(); c++) {
            if (c > 0) {
                set.append('-');
            }
            for (char ch : chunks.get(c).toCharArray()) {
                set.append(quote(ch));
            }
        }
        if (set.length() == 0) {
            return negate ? "." : "(?!)";
        }
        return "[" + (negate ? "^" : "") + set + "]";
    }

    private static String quote(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private interface Selector {
        List<Path> from(Path dir, boolean dirOnly);
    }

    private record Precise(String name) implements Selector {
        @Override
        public List<Path> from(Path dir, boolean dirOnly) {
            Path child = dir.resolve(name);
            boolean ok = dirOnly ? Files.isDirectory(child) : Files.exists(child);
            return ok ? List.of(child) : List.of();
        }
    }

    private record Wildcard(Pattern name) implements Selector {
        @Override
        public List<Path> from(Path dir, boolean dirOnly) {
            List<Path> out = new ArrayList<>();
            for (Path child : children(dir)) {
                if (dirOnly && !Files.isDirectory(child)) {
                    continue;
                }
                if (name.matcher(child.getFileName().toString()).matches()) {
                    out.add(child);
                }
            }
            return out;
        }
    }

    /** {@code **}: the folder itself and every folder below it, not descending into symbolic links. */
    private record Recursive() implements Selector {
        @Override
        public List<Path> from(Path dir, boolean dirOnly) {
            List<Path> out = new ArrayList<>();
            walk(dir, out);
            return out;
        }

        private static void walk(Path dir, List<Path> out) {
            out.add(dir);
            for (Path child : children(dir)) {
                if (Files.isDirectory(child) && !Files.isSymbolicLink(child)) {
                    walk(child, out);
                }
            }
        }
    }
}
