package org.dbb.console.core.workspace.params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.dbb.console.core.workspace.params.YamlValue.Entry;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;
import org.dbb.console.core.workspace.params.YamlValue.Sequence;

/**
 * {@code semantic_model_binding} in its new form (a mapping of {@code default} and {@code models}) and its legacy
 * form (a list, which {@code gateway_binding} is converted into), validated as fabric-cicd 1.3.0 does. Confined
 * to one validation; not thread-safe.
 */
final class BindingRules {

    /** fabric-cicd's {@code VALID_GUID_REGEX}; Python's {@code re.match} also lets one trailing newline through. */
    static final Pattern GUID = Pattern.compile(
            "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$");

    private static final String PARAM = "semantic_model_binding";
    private static final Set<String> LEGACY_KEYS = Set.of("connection_id", "semantic_model_name");
    private static final Set<String> NEW_KEYS = Set.of("default", "models");

    private final ValidationRun run;

    BindingRules(ValidationRun run) {
        this.run = run;
    }

    static boolean isGuid(String value) {
        return GUID.matcher(value).matches();
    }

    /** Validates the section; returns the model when it passed. */
    Optional<SemanticModelBinding> validate(YamlValue value) {
        if (value instanceof Mapping map) {
            return validateNew(map);
        }
        return validateLegacy((Sequence) value);
    }

    private Optional<SemanticModelBinding> validateNew(Mapping map) {
        for (Entry e : map.list()) {
            if (e.key().isString() && LEGACY_KEYS.contains(e.key().str())) {
                run.error(e.key().at(), "Parameter '" + PARAM + "' contains mixed format keys (legacy and new format"
                        + " cannot be combined); move '" + e.key().str() + "' into a 'models' entry");
                return Optional.empty();
            }
        }
        for (Entry e : map.list()) {
            if (!e.key().isString() || !NEW_KEYS.contains(e.key().str())) {
                run.error(e.key().at(), PARAM + " contains invalid keys; only 'default' and 'models' are allowed");
                return Optional.empty();
            }
        }
        if (!map.has("default") && !map.has("models")) {
            run.error(map.at(), PARAM + " (requires 'default' or 'models') is missing keys");
            return Optional.empty();
        }
        Optional<EnvironmentValues<List<String>>> defaultConnection = Optional.empty();
        if (map.has("default")) {
            YamlValue def = map.get("default").orElseThrow();
            if (!(def instanceof Mapping defMap)) {
                run.error(def.at(), ValidationRun.notOfType("default", "dictionary", PARAM));
                return Optional.empty();
            }
            if (!defMap.has("connection_id")) {
                run.error(defMap.at(), PARAM + ".default (requires 'connection_id') is missing keys");
                return Optional.empty();
            }
            Optional<EnvironmentValues<List<String>>> ids = connectionMap(defMap.get("connection_id").orElseThrow(),
                    PARAM + ".default.connection_id");
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            defaultConnection = ids;
        }
        List<ModelBinding> models = new ArrayList<>();
        if (map.has("models")) {
            YamlValue modelsValue = map.get("models").orElseThrow();
            String section = PARAM + ".models";
            if (!modelsValue.isSequence() || !modelsValue.truthy()) {
                run.error(modelsValue.at(), section + " must be a non-empty list");
                return Optional.empty();
            }
            int index = 0;
            for (YamlValue item : ((Sequence) modelsValue).items()) {
                String entryName = section + "[" + index++ + "]";
                if (!(item instanceof Mapping entry)) {
                    run.error(item.at(), ValidationRun.notOfType(entryName, "dictionary", section));
                    return Optional.empty();
                }
                if (!entry.has("semantic_model_name")) {
                    run.error(entry.at(), entryName + " (requires 'semantic_model_name') is missing keys");
                    return Optional.empty();
                }
                if (!entry.has("connection_id")) {
                    run.error(entry.at(), entryName + " (requires 'connection_id') is missing keys");
                    return Optional.empty();
                }
                YamlValue names = entry.get("semantic_model_name").orElseThrow();
                if (!ValidationRun.hasType(names, "string or list[string]")) {
                    run.error(names.at(), ValidationRun.notOfType("semantic_model_name", "string or list[string]",
                            entryName));
                    return Optional.empty();
                }
                Optional<EnvironmentValues<List<String>>> ids = connectionMap(
                        entry.get("connection_id").orElseThrow(), entryName + ".connection_id");
                if (ids.isEmpty()) {
                    return Optional.empty();
                }
                models.add(new ModelBinding(FilterRules.values(names).stream().map(YamlValue::str).toList(),
                        ids.get(), entry.at()));
            }
        }
        warnDuplicates(map.get("models").filter(YamlValue::isSequence).map(v -> ((Sequence) v).items())
                .orElse(List.of()));
        return Optional.of(new SemanticModelBinding(defaultConnection, models, false));
    }

