package org.dbb.console.core.workspace.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Where every value of a JSON text sits, as character offsets, found with Jackson's streaming parser so that an
 * editor can replace exactly the characters of one value. Immutable once built.
 */
final class JsonSpans {

    /** The shape of a value, which decides how members can be added to it. */
    enum Kind {
        OBJECT,
        ARRAY,
        SCALAR
    }

    /**
     * One value: its characters are {@code text.substring(start, end)}.
     *
     * @param members for an object, its members in text order; otherwise empty
     */
    record ValueSpan(ConcretePath path, int start, int end, Kind kind, List<MemberSpan> members) {
        ValueSpan {
            members = List.copyOf(members);
        }

        Optional<MemberSpan> member(String name) {
            return members.stream().filter(m -> m.name().equals(name)).findFirst();
        }
    }

    /**
     * One member of an object: the quoted name occupies {@code [nameStart, nameEnd)}; its value starts at
     * {@code valueStart} and ends at {@code valueEnd}.
     */
    record MemberSpan(String name, int nameStart, int nameEnd, int valueStart, int valueEnd) {
    }

    private final Map<ConcretePath, ValueSpan> byPath;

    private JsonSpans(Map<ConcretePath, ValueSpan> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    /**
     * Indexes a JSON text that holds exactly one value.
     *
     * @throws JsonParseException when the text is not valid JSON (with Jackson's location of the fault)
     */
    static JsonSpans index(JsonFactory factory, String text) throws IOException {
        Map<ConcretePath, ValueSpan> spans = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonParseException(parser, "the text holds no JSON value");
            }
            new Walker(parser, text, spans).value(ConcretePath.root());
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the end of the JSON value");
            }
        }
        return new JsonSpans(spans);
    }

    Optional<ValueSpan> at(ConcretePath path) {
        return Optional.ofNullable(byPath.get(path));
    }

    Collection<ValueSpan> all() {
        return byPath.values();
    }

    private static final class Walker {
        private final JsonParser parser;
        private final String text;
        private final Map<ConcretePath, ValueSpan> spans;

        Walker(JsonParser parser, String text, Map<ConcretePath, ValueSpan> spans) {
            this.parser = parser;
            this.text = text;
            this.spans = spans;
        }

        /** Reads the value whose first token is current, leaving its last token current. */
        ValueSpan value(ConcretePath path) throws IOException {
            int start = (int) parser.currentTokenLocation().getCharOffset();
            JsonToken token = parser.currentToken();
            ValueSpan span;
            if (token == JsonToken.START_OBJECT) {
                List<MemberSpan> members = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    int nameStart = (int) parser.currentTokenLocation().getCharOffset();
                    parser.nextToken();
                    ValueSpan member = value(path.member(name));
                    members.add(new MemberSpan(name, nameStart, endOfQuoted(nameStart), member.start(), member.end()));
                }
                span = new ValueSpan(path, start, end(), Kind.OBJECT, members);
            } else if (token == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    value(path.index(index++));
                }
                span = new ValueSpan(path, start, end(), Kind.ARRAY, List.of());
            } else {
                // Jackson reads string contents lazily; finishing the token moves the location past the closing quote.
                parser.finishToken();
                span = new ValueSpan(path, start, end(), Kind.SCALAR, List.of());
            }
            spans.put(path, span);
            return span;
        }

        private int end() {
            int end = (int) parser.currentLocation().getCharOffset();
            // At the top level Jackson may already have consumed the whitespace that ends a number.
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        private int endOfQuoted(int quoteStart) {
            int i = quoteStart + 1;
            while (i < text.length() && text.charAt(i) != '"') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1;
        }
    }
}
