package org.dbb.console.core.workspace.json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import org.dbb.console.core.problem.InvalidInputException;

/**
 * Changes values in a JSON text while leaving every other character as it was: a replaced value's characters are
 * swapped for the new ones, and a missing member is added in the surrounding indentation and line endings. Each
 * edit re-parses the result and checks that the tree differs from the previous one in exactly the intended place.
 * Immutable and thread-safe: every edit returns a new editor.
 */
public final class JsonTextEditor {

    private final JsonDocument document;

    public JsonTextEditor(JsonDocument document) {
        this.document = document;
    }

    /**
     * Starts editing the text of {@code file}.
     *
     * @throws InvalidInputException when the text is not valid JSON
     */
    public static JsonTextEditor open(Path file, String text) {
        return new JsonTextEditor(JsonDocument.parse(file, text));
    }

    public JsonDocument document() {
        return document;
    }

    /** The current text. */
    public String text() {
        return document.text();
    }

    /** {@link #set(ConcretePath, String, Placement)} with a path in text form and new members at the end. */
    public JsonTextEditor set(String concretePath, String json) {
        return set(ConcretePath.parse(concretePath), json, Placement.atEnd());
    }

    /** {@link #set(ConcretePath, String, Placement)} with new members at the end. */
    public JsonTextEditor set(ConcretePath path, String json) {
        return set(path, json, Placement.atEnd());
    }

    /**
     * Sets the value at {@code path} to the JSON text {@code json}. An existing value is replaced; a missing member
     * is added to its object, creating missing objects on the way (so {@code ….policy.retry} adds a whole
     * {@code policy} to an activity that has none). Scalars are written exactly as given; objects and arrays are
     * laid out in the file's indentation.
     *
     * @param placement where a new member goes inside the deepest object that already exists
     * @throws InvalidInputException when {@code json} is not one JSON value, or the path runs through an array
     *                               element or a non-object that does not exist
     */
    public JsonTextEditor set(ConcretePath path, String json, Placement placement) {
        JsonDocument value = parseNewValue(path, json);
        JsonLayout layout = new JsonLayout(document);
        Optional<JsonSpans.ValueSpan> existing = document.spans().at(path);
        String text = document.text();
        String edited;
        if (existing.isPresent()) {
            JsonSpans.ValueSpan span = existing.get();
            String rendered = layout.render(value, layout.lineIndent(span.start()),
                    layout.indentUnit(path), layout.colon(enclosingOrSelf(path)));
            edited = text.substring(0, span.start()) + rendered + text.substring(span.end());
        } else {
            edited = insert(layout, path, json, placement);
        }
        JsonDocument result = reparse(path, edited);
        verify(path, value.treeView(), result);
        return new JsonTextEditor(result);
    }

    /**
     * The concrete paths a JSONPath expression (Jayway syntax, filters allowed:
     * {@code $.properties.activities[?(@.name=="X")].policy.retry}) selects, in document order.
     *
     * @param missing whether objects that lack the last member count as matches (they are then added by
     *                {@link #setAll})
     * @throws InvalidInputException when the expression is not valid JSONPath, or it scans recursively ({@code ..})
     *                               while asking to insert missing members
     */
    public List<ConcretePath> matches(String jsonPath, MissingLeaf missing) {
        JsonPath compiled;
        try {
            compiled = JsonPath.compile(jsonPath);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new InvalidInputException(document.problemAt(ConcretePath.root(),
                    "\"" + jsonPath + "\" is not a valid JSONPath expression (" + e.getMessage()
                            + "); write it like $.properties.activities[?(@.name==\"X\")].policy.retry"));
        }
        if (missing == MissingLeaf.INSERT && compiled.getPath().contains("..")) {
            throw new InvalidInputException(document.problemAt(ConcretePath.root(),
                    "\"" + jsonPath + "\" scans recursively (..), which would add members in unintended places;"
                            + " name the parent objects explicitly or choose to change only existing values"));
        }
        Configuration configuration = Configuration.builder()
                .jsonProvider(new JacksonJsonNodeJsonProvider(JsonDocument.MAPPER))
                .mappingProvider(new JacksonMappingProvider(JsonDocument.MAPPER))
                .options(missing == MissingLeaf.INSERT
                        ? new Option[] {Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL}
                        : new Option[] {Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS})
                .build();
        Object found = JsonPath.using(configuration).parse(document.tree()).read(compiled);
        List<ConcretePath> paths = new ArrayList<>();
        if (found instanceof Iterable<?> items) {
            for (Object item : items) {
                String text = item instanceof JsonNode node ? node.asText() : String.valueOf(item);
                ConcretePath path = ConcretePath.parse(text);
                if (!paths.contains(path) && (missing == MissingLeaf.INSERT || document.contains(path))) {
                    paths.add(path);
                }
            }
        }
        return List.copyOf(paths);
    }

    /**
     * Sets the value at every match of a JSONPath expression (see {@link #matches}) to {@code json}.
     *
     * @throws InvalidInputException when the expression matches nothing, or as {@link #matches} and {@link #set}
     */
    public JsonTextEditor setAll(String jsonPath, String json, MissingLeaf missing) {
        List<ConcretePath> paths = matches(jsonPath, missing);
        if (paths.isEmpty()) {
            throw new InvalidInputException(document.problemAt(ConcretePath.root(),
                    "the JSONPath " + jsonPath + " matches no value in this file; check the names in its filter"
                            + (missing == MissingLeaf.SKIP ? ", or allow adding missing members" : "")));
        }
        JsonTextEditor editor = this;
        for (ConcretePath path : paths) {
            editor = editor.set(path, json);
        }
        return editor;
    }

