package org.dbb.console.core.workspace.params.edit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a {@link NewEntry} against fabric-cicd's rules before it is written. Stateless and thread-safe. */
final class NewEntryCheck {

    private NewEntryCheck() {
    }

    /** @throws org.dbb.console.core.problem.InvalidInputException naming what fabric-cicd would reject */
    static void require(ParameterDocument doc, NewEntry entry) {
        String what = entry instanceof NewEntry.ModelBinding ? "the new semantic_model_binding models entry"
                : "the new " + entry.kind().key() + " entry";
        if (entry instanceof NewEntry.FindReplace e) {
            if (e.findValue().isEmpty()) {
                throw doc.problem(what + " needs a non-empty find_value");
            }
            if (e.regex() && !YamlText.canSingleQuote(e.findValue())) {
                throw doc.problem(what + ": a regex with line breaks or control characters cannot be written "
                        + "single-quoted; write them as \\n, \\t ... inside the pattern");
            }
            checkFilters(doc, what, e.filters().itemType(), e.filters().itemName(), e.filters().filePath());
        } else if (entry instanceof NewEntry.KeyValueReplace e) {
            if (!e.findKey().startsWith("$")) {
                throw doc.problem(what + ": find_key must be a JSONPath starting with '$' (got '" + e.findKey() + "')");
            }
            checkFilters(doc, what, e.filters().itemType(), e.filters().itemName(), e.filters().filePath());
        } else if (entry instanceof NewEntry.SparkPool e) {
            if (e.instancePoolId().isEmpty()) {
                throw doc.problem(what + " needs a non-empty instance_pool_id");
            }
            checkFilters(doc, what, e.itemName());
        } else if (entry instanceof NewEntry.ModelBinding e) {
            if (e.semanticModelName().isEmpty()) {
                throw doc.problem(what + " needs at least one semantic_model_name");
            }
            if (e.semanticModelName().stream().anyMatch(n -> n == null || n.isEmpty())) {
                throw doc.problem(what + ": semantic model names must be non-empty text");
            }
        }
        checkEnvironments(doc, what, entry);
    }

    @SafeVarargs
    private static void checkFilters(ParameterDocument doc, String what, List<String>... filters) {
        for (List<String> filter : filters) {
            if (filter.stream().anyMatch(f -> f == null || f.isEmpty())) {
                throw doc.problem(what + ": filter values must be non-empty text");
            }
        }
    }

    private static void checkEnvironments(ParameterDocument doc, String what, NewEntry entry) {
        Map<String, ?> values = entry.replaceValue();
        if (values.isEmpty()) {
            throw doc.problem(what + " needs at least one environment in " + mapName(entry));
        }
        boolean usesAll = values.keySet().stream().anyMatch(EnvironmentNames::isAll);
        if (usesAll && values.size() > 1) {
            throw doc.problem(what + ": '_ALL_' must be the only key of " + mapName(entry) + ", but it has "
                    + values.keySet());
        }
        Map<String, String> lowerCase = new HashMap<>();
        Map<String, Object> seen = new LinkedHashMap<>();
        ValueKind kind = entry instanceof NewEntry.ModelBinding ? ValueKind.CONNECTION_ID : ValueKind.of(entry.kind());
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String name = e.getKey();
            if (!EnvironmentNames.isAll(name)) {
                NewEnvironmentCheck.require(doc, name);
                String clash = lowerCase.put(name.toLowerCase(Locale.ROOT), name);
                if (clash != null) {
                    throw doc.problem(what + ": the environments '" + clash + "' and '" + name + "' differ only by "
                            + "letter case, which fabric-cicd treats as duplicates");
                }
            }
            Object value;
            try {
                value = ReplaceValueRules.normalize(kind, e.getValue());
                if (kind == ValueKind.KEY_VALUE_REPLACE) {
                    ReplaceValueRules.requireSameType(name, YamlData.ofJava(value), seen);
                }
            } catch (IllegalArgumentException ex) {
                throw doc.problem(what + ", environment '" + name + "': " + ex.getMessage());
            }
            seen.put(name, YamlData.ofJava(value));
        }
    }

    private static String mapName(NewEntry entry) {
        return entry instanceof NewEntry.ModelBinding ? "connection_id" : "replace_value";
    }
}
