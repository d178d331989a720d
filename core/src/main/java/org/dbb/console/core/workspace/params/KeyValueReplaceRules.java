package org.dbb.console.core.workspace.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.workspace.params.YamlValue.Entry;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;

/**
 * {@code key_value_replace} entries: a jsonpath_ng JSONPath and one value per environment, all of one Python type.
 * Confined to one validation; not thread-safe.
 */
final class KeyValueReplaceRules extends ListParameterRules<KeyValueReplaceEntry> {

    private static final Set<String> KEYS = Set.of("find_key", "replace_value", "item_type", "item_name",
            "file_path");

    KeyValueReplaceRules(ValidationRun run) {
        super(run);
    }

    @Override
    String name() {
        return "key_value_replace";
    }

    @Override
    String findKey() {
        return "find_key";
    }

    @Override
    Set<String> allowedKeys() {
        return KEYS;
    }

    @Override
    boolean checkRequiredExtras(Mapping entry) {
        YamlValue findKey = entry.get("find_key").orElseThrow();
        String key = findKey.str();
        String stripped = PyValues.strip(key);
        if (stripped.isEmpty()) {
            run.error(findKey.at(), "Missing or empty 'find_key' for key_value_replace");
            return false;
        }
        if (!stripped.startsWith("$")) {
            run.error(findKey.at(), "find_key must be an absolute JSONPath starting with '$'; e.g. '$."
                    + stripped + "'");
            return false;
        }
        Optional<String> problem = run.jsonPaths().check(key);
        if (problem.isPresent()) {
            run.error(findKey.at(), "Invalid JSONPath expression '" + key + "': " + problem.get()
                    + "; find_key must parse with jsonpath_ng.ext");
            return false;
        }
        return true;
    }

    @Override
    boolean checkReplaceValue(Mapping replaceValue) {
        List<Entry> entries = replaceValue.list();
        Entry first = entries.get(0);
        for (Entry e : entries) {
            if (PyValues.isNone(e.value())) {
                missingReplaceValue(name(), e);
                return false;
            }
            if (!e.value().typeName().equals(first.value().typeName())) {
                run.error(e.value().at(), "Inconsistent data types in key_value_replace replace_value: '"
                        + first.key().str() + "' has type " + first.value().typeName() + " but '" + e.key().str()
                        + "' has type " + e.value().typeName() + ". All values must be of the same type."
                        + typeHint(first.value(), e.value()));
                return false;
            }
        }
        return true;
    }

    private static String typeHint(YamlValue a, YamlValue b) {
        if (a.typeName().equals("bool") || b.typeName().equals("bool")) {
            return " (unquoted true/false/yes/no/on/off are booleans, \"true\" in quotes is a string)";
        }
        if (a.isString() || b.isString()) {
            return " (quote every value, or none)";
        }
        return "";
    }

    @Override
    void warnPublishTimeProblems(Mapping entry) {
        Mapping replaceValue = (Mapping) entry.get("replace_value").orElseThrow();
        replaceValue.list().forEach(e -> warnVariable(e.value()));
        run.items().ifPresent(scan -> new JsonPathTargets(run).check(entry.get("find_key").orElseThrow(),
                replaceValue.list().get(0).value(), FilterRules.strings(entry, "file_path"), scan.root()));
    }

    @Override
    KeyValueReplaceEntry build(Mapping entry, int number) {
        Map<String, Object> values = new LinkedHashMap<>();
        ((Mapping) entry.get("replace_value").orElseThrow()).list()
                .forEach(e -> values.put(e.key().str(), plain(e.value())));
        return new KeyValueReplaceEntry(number, entry.at(), entry.get("find_key").orElseThrow().str(),
                new EnvironmentValues<>(values), FilterRules.model(entry));
    }
}
