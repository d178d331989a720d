package org.dbb.console.core.fabricruns;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads what a run's evaluated activity input reveals about the references its pipeline JSON passes on unchanged:
 * where the JSON holds {@code {"value": "@pipeline().parameters.x", "type": "Expression"}} (or another reference of
 * the kind given), the evaluated input holds the run's value at the same place. Any other expression could have
 * changed the value on the way, so it reveals nothing. Immutable and thread-safe.
 */
final class EvaluatedReferences {

    private final Pattern reference;

    /** @param reference matches a whole plain reference; its first group that matched is the name referred to */
    EvaluatedReferences(Pattern reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** Walks the written JSON and the evaluated input side by side, keeping the first value seen per name. */
    void collect(JsonNode written, JsonNode evaluated, Map<String, JsonNode> found) {
        if (evaluated.isMissingNode() || evaluated.isNull()) {
            return;
        }
        Optional<String> name = plainReference(written);
        if (name.isPresent()) {
            if (!echoesAnExpression(evaluated)) {
                found.putIfAbsent(name.get(), evaluated.deepCopy());
            }
            return;
        }
        if (written.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = written.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), evaluated.path(field.getKey()), found);
            }
        } else if (written.isArray()) {
            for (int i = 0; i < written.size(); i++) {
                collect(written.get(i), evaluated.path(i), found);
            }
        }
    }

    private Optional<String> plainReference(JsonNode node) {
        if (!node.isObject() || !"Expression".equals(node.path("type").asText())
                || !node.path("value").isTextual()) {
            return Optional.empty();
        }
        Matcher m = reference.matcher(node.path("value").asText());
        if (!m.matches()) {
            return Optional.empty();
        }
        for (int group = 1; group <= m.groupCount(); group++) {
            if (m.group(group) != null) {
                return Optional.of(m.group(group));
            }
        }
        return Optional.empty();
    }

    /** A service that shows the written expression instead of its value tells nothing about the run. */
    private static boolean echoesAnExpression(JsonNode node) {
        if (node.isObject()) {
            return "Expression".equals(node.path("type").asText()) && node.path("value").isTextual();
        }
        return node.isTextual() && node.asText().startsWith("@") && !node.asText().startsWith("@@");
    }
}
