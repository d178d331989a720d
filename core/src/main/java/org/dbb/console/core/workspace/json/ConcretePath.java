package org.dbb.console.core.workspace.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of exactly one value in a JSON document, such as {@code $.properties.activities[3].policy.retry}:
 * member names and array indexes only, no wildcards or filters. Immutable and thread-safe.
 *
 * @param segments the steps from the root, outermost first
 */
public record ConcretePath(List<Segment> segments) {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ConcretePath ROOT = new ConcretePath(List.of());

    /** One step of a path: a member of an object or an element of an array. Immutable. */
    public sealed interface Segment permits Member, Index {
    }

    /** The member called {@code name} of an object. Immutable. */
    public record Member(String name) implements Segment {
        public Member {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The element at {@code index} (0-based) of an array. Immutable. */
    public record Index(int index) implements Segment {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("array index must be >= 0, was " + index);
            }
        }
    }

    public ConcretePath {
        segments = List.copyOf(segments);
    }

    /** The document's root value, written {@code $}. */
    public static ConcretePath root() {
        return ROOT;
    }

    /**
     * Reads a path in dot form ({@code $.a.b[2]}) or bracket form ({@code $['a']['b'][2]}, as Jayway JsonPath
     * prints them), or a mix.
     *
     * @throws IllegalArgumentException when the text is not a concrete path; the message says where it goes wrong
     */
    public static ConcretePath parse(String text) {
        return new Reader(text).read();
    }

    /** This path extended by a member name. */
    public ConcretePath member(String name) {
        return append(new Member(name));
    }

    /** This path extended by an array index. */
    public ConcretePath index(int index) {
        return append(new Index(index));
    }

    private ConcretePath append(Segment segment) {
        List<Segment> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new ConcretePath(longer);
    }

    /** This path extended by all steps of {@code relative}. */
    public ConcretePath resolve(ConcretePath relative) {
        List<Segment> joined = new ArrayList<>(segments);
        joined.addAll(relative.segments);
        return new ConcretePath(joined);
    }

    /** The enclosing value's path; empty for the root. */
    public Optional<ConcretePath> parent() {
        return isRoot() ? Optional.empty() : Optional.of(new ConcretePath(segments.subList(0, segments.size() - 1)));
    }

    /** The last step; empty for the root. */
    public Optional<Segment> last() {
        return isRoot() ? Optional.empty() : Optional.of(segments.get(segments.size() - 1));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public int depth() {
        return segments.size();
    }

    /** Whether {@code prefix} is this path or one of its ancestors. */
    public boolean startsWith(ConcretePath prefix) {
        return prefix.segments.size() <= segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** The first {@code count} steps. */
    public ConcretePath prefix(int count) {
        return new ConcretePath(segments.subList(0, count));
    }

    /** Dot form where names allow it, bracket form otherwise: {@code $.properties.activities[0]['@odata.count']}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("$");
        for (Segment segment : segments) {
            if (segment instanceof Index index) {
                out.append('[').append(index.index()).append(']');
            } else {
                String name = ((Member) segment).name();
                if (PLAIN_NAME.matcher(name).matches()) {
                    out.append('.').append(name);
                } else {
                    out.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
                }
            }
        }
        return out.toString();
    }

    private static final class Reader {
        private final String text;
        private int pos;
        private final List<Segment> segments = new ArrayList<>();

        Reader(String text) {
            this.text = Objects.requireNonNull(text, "text").strip();
        }

        ConcretePath read() {
            if (!text.startsWith("$")) {
                throw fail("a JSON path starts with $");
            }
            pos = 1;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.') {
                    readDotted();
                } else if (c == '[') {
                    readBracketed();
                } else {
                    throw fail("expected . or [");
                }
            }
            return new ConcretePath(segments);
        }

        private void readDotted() {
            int start = ++pos;
            while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
                pos++;
            }
            String name = text.substring(start, pos);
            if (name.isEmpty() || name.equals("*")) {
                throw fail("expected a member name after the dot (wildcards and .. are not concrete)");
            }
            segments.add(new Member(name));
        }

        private void readBracketed() {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
                char quote = text.charAt(pos++);
                StringBuilder name = new StringBuilder();
                while (pos < text.length() && text.charAt(pos) != quote) {
                    char c = text.charAt(pos++);
                    if (c == '\\' && pos < text.length()) {
                        c = text.charAt(pos++);
                    }
                    name.append(c);
                }
                if (pos >= text.length()) {
                    throw fail("unterminated quoted member name");
                }
                pos++;
                expect(']');
                segments.add(new Member(name.toString()));
                return;
            }
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw fail("expected an array index or a quoted member name inside [ ] (filters and wildcards are not concrete)");
            }
            int index;
            try {
                index = Integer.parseInt(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw fail("array index is too large");
            }
            expect(']');
            segments.add(new Index(index));
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw fail("expected " + c);
            }
            pos++;
        }

        private IllegalArgumentException fail(String why) {
            return new IllegalArgumentException(
                    "\"" + text + "\" is not a concrete JSON path: " + why + " at character " + (pos + 1));
        }
    }
}