    private Optional<EnvironmentValues<List<String>>> connectionMap(YamlValue value, String context) {
        if (!(value instanceof Mapping map)) {
            run.error(value.at(), context + " must be a dictionary with environment keys (e.g., DEV, PPE, PROD) or"
                    + " '_ALL_'. Use '_ALL_' to apply the same connection to all environments.");
            return Optional.empty();
        }
        if (!map.truthy()) {
            run.error(map.at(), context + " must be a non-empty dictionary");
            return Optional.empty();
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Entry e : map.list()) {
            String env = e.key().str();
            YamlValue v = e.value();
            if (v.isSequence()) {
                List<YamlValue> items = ((Sequence) v).items();
                if (items.isEmpty()) {
                    run.error(v.at(), "connection_id value for environment '" + env + "' must not be an empty list");
                    return Optional.empty();
                }
                List<String> list = new ArrayList<>();
                for (YamlValue item : items) {
                    if (!item.isString()) {
                        run.error(item.at(), "connection_id list for environment '" + env
                                + "' contains a non-string value: '" + item.str() + "'");
                        return Optional.empty();
                    }
                    if (!pythonGuidMatch(item.str())) {
                        run.error(item.at(), "connection_id list for environment '" + env
                                + "' contains an invalid GUID: '" + item.str() + "'" + guidHint(item.str()));
                        return Optional.empty();
                    }
                    list.add(item.str());
                }
                ids.put(env, list);
            } else if (v.isString()) {
                if (!pythonGuidMatch(v.str())) {
                    run.error(v.at(), "connection_id for environment '" + env + "' is not a valid GUID: '" + v.str()
                            + "'" + guidHint(v.str()));
                    return Optional.empty();
                }
                ids.put(env, List.of(v.str()));
            } else {
                run.error(v.at(), "connection_id value for environment '" + env
                        + "' must be a string (GUID) or a list of strings");
                return Optional.empty();
            }
        }
        Optional<YamlValue> badKey = ValidationRun.firstNonStringKey(map);
        if (badKey.isPresent()) {
            run.nonStringEnvironmentKey(badKey.get(), context);
            return Optional.empty();
        }
        ListParameterRules.EnvironmentCheck env = ListParameterRules.environmentCheck(map, run.environment());
        if (run.hasEnvironment() && !env.valid()) {
            if (env.allKey() != null) {
                run.error(map.at(), "The '" + env.allKey() + "' environment key can only be used alone. Other"
                        + " environment keys found in replace_value: '" + map.repr() + "'");
                return Optional.empty();
            }
            run.warning(map.at(), "target environment '" + run.environment() + "' not found; " + context
                    + " binds no connection for it");
        }
        return Optional.of(new EnvironmentValues<>(ids));
    }

