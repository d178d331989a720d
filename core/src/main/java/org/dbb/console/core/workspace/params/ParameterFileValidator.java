package org.dbb.console.core.workspace.params;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.YamlValue.Entry;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;
import org.dbb.console.core.workspace.params.YamlValue.Scalar;
import org.dbb.console.core.workspace.params.YamlValue.Sequence;

/**
 * Validates a fabric-cicd {@code parameter.yml} and reaches the same valid/invalid verdict as fabric-cicd 1.3.0,
 * positioning every problem by file, line and column. Runs fabric-cicd's steps in its order (load, names,
 * structure, find_replace, spark_pool, key_value_replace, semantic_model_binding); where fabric-cicd stops at the
 * first failure this goes on with the independent checks that remain, and it adds warnings for what fabric-cicd
 * only discovers while publishing. Immutable and thread-safe (create one and share it); bad input never throws.
 */
public final class ParameterFileValidator {

    /** The parameter lists fabric-cicd knows ({@code PARAM_NAMES}). */
    private static final List<String> PARAM_NAMES = List.of("find_replace", "key_value_replace", "spark_pool",
            "semantic_model_binding");

    /**
     * The names fabric-cicd accepts at the top level: {@code list(PARAMETER_KEYS)[:6]}, which by accident includes
     * {@code spark_pool_replace_value} and leaves out {@code extend}.
     */
    private static final List<String> ACCEPTED_NAMES = List.of("find_replace", "spark_pool",
            "spark_pool_replace_value", "key_value_replace", "gateway_binding", "semantic_model_binding");

    private final JsonPathSyntax jsonPaths = new JsonPathSyntax();

