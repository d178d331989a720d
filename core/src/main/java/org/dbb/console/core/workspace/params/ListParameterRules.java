package org.dbb.console.core.workspace.params;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.workspace.params.YamlValue.Entry;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;
import org.dbb.console.core.workspace.params.YamlValue.Scalar;
import org.dbb.console.core.workspace.params.YamlValue.Sequence;

/**
 * fabric-cicd's per-entry validation of the list parameters ({@code _validate_parameter}): keys, required values,
 * replace values, filter types, then the environment and filter-match checks that only warn. An entry stops at its
 * first error, as fabric-cicd does; later entries are still checked because they are independent. Confined to one
 * validation; not thread-safe.
 *
 * @param <E> the domain record built for a valid entry
 */
abstract class ListParameterRules<E> {

    /** The result of fabric-cicd's {@code _validate_environment}. */
    record EnvironmentCheck(boolean valid, String allKey) {
    }

    protected final ValidationRun run;
    protected final FilterRules filters;

    ListParameterRules(ValidationRun run) {
        this.run = run;
        this.filters = new FilterRules(run);
    }

    /** The parameter's YAML key. */
    abstract String name();

    /** The key fabric-cicd reports entries by ({@code find_value}, {@code find_key}, {@code instance_pool_id}). */
    abstract String findKey();

    /** Every key an entry may have. */
    abstract Set<String> allowedKeys();

    /** Checks beyond presence and type of the required values; reports and returns false on an error. */
    abstract boolean checkRequiredExtras(Mapping entry);

    /** Checks the {@code replace_value} mapping; reports and returns false on an error. */
    abstract boolean checkReplaceValue(Mapping replaceValue);

    /** Reports what fabric-cicd accepts now but refuses while publishing. */
    abstract void warnPublishTimeProblems(Mapping entry);

    /** The domain record for an entry that passed. */
    abstract E build(Mapping entry, int number);

    /** The value-type label of the skip messages. */
    String valueType(Mapping entry) {
        return "find value";
    }

    final List<E> validate(Sequence list) {
        boolean multiple = list.items().size() > 1;
        List<E> built = new ArrayList<>();
        int number = 0;
        for (YamlValue item : list.items()) {
            number++;
            if (!(item instanceof Mapping entry)) {
                run.error(item.at(), name() + " entry " + number + " is a " + item.typeName() + ", not a mapping:"
                        + " fabric-cicd 1.3.0 stops with an AttributeError on it; write the entry as 'key: value'"
                        + " lines under '- '");
                continue;
            }
            if (!checkKeys(entry) || !checkRequiredValues(entry) || !checkRequiredExtras(entry)) {
                continue;
            }
            Mapping replaceValue = (Mapping) entry.get("replace_value").orElseThrow();
            if (!checkReplaceValue(replaceValue) || !filters.checkTypes(name(), entry)) {
                continue;
            }
            Optional<YamlValue> badKey = ValidationRun.firstNonStringKey(replaceValue);
            if (badKey.isPresent()) {
                run.nonStringEnvironmentKey(badKey.get(), name() + " replace_value");
                continue;
            }
            EnvironmentCheck env = environmentCheck(replaceValue, run.environment());
            boolean filtersMatch = filters.checkMatches(name(), entry);
            String where = name() + (multiple ? " " + number : "");
            String skipped = "The " + valueType(entry) + " '" + entry.get(findKey()).map(YamlValue::str).orElse("None")
                    + "' replacement will be skipped due to ";
            if (run.hasEnvironment() && !env.valid()) {
                if (env.allKey() != null) {
                    run.error(replaceValue.at(), "The '" + env.allKey() + "' environment key can only be used alone."
                            + " Other environment keys found in replace_value: '" + replaceValue.repr() + "'"
                            + "; keep either '" + env.allKey() + "' alone or the per-environment keys");
                    continue;
                }
                run.warning(replaceValue.at(), skipped + "target environment '" + run.environment() + "' not found"
                        + " in parameter " + where);
            } else {
                if (env.allKey() != null) {
                    run.warning(replaceValue.at(), "The replace value: '"
                            + replaceValue.get(env.allKey()).map(YamlValue::str).orElse("")
                            + "' will be applied for any target environment");
                }
                if (!filtersMatch) {
                    run.warning(entry.at(), skipped + "unmatched optional filters in parameter " + where);
                }
            }
            warnPublishTimeProblems(entry);
            built.add(build(entry, number));
        }
        return built;
    }

