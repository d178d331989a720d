package org.dbb.console.core.workspace.params;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.workspace.params.YamlValue.Entry;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;

/**
 * {@code find_replace} entries: literal, regex or {@code $workspace} find values with string replacements per
 * environment. Confined to one validation; not thread-safe.
 */
final class FindReplaceRules extends ListParameterRules<FindReplaceEntry> {

    private static final Set<String> KEYS = Set.of("find_value", "replace_value", "is_regex", "ignore_case",
            "item_type", "item_name", "file_path");

    FindReplaceRules(ValidationRun run) {
        super(run);
    }

    @Override
    String name() {
        return "find_replace";
    }

    @Override
    String findKey() {
        return "find_value";
    }

    @Override
    Set<String> allowedKeys() {
        return KEYS;
    }

    private static Optional<YamlValue> flag(Mapping entry, String key) {
        return entry.get(key).filter(v -> !PyValues.isNone(v));
    }

    private static boolean isOn(Mapping entry, String key) {
        return flag(entry, key).filter(YamlValue::isString)
                .map(v -> v.str().toLowerCase(Locale.ROOT).equals("true")).orElse(false);
    }

    @Override
    String valueType(Mapping entry) {
        return isOn(entry, "is_regex") ? "find value regex" : "find value";
    }

    @Override
    boolean checkRequiredExtras(Mapping entry) {
        YamlValue findValue = entry.get("find_value").orElseThrow();
        String fv = findValue.str();
        if (fv.startsWith("$items.")) {
            run.error(findValue.at(), "Dynamic replacement variable '" + fv + "' is not supported in find_value."
                    + " Same-workspace item attributes ($items.*) resolve to the target environment's item ID, which"
                    + " cannot be present in the source file");
            return false;
        }
        if (fv.startsWith("$workspace.")) {
            String rest = fv.substring("$workspace.".length());
            int at = rest.indexOf(".$items.");
            if (at >= 0) {
                run.warning(findValue.at(), "Dynamic replacement variable '" + fv + "' in find_value references a"
                        + " cross-workspace item attribute. Ensure the referenced item exists in workspace '"
                        + PyValues.strip(rest.substring(0, at)) + "' at deployment time");
            }
        }
        Optional<YamlValue> isRegex = flag(entry, "is_regex");
        if (isRegex.isPresent() && !isRegex.get().isString()) {
            run.error(isRegex.get().at(), ValidationRun.notOfType("is_regex", "string", name())
                    + "; write is_regex: \"true\" with quotes (YAML reads unquoted true/false as a boolean)");
            return false;
        }
        boolean regex = isOn(entry, "is_regex");
        if (regex && fv.startsWith("$workspace.")) {
            run.error(findValue.at(), "Dynamic replacement variable '" + fv + "' in find_value cannot be combined"
                    + " with is_regex. Use either a dynamic variable OR a regex pattern, not both");
            return false;
        }
        if (isRegex.isPresent() && isRegex.get().truthy()) {
            if (!regex) {
                run.warning(isRegex.get().at(), "The provided is_regex value is not set to 'true', regex matching"
                        + " will be ignored.");
            } else {
                PythonRegex.Compiled compiled = PythonRegex.compile(fv);
                if (compiled.error().isPresent()) {
                    run.error(findValue.at(), "Invalid regex " + fv + ": " + compiled.error().get()
                            + "; the pattern must compile with Python's re module");
                    return false;
                }
            }
        }
        Optional<YamlValue> ignoreCase = flag(entry, "ignore_case");
        if (ignoreCase.isPresent() && !ignoreCase.get().isString()) {
            run.error(ignoreCase.get().at(), ValidationRun.notOfType("ignore_case", "string", name())
                    + "; write ignore_case: \"true\" with quotes (YAML reads unquoted true/false as a boolean)");
            return false;
        }
        if (ignoreCase.isPresent() && ignoreCase.get().truthy() && !isOn(entry, "ignore_case")) {
            run.warning(ignoreCase.get().at(), "The provided ignore_case value '" + ignoreCase.get().str()
                    + "' is not 'true'; fabric-cicd silently matches case-sensitively");
        }
        return true;
    }

    @Override
    boolean checkReplaceValue(Mapping replaceValue) {
        for (Entry e : replaceValue.list()) {
            if (!e.value().truthy()) {
                missingReplaceValue(name(), e);
                return false;
            }
            if (!e.key().isString()) {
                run.nonStringEnvironmentKey(e.key(), name() + " replace_value");
                return false;
            }
            if (!e.value().isString()) {
                run.error(e.value().at(), ValidationRun.notOfType(e.key().str() + " replace_value", "string", name())
                        + "; quote the value (find_replace replaces text with text)");
                return false;
            }
        }
        return true;
    }

    @Override
    void warnPublishTimeProblems(Mapping entry) {
        YamlValue findValue = entry.get("find_value").orElseThrow();
        String fv = findValue.str();
        if (fv.startsWith("$") && !fv.startsWith("$workspace.")) {
            run.warning(findValue.at(), "Invalid replace_value variable format: '" + fv + "'. "
                    + VariableSyntax.EXPECTED_FORMATS + "; fabric-cicd resolves a find_value that starts with '$' as"
                    + " a variable when it publishes and stops there (write the literal without the leading '$', e.g."
                    + " as a regex '\\$" + fv.substring(1) + "')");
        }
        if (isOn(entry, "is_regex")) {
            PythonRegex.Compiled compiled = PythonRegex.compile(fv);
            if (compiled.error().isEmpty() && compiled.groups() != 1) {
                run.warning(findValue.at(), "Regex pattern '" + fv + "' must contain exactly one capturing group."
                        + " (it has " + compiled.groups() + "; fabric-cicd refuses it when it publishes: capture the"
                        + " text to replace in one (...) group and use (?:...) for any other grouping)");
            }
        }
        Mapping replaceValue = (Mapping) entry.get("replace_value").orElseThrow();
        replaceValue.list().forEach(e -> warnVariable(e.value()));
    }

    @Override
    FindReplaceEntry build(Mapping entry, int number) {
        Map<String, String> values = new LinkedHashMap<>();
        ((Mapping) entry.get("replace_value").orElseThrow()).list()
                .forEach(e -> values.put(e.key().str(), e.value().str()));
        return new FindReplaceEntry(number, entry.at(), entry.get("find_value").orElseThrow().str(),
                new EnvironmentValues<>(values), isOn(entry, "is_regex"), isOn(entry, "ignore_case"),
                FilterRules.model(entry));
    }
}
