package org.dbb.console.core.workspace.json;

import java.util.Comparator;
import java.util.Optional;

/**
 * The formatting habits of one JSON text (line separator, indentation unit, spacing around colons), and the
 * rendering of new values in those habits so that inserted text looks as if the original author wrote it.
 * Immutable.
 */
final class JsonLayout {

    private static final String DEFAULT_UNIT = "  ";
    private static final String DEFAULT_COLON = ": ";

    private final JsonDocument document;
    private final String text;
    private final String lineSeparator;
    private final boolean multiLine;

    JsonLayout(JsonDocument document) {
        this.document = document;
        this.text = document.text();
        this.lineSeparator = dominantLineSeparator(text);
        this.multiLine = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    String lineSeparator() {
        return lineSeparator;
    }

    boolean multiLine() {
        return multiLine;
    }

    /** The spaces and tabs that begin the line holding {@code offset}. */
    String lineIndent(int offset) {
        int start = document.lines().lineStartOf(offset);
        int end = start;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(start, Math.min(end, Math.max(start, offset)));
    }

    /** The whitespace between {@code offset} and the token before it (a comma, a brace or a bracket). */
    String whitespaceBefore(int offset) {
        int start = offset;
        while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, offset);
    }

    /** What separates a member name from its value in {@code object}, else in the file, else {@code ": "}. */
    String colon(JsonSpans.ValueSpan object) {
        Optional<JsonSpans.MemberSpan> sample = object.members().stream().findFirst()
                .or(() -> document.spans().all().stream()
                        .filter(s -> !s.members().isEmpty())
                        .min(Comparator.comparingInt(JsonSpans.ValueSpan::start))
                        .map(s -> s.members().get(0)));
        return sample.map(m -> text.substring(m.nameEnd(), m.valueStart())).orElse(DEFAULT_COLON);
    }

    /**
     * One level of indentation near {@code path}: taken from the path's own container or its nearest ancestor whose
     * children sit on their own lines, then from anywhere in the file, then two spaces.
     */
    String indentUnit(ConcretePath path) {
        ConcretePath probe = path;
        while (true) {
            Optional<String> unit = document.spans().at(probe).flatMap(this::unitOf);
            if (unit.isPresent()) {
                return unit.get();
            }
            Optional<ConcretePath> parent = probe.parent();
            if (parent.isEmpty()) {
                break;
            }
            probe = parent.get();
        }
        return document.spans().all().stream()
                .sorted(Comparator.comparingInt(JsonSpans.ValueSpan::start))
                .map(this::unitOf)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(DEFAULT_UNIT);
    }

    /**
     * Renders a new value for a place whose line is indented by {@code indent}: scalars and member names keep
     * their exact characters; objects and arrays are laid out one member per line in this file's habits.
     */
    String render(JsonDocument value, String indent, String unit, String colon) {
        StringBuilder out = new StringBuilder();
        render(out, value, ConcretePath.root(), indent, unit, colon);
        return out.toString();
    }

    private void render(StringBuilder out, JsonDocument value, ConcretePath path, String indent, String unit,
                        String colon) {
        JsonSpans.ValueSpan span = value.spans().at(path).orElseThrow();
        String source = value.text();
        switch (span.kind()) {
            case SCALAR -> out.append(source, span.start(), span.end());
            case OBJECT -> {
                if (span.members().isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append('{');
                String inner = indent + unit;
                for (int i = 0; i < span.members().size(); i++) {
                    JsonSpans.MemberSpan member = span.members().get(i);
                    out.append(i == 0 ? "" : ",").append(breakOrSpace(i == 0, inner));
                    out.append(source, member.nameStart(), member.nameEnd()).append(colon);
                    render(out, value, path.member(member.name()), inner, unit, colon);
                }
                out.append(multiLine ? lineSeparator + indent : "").append('}');
            }
            case ARRAY -> {
                if (value.spans().at(path.index(0)).isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                String inner = indent + unit;
                for (int i = 0; value.spans().at(path.index(i)).isPresent(); i++) {
                    out.append(i == 0 ? "" : ",").append(breakOrSpace(i == 0, inner));
                    render(out, value, path.index(i), inner, unit, colon);
                }
                out.append(multiLine ? lineSeparator + indent : "").append(']');
            }
        }
    }

    private String breakOrSpace(boolean first, String inner) {
        if (multiLine) {
            return lineSeparator + inner;
        }
        return first ? "" : " ";
    }

    private Optional<String> unitOf(JsonSpans.ValueSpan container) {
        int firstChildStart;
        if (container.kind() == JsonSpans.Kind.OBJECT && !container.members().isEmpty()) {
            firstChildStart = container.members().get(0).nameStart();
        } else if (container.kind() == JsonSpans.Kind.ARRAY) {
            Optional<JsonSpans.ValueSpan> first = document.spans().at(container.path().index(0));
            if (first.isEmpty()) {
                return Optional.empty();
            }
            firstChildStart = first.get().start();
        } else {
            return Optional.empty();
        }
        String gap = whitespaceBefore(firstChildStart);
        int lastBreak = Math.max(gap.lastIndexOf('\n'), gap.lastIndexOf('\r'));
        if (lastBreak < 0) {
            return Optional.empty();
        }
        String childIndent = gap.substring(lastBreak + 1);
        String ownIndent = lineIndent(container.start());
        if (childIndent.length() > ownIndent.length() && childIndent.startsWith(ownIndent)) {
            return Optional.of(childIndent.substring(ownIndent.length()));
        }
        return Optional.empty();
    }

    private static String dominantLineSeparator(String text) {
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                } else {
                    lf++;
                }
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }
}
