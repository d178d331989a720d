package org.dbb.console.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the refresh parameter's entries: a model name, or {@code {name, targetMinutes, tables}}. Stateless.
 */
final class ModelEntries {

    private ModelEntries() {
    }

    /** The model an entry names, when it is a name or an object with a text {@code name}. */
    static Optional<String> nameOf(JsonNode entry) {
        if (entry.isTextual()) {
            return Optional.of(entry.asText());
        }
        JsonNode name = entry.path("name");
        return entry.isObject() && name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
    }

    /** Every name the entries give, in order. */
    static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> nameOf(e).ifPresent(names::add));
        return names;
    }

    /** The entries naming one of {@code wanted}, each kept as written (objects keep their target and tables). */
    static ArrayNode only(JsonNode entries, List<String> wanted) {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        entries.forEach(e -> {
            if (nameOf(e).filter(wanted::contains).isPresent()) {
                kept.add(e.deepCopy());
            }
        });
        return kept;
    }
}