    private boolean checkKeys(Mapping entry) {
        List<String> required = List.of(findKey(), "replace_value");
        if (!required.stream().allMatch(entry::has)) {
            run.error(entry.at(), name() + " is missing keys; each entry needs " + String.join(" and ", required));
            return false;
        }
        for (Entry e : entry.list()) {
            if (!e.key().isString() || !allowedKeys().contains(e.key().str())) {
                run.error(e.key().at(), name() + " contains invalid keys; '" + e.key().str() + "' is not one of "
                        + allowedKeys().stream().sorted().toList());
                return false;
            }
        }
        return true;
    }

    private boolean checkRequiredValues(Mapping entry) {
        for (String key : List.of(findKey(), "replace_value")) {
            YamlValue value = entry.get(key).orElseThrow();
            if (!value.truthy()) {
                run.error(value.at(), "Missing value for '" + key + "' key in " + name());
                return false;
            }
            String expected = key.equals("replace_value") ? "dictionary" : "string";
            if (!ValidationRun.hasType(value, expected)) {
                run.error(value.at(), ValidationRun.notOfType(key, expected, name())
                        + (expected.equals("string") ? "; quote the value" : "; write one 'ENV: value' line per"
                        + " environment"));
                return false;
            }
        }
        return true;
    }

    /** fabric-cicd's {@code _validate_environment}; keys are known to be strings here. */
    static EnvironmentCheck environmentCheck(Mapping replaceValue, String environment) {
        for (Entry e : replaceValue.list()) {
            String key = e.key().str();
            if (key.toLowerCase(Locale.ROOT).equals("_all_")) {
                return new EnvironmentCheck(replaceValue.size() == 1, key);
            }
        }
        return new EnvironmentCheck(replaceValue.has(environment), null);
    }

    /** The message for a falsy environment value. */
    protected void missingReplaceValue(String param, Entry e) {
        run.error(e.value().at(), param + " is missing a replace value for '" + e.key().str() + "' environment'");
    }

    /** Plain Java data for a YAML value: String, Boolean, Integer/Long/BigInteger, Double, List, Map. */
    static Object plain(YamlValue value) {
        if (value instanceof Scalar s) {
            return switch (s.type()) {
                case BOOL, FLOAT -> s.value();
                case INT -> {
                    BigInteger i = (BigInteger) s.value();
                    yield i.bitLength() < 32 ? (Object) i.intValue() : i.bitLength() < 64 ? (Object) i.longValue() : i;
                }
                case NONE -> null;
                default -> s.str();
            };
        }
        if (value instanceof Sequence seq) {
            List<Object> out = new ArrayList<>();
            seq.items().forEach(i -> out.add(plain(i)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Mapping) value).list().forEach(e -> out.put(e.key().str(), plain(e.value())));
        return out;
    }

    /** Reports the publish-time problems of a variable used as a replace value. */
    protected void warnVariable(YamlValue value) {
        if (!value.isString()) {
            return;
        }
        String text = value.str();
        if (!VariableSyntax.isVariable(text) && (text.contains("$items.") || text.contains("$workspace."))) {
            run.warning(value.at(), "The replace value '" + text + "' contains a variable but does not start with it;"
                    + " fabric-cicd only resolves a value that is exactly one variable, so this text is inserted as"
                    + " written");
        }
        for (VariableSyntax.Finding f : VariableSyntax.check(text, run.items())) {
            String hint = f.kind() == VariableSyntax.Kind.DEPRECATED ? "; still accepted"
                    : text.startsWith("$ENV:")
                    ? "; fabric-cicd fails at publish unless feature flag enable_environment_variable_replacement is"
                    + " on and an OS variable literally named '" + text + "' exists"
                    : "; fabric-cicd accepts the file but fails when it publishes with this value";
            run.warning(value.at(), f.message() + hint);
        }
    }
}