    private String insert(JsonLayout layout, ConcretePath path, String json, Placement placement) {
        int existingDepth = path.depth() - 1;
        while (!document.contains(path.prefix(existingDepth))) {
            existingDepth--;
        }
        ConcretePath anchorPath = path.prefix(existingDepth);
        JsonSpans.ValueSpan anchor = document.spans().at(anchorPath).orElseThrow();
        List<ConcretePath.Segment> missingSteps = path.segments().subList(existingDepth, path.depth());
        for (int i = 0; i < missingSteps.size(); i++) {
            if (missingSteps.get(i) instanceof ConcretePath.Index index) {
                throw new InvalidInputException(document.problemAt(path, "there is no array element ["
                        + index.index() + "] at " + path.prefix(existingDepth + i + 1)
                        + "; only object members can be added, so pick an existing element"));
            }
        }
        if (anchor.kind() != JsonSpans.Kind.OBJECT) {
            throw new InvalidInputException(document.problemAt(anchorPath, anchorPath + " is "
                    + (anchor.kind() == JsonSpans.Kind.ARRAY ? "an array" : "a plain value")
                    + ", not an object, so " + path + " cannot be added; change " + anchorPath + " itself instead"));
        }
        String memberName = ((ConcretePath.Member) missingSteps.get(0)).name();
        String memberJson = json;
        for (int i = missingSteps.size() - 1; i >= 1; i--) {
            memberJson = "{" + quote(((ConcretePath.Member) missingSteps.get(i)).name()) + ":" + memberJson + "}";
        }
        JsonDocument memberValue = parseNewValue(path, memberJson);
        return insertMember(layout, anchor, memberName, memberValue, placement);
    }

    private String insertMember(JsonLayout layout, JsonSpans.ValueSpan object, String name, JsonDocument value,
                                Placement placement) {
        String text = document.text();
        String unit = layout.indentUnit(object.path());
        String colon = layout.colon(object);
        if (object.members().isEmpty()) {
            String indent = layout.lineIndent(object.start());
            String replacement = layout.multiLine()
                    ? "{" + layout.lineSeparator() + indent + unit + quote(name) + colon
                            + layout.render(value, indent + unit, unit, colon) + layout.lineSeparator() + indent + "}"
                    : "{" + quote(name) + colon + layout.render(value, "", unit, colon) + "}";
            return text.substring(0, object.start()) + replacement + text.substring(object.end());
        }
        Optional<JsonSpans.MemberSpan> before = object.members().stream()
                .filter(m -> placement.beforeAnyOf().contains(m.name()))
                .findFirst();
        if (before.isPresent()) {
            int at = before.get().nameStart();
            String member = quote(name) + colon + layout.render(value, layout.lineIndent(at), unit, colon);
            return text.substring(0, at) + member + "," + layout.whitespaceBefore(at) + text.substring(at);
        }
        JsonSpans.MemberSpan last = object.members().get(object.members().size() - 1);
        String gap = layout.whitespaceBefore(last.nameStart());
        if (object.members().size() == 1 && gap.indexOf('\n') < 0 && gap.indexOf('\r') < 0) {
            // In {"a": 1} the gap after the brace says nothing about spacing after commas; follow the colon's habit.
            gap = colon.endsWith(" ") ? " " : "";
        }
        String member = quote(name) + colon + layout.render(value, layout.lineIndent(last.nameStart()), unit, colon);
        return text.substring(0, last.valueEnd()) + "," + gap + member + text.substring(last.valueEnd());
    }

    private JsonSpans.ValueSpan enclosingOrSelf(ConcretePath path) {
        ConcretePath probe = path.parent().orElse(path);
        return document.spans().at(probe).orElseThrow();
    }

    private JsonDocument parseNewValue(ConcretePath path, String json) {
        try {
            return JsonDocument.parse(document.file(), json);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(document.problemAt(path, "the new value " + abbreviate(json)
                    + " for " + path + " is not one JSON value; write a number, true, false, null, a \"quoted\""
                    + " string, an {object} or an [array]"));
        }
    }

    private JsonDocument reparse(ConcretePath path, String edited) {
        try {
            return JsonDocument.parse(document.file(), edited);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("setting " + path + " in " + document.file()
                    + " produced text that is not valid JSON; the edit was abandoned", e);
        }
    }

    private void verify(ConcretePath path, JsonNode newValue, JsonDocument result) {
        JsonNode expected = withValue(document.treeView().deepCopy(), path, newValue.deepCopy());
        if (!expected.equals(result.treeView())) {
            throw new IllegalStateException("setting " + path + " in " + document.file()
                    + " would have changed more than that value; the edit was abandoned");
        }
    }

    private static JsonNode withValue(JsonNode root, ConcretePath path, JsonNode value) {
        if (path.isRoot()) {
            return value;
        }
        JsonNode node = root;
        List<ConcretePath.Segment> steps = path.segments();
        for (int i = 0; i < steps.size() - 1; i++) {
            ConcretePath.Segment step = steps.get(i);
            if (step instanceof ConcretePath.Member member) {
                ObjectNode object = (ObjectNode) node;
                JsonNode next = object.get(member.name());
                node = next != null ? next : object.putObject(member.name());
            } else {
                node = node.get(((ConcretePath.Index) step).index());
            }
        }
        ConcretePath.Segment last = steps.get(steps.size() - 1);
        if (last instanceof ConcretePath.Member member) {
            ((ObjectNode) node).set(member.name(), value);
        } else {
            ((ArrayNode) node).set(((ConcretePath.Index) last).index(), value);
        }
        return root;
    }

    static String quote(String name) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"";
    }

    private static String abbreviate(String json) {
        String oneLine = json.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 40 ? "`" + oneLine + "`" : "`" + oneLine.substring(0, 37) + "...`";
    }
}