    private Optional<SemanticModelBinding> validateLegacy(Sequence list) {
        boolean multiple = list.items().size() > 1;
        List<ModelBinding> models = new ArrayList<>();
        int number = 0;
        for (YamlValue item : list.items()) {
            number++;
            String context = multiple ? PARAM + " " + number : PARAM;
            if (!(item instanceof Mapping entry)) {
                run.error(item.at(), PARAM + " entry " + number + " is a " + item.typeName() + ", not a mapping:"
                        + " fabric-cicd 1.3.0 stops with an AttributeError on it");
                return Optional.empty();
            }
            for (Entry e : entry.list()) {
                if (e.key().isString() && NEW_KEYS.contains(e.key().str())) {
                    run.error(e.key().at(), "Parameter '" + PARAM + "' contains mixed format keys (legacy and new"
                            + " format cannot be combined)");
                    return Optional.empty();
                }
            }
            if (!entry.has("connection_id") || !entry.has("semantic_model_name")) {
                run.error(entry.at(), PARAM + " is missing keys; legacy entries need connection_id and"
                        + " semantic_model_name");
                return Optional.empty();
            }
            if (entry.size() != 2 || ValidationRun.firstNonStringKey(entry).isPresent()) {
                run.error(entry.at(), PARAM + " contains invalid keys; legacy entries allow only connection_id and"
                        + " semantic_model_name");
                return Optional.empty();
            }
            YamlValue connection = entry.get("connection_id").orElseThrow();
            YamlValue names = entry.get("semantic_model_name").orElseThrow();
            if (!connection.truthy()) {
                run.error(connection.at(), "Missing value for 'connection_id' key in " + PARAM);
                return Optional.empty();
            }
            if (!names.truthy()) {
                run.error(names.at(), "Missing value for 'semantic_model_name' key in " + PARAM);
                return Optional.empty();
            }
            if (!ValidationRun.hasType(names, "string or list[string]")) {
                run.error(names.at(), ValidationRun.notOfType("semantic_model_name", "string or list[string]", PARAM));
                return Optional.empty();
            }
            if (!connection.isString()) {
                run.error(connection.at(), "connection_id in " + context + " must be a string GUID."
                        + " Environment-specific dictionaries are not supported in the legacy format. Please migrate"
                        + " to the new dictionary format with 'default' and 'models' keys.");
                return Optional.empty();
            }
            if (!pythonGuidMatch(connection.str())) {
                run.error(connection.at(), "connection_id '" + connection.str() + "' is not a valid GUID in " + context
                        + guidHint(connection.str()));
                return Optional.empty();
            }
            models.add(new ModelBinding(FilterRules.values(names).stream().map(YamlValue::str).toList(),
                    new EnvironmentValues<>(Map.of(EnvironmentValues.ALL, List.of(connection.str()))), entry.at()));
        }
        warnDuplicates(list.items());
        if (!list.items().isEmpty()) {
            run.warning(list.at(), "The list form of semantic_model_binding is deprecated (fabric-cicd warns when it"
                    + " publishes); use 'default:' and 'models:' with per-environment connection_id maps");
        }
        return Optional.of(new SemanticModelBinding(Optional.empty(), models, true));
    }

    private void warnDuplicates(List<YamlValue> entries) {
        List<String> names = new ArrayList<>();
        SourcePosition at = null;
        for (YamlValue item : entries) {
            if (item instanceof Mapping entry) {
                Optional<YamlValue> raw = entry.get("semantic_model_name");
                if (raw.isPresent()) {
                    for (YamlValue n : FilterRules.values(raw.get())) {
                        if (n.isString()) {
                            if (names.contains(n.str()) && at == null) {
                                at = n.at();
                            }
                            names.add(n.str());
                        }
                    }
                }
            }
        }
        TreeSet<String> duplicates = new TreeSet<>();
        for (String n : names) {
            if (names.indexOf(n) != names.lastIndexOf(n)) {
                duplicates.add(n);
            }
        }
        if (!duplicates.isEmpty()) {
            run.warning(at, "Duplicate semantic model names found: " + String.join(", ", duplicates) + ". Each"
                    + " semantic model should only appear once in the configuration as only one connection can be"
                    + " bound per semantic model. Please remove duplicate entries to avoid unpredictable binding"
                    + " behavior. (When publishing, the last entry wins.)");
        }
    }

    private static boolean pythonGuidMatch(String value) {
        // Python's '$' also matches just before a final newline.
        String candidate = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        return isGuid(candidate) && !candidate.contains("\n");
    }

    private static String guidHint(String value) {
        if (value.startsWith("$ENV:")) {
            return "; the $ENV: token was not replaced (that needs feature flag enable_environment_variable_replacement"
                    + " and an OS variable literally named '" + value + "'); put the connection GUID here";
        }
        return "; a connection id looks like 00000000-0000-0000-0000-000000000000";
    }
}