    /**
     * Reads and validates a parameter file; {@code extend} templates are read relative to its folder.
     *
     * @param parameterFile the file
     * @param environment   the target environment (case-sensitive); empty for fabric-cicd's "N/A", which skips the
     *                      environment checks
     * @param items         the repository's items, for the {@code item_name}/{@code file_path} filter warnings and
     *                      {@code $items} checks; empty to skip those
     */
    public ParameterValidation validate(Path parameterFile, Optional<String> environment, Optional<ItemScan> items) {
        ValidationRun run = new ValidationRun(parameterFile, environment, items, jsonPaths);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(parameterFile)) {
                run.fileError("Parameter file not found with path: " + parameterFile + "; fabric-cicd skips"
                        + " parameterization when the file is missing, so check the path");
                return finish(run, null, List.of());
            }
            bytes = Files.readAllBytes(parameterFile);
        } catch (IOException e) {
            run.fileError("cannot read the parameter file (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check that it exists and is readable");
            return finish(run, null, List.of());
        }
        String text;
        try {
            text = Utf8Text.decode(bytes);
        } catch (Utf8Text.DecodeException e) {
            run.fileError("Error loading parameter.yml '" + e.getMessage() + "'; save the file as UTF-8");
            return finish(run, null, List.of());
        }
        return validate(run, text);
    }

    /**
     * Validates YAML text already in memory (an editor's buffer); {@code extend} templates are read from disk
     * relative to {@code nameForMessages}'s folder.
     */
    public ParameterValidation validate(Path nameForMessages, String text, Optional<String> environment,
                                        Optional<ItemScan> items) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return validate(new ValidationRun(nameForMessages, environment, items, jsonPaths), body);
    }

    private ParameterValidation validate(ValidationRun run, String text) {
        try {
            return run(run, text);
        } catch (RuntimeException e) {
            // A defect here must not take the caller down; report it against the file instead.
            run.fileError("internal error while validating (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); please report it with the file");
            return finish(run, null, List.of());
        }
    }

    private ParameterValidation run(ValidationRun run, String text) {
        if (PyValues.isBlank(text)) {
            run.fileError("Error loading parameter.yml 'YAML content is empty'; add at least one parameter such as"
                    + " find_replace");
            return finish(run, null, List.of());
        }
        YamlValue root;
        try {
            root = YamlTree.load(run.mainFile(), Utf8Text.universalNewlines(text));
        } catch (YamlLoadException e) {
            run.error(new SourcePosition(run.mainFile(), e.line(), e.column()),
                    "Error loading parameter.yml '" + e.getMessage() + "'");
            return finish(run, null, List.of());
        }
        if (!root.truthy()) {
            run.fileError("Error loading parameter.yml: the file holds no parameters (only comments or an empty"
                    + " value); fabric-cicd 1.3.0 rejects it with an empty message. Add find_replace,"
                    + " key_value_replace, spark_pool or semantic_model_binding");
            return finish(run, null, List.of());
        }
        if (!(root instanceof Mapping main)) {
            run.error(root.at(), "Invalid parameter file structure: the file is a YAML " + root.typeName()
                    + ", not a mapping of parameter names (fabric-cicd 1.3.0 stops with an AttributeError); start"
                    + " with a key such as 'find_replace:'");
            return finish(run, null, List.of());
        }
        List<Path> templates = List.of();
        if (main.get("extend").map(YamlValue::truthy).orElse(false)) {
            TemplateMerger.Result merged = new TemplateMerger(run).merge(main);
            main = merged.merged();
            templates = merged.templates();
        }
        main = convertGatewayBinding(run, main);
        if (main == null) {
            return finish(run, null, templates);
        }
        if (!main.truthy()) {
            run.fileError("Error loading parameter.yml: nothing is left once the templates are merged (fabric-cicd"
                    + " 1.3.0 rejects this with an empty message); add parameters to the file or its templates");
            return finish(run, null, templates);
        }
        boolean namesValid = checkNames(run, main);
        boolean structureValid = checkStructure(run, main, namesValid);
        if (!namesValid && !structureValid) {
            return finish(run, null, templates);
        }
        return finish(run, validateParameters(run, main), templates);
    }

    /** fabric-cicd's {@code _handle_gateway_binding_parameter}; null when the conversion would crash. */
    private static Mapping convertGatewayBinding(ValidationRun run, Mapping main) {
        if (!main.has("gateway_binding") && !main.has("semantic_model_binding")) {
            return main;
        }
        Optional<Entry> gateway = main.entry("gateway_binding");
        if (gateway.isEmpty() || !gateway.get().value().truthy()) {
            gateway.ifPresent(g -> run.warning(g.key().at(), "The 'gateway_binding' parameter is deprecated and will"
                    + " be removed in future releases. Please use 'semantic_model_binding' instead. (It is empty and"
                    + " ignored.)"));
            return main;
        }
        YamlValue gw = gateway.get().value();
        Optional<YamlValue> binding = main.get("semantic_model_binding");
        Mapping result = main.without("gateway_binding");
        if (binding.isEmpty() || binding.get().isSequence()) {
            if (!(gw instanceof Sequence gwList) || !gwList.isSequence()
                    || gwList.items().stream().anyMatch(i -> !(i instanceof Mapping))) {
                run.error(gw.at(), "gateway_binding must be a list of entries with gateway_id and dataset_name:"
                        + " fabric-cicd 1.3.0 stops with an AttributeError on this value");
                return null;
            }
            List<YamlValue> entries = new ArrayList<>(binding.map(b -> ((Sequence) b).items()).orElse(List.of()));
            for (YamlValue item : gwList.items()) {
                Mapping g = (Mapping) item;
                Map<Object, Entry> converted = new LinkedHashMap<>();
                YamlValue none = new Scalar(YamlValue.PyType.NONE, null, g.at());
                converted.put("connection_id", new Entry(Scalar.string("connection_id", g.at()),
                        g.get("gateway_id").orElse(none)));
                converted.put("semantic_model_name", new Entry(Scalar.string("semantic_model_name", g.at()),
                        g.get("dataset_name").orElse(new Sequence(List.of(), g.at()))));
                entries.add(new Mapping(converted, g.at()));
            }
            SourcePosition at = binding.map(YamlValue::at).orElse(gw.at());
            result = result.with(Scalar.string("semantic_model_binding", gateway.get().key().at()),
                    new Sequence(entries, at));
        } else {
            run.warning(gateway.get().key().at(), "Cannot merge 'gateway_binding' with new format"
                    + " 'semantic_model_binding'. Please migrate gateway_binding entries to the new"
                    + " semantic_model_binding format. (They are ignored.)");
        }
        run.warning(gateway.get().key().at(), "The 'gateway_binding' parameter is deprecated and will be removed in"
                + " future releases. Please use 'semantic_model_binding' instead.");
        return result;
    }

    private static boolean checkNames(ValidationRun run, Mapping main) {
        boolean valid = true;
        for (Entry e : main.list()) {
            String name = e.key().str();
            if (!e.key().isString() || !ACCEPTED_NAMES.contains(name)) {
                String hint = name.equals("extend")
                        ? "; an empty 'extend' is not removed and so is refused: list template files or delete it"
                        : "; the parameters are find_replace, key_value_replace, spark_pool and"
                        + " semantic_model_binding (other data cannot live in parameter.yml)";
                run.error(e.key().at(), "Invalid parameter name '" + name + "' found in the parameter file" + hint);
                valid = false;
            } else if (name.equals("spark_pool_replace_value")) {
                run.warning(e.key().at(), "'spark_pool_replace_value' is not a parameter; fabric-cicd 1.3.0 accepts"
                        + " the name by accident and ignores its content");
            }
        }
        return valid;
    }

    private static boolean checkStructure(ValidationRun run, Mapping main, boolean namesValid) {
        List<String> present = PARAM_NAMES.stream().filter(main::has).toList();
        if (present.isEmpty()) {
            if (namesValid) {
                run.error(main.at(), "Invalid parameter file structure; the file needs at least one of "
                        + String.join(", ", PARAM_NAMES));
            }
            return false;
        }
        for (String name : present) {
            YamlValue value = main.get(name).orElseThrow();
            if (!hasValidShape(name, value)) {
                run.error(value.at(), "Invalid parameter file structure; " + name + " must be "
                        + (name.equals("semantic_model_binding")
                        ? "a mapping with 'default' and/or 'models' (or the legacy list)"
                        : "a list of entries, each starting with '- '") + shapeHint(value));
                return false;
            }
        }
        return true;
    }

    private static String shapeHint(YamlValue value) {
        if (value instanceof Mapping) {
            return " (this looks like the pre-0.1.11 dictionary format: turn each key into an entry with"
                    + " find_value/instance_pool_id and replace_value)";
        }
        return value.truthy() ? "" : " (it is empty)";
    }

    private static boolean hasValidShape(String name, YamlValue value) {
        if (name.equals("semantic_model_binding")) {
            return value.isSequence()
                    || (value instanceof Mapping m && (m.has("default") || m.has("models")));
        }
        return value.isSequence();
    }

    private static ParameterFileParts validateParameters(ValidationRun run, Mapping main) {
        ParameterFileParts parts = new ParameterFileParts();
        main.get("find_replace").filter(YamlValue::isSequence)
                .ifPresent(v -> parts.findReplace = new FindReplaceRules(run).validate((Sequence) v));
        main.get("spark_pool").filter(YamlValue::isSequence)
                .ifPresent(v -> parts.sparkPool = new SparkPoolRules(run).validate((Sequence) v));
        main.get("key_value_replace").filter(YamlValue::isSequence)
                .ifPresent(v -> parts.keyValueReplace = new KeyValueReplaceRules(run).validate((Sequence) v));
        main.get("semantic_model_binding").filter(v -> hasValidShape("semantic_model_binding", v))
                .ifPresent(v -> parts.binding = new BindingRules(run).validate(v));
        return parts;
    }

    /** What the parameter steps produced, before the verdict decides whether a file model is returned. */
    private static final class ParameterFileParts {
        List<FindReplaceEntry> findReplace = List.of();
        List<KeyValueReplaceEntry> keyValueReplace = List.of();
        List<SparkPoolEntry> sparkPool = List.of();
        Optional<SemanticModelBinding> binding = Optional.empty();
    }

    private static ParameterValidation finish(ValidationRun run, ParameterFileParts parts, List<Path> templates) {
        if (parts == null || run.hasErrors()) {
            return new ParameterValidation(run.problems(), Optional.empty());
        }
        ParameterFile file = new ParameterFile(run.mainFile(), parts.findReplace, parts.keyValueReplace,
                parts.sparkPool, parts.binding, templates);
        return new ParameterValidation(run.problems(), Optional.of(file));
    }
}
