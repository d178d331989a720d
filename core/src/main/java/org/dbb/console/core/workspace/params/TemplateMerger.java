package org.dbb.console.core.workspace.params;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dbb.console.core.workspace.params.YamlValue.Entry;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;
import org.dbb.console.core.workspace.params.YamlValue.Sequence;

/**
 * Merges the {@code extend} templates into the main parameter mapping as fabric-cicd 1.3.0 does: paths relative to
 * the main file's folder, each loaded once, lists concatenated, mappings merged recursively, other clashes turned
 * into a two-element list. Templates that are missing, nested or unreadable are skipped with a warning (fabric-cicd
 * logs an error and goes on). Used once per validation; not thread-safe.
 */
final class TemplateMerger {

    /** The merged mapping (without {@code extend}) and the template files whose content went into it. */
    record Result(Mapping merged, List<Path> templates) {
    }

    private final ValidationRun run;

    TemplateMerger(ValidationRun run) {
        this.run = run;
    }

    Result merge(Mapping base) {
        Entry extend = base.entry("extend").orElseThrow();
        List<Path> merged = new ArrayList<>();
        if (!(extend.value() instanceof Sequence list) || !list.isSequence()) {
            run.warning(extend.value().at(), "No template parameter files specified under 'extend'; list the"
                    + " template paths, e.g. extend: [\"./templates/notebooks.yml\"]");
            return new Result(base.without("extend"), merged);
        }
        Path folder = run.mainFile().toAbsolutePath().getParent();
        Mapping result = base;
        int successful = 0;
        boolean failed = false;
        Set<Object> processed = new HashSet<>();
        for (YamlValue item : list.items()) {
            String shown = item.str();
            Object identity;
            try {
                identity = PyValues.hashKey(item);
            } catch (IllegalArgumentException e) {
                failed = failure(item, "Error processing template file: " + e.getMessage());
                continue;
            }
            if (processed.contains(identity)) {
                run.warning(item.at(), "Skipping duplicate template parameter file reference: " + shown);
                continue;
            }
            Path path;
            try {
                path = folder.resolve(shown).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                failed = failure(item, "Error processing template file: " + e.getMessage());
                continue;
            }
            if (!Files.isRegularFile(path)) {
                failed = failure(item, "Template file not found: " + shown
                        + " (looked for " + path + "; paths are relative to the main parameter file's folder)");
                continue;
            }
            YamlValue template = load(path, item);
            if (template == null || !template.truthy()) {
                continue;
            }
            if (!(template instanceof Mapping templateMap)) {
                failed = failure(item, "Error processing template file: the template must be a mapping of parameter"
                        + " names, not a " + template.typeName());
                continue;
            }
            if (templateMap.has("extend")) {
                failed = failure(item, "Nested templates are not supported in " + shown);
                continue;
            }
            result = mergeDict(result, templateMap);
            successful++;
            processed.add(identity);
            merged.add(path);
        }
        if (!failed && successful == 0) {
            run.warning(extend.value().at(),
                    "None of the template parameter files were valid or found, content will not be added");
        }
        return new Result(result.without("extend"), merged);
    }

    private boolean failure(YamlValue item, String reason) {
        run.warning(item.at(), "Validation failed for template file: " + item.str() + ": " + reason
                + "; Template parameter '" + item.str() + "' content will not be included in the parameter"
                + " dictionary (fabric-cicd logs this as an error and validates the rest)");
        return true;
    }

    /** Loads a template; problems are reported as warnings positioned in the template itself. */
    private YamlValue load(Path path, YamlValue item) {
        String text;
        try {
            text = Utf8Text.decode(Files.readAllBytes(path));
        } catch (IOException e) {
            run.warning(item.at(), "Error loading template parameter file " + path + ": " + e.getMessage()
                    + "; the template is skipped");
            return null;
        } catch (Utf8Text.DecodeException e) {
            run.warning(new SourcePosition(path, 0, 0), "Error loading template parameter file " + path + ": "
                    + e.getMessage() + "; save it as UTF-8. The template is skipped");
            return null;
        }
        if (PyValues.isBlank(text)) {
            run.warning(new SourcePosition(path, 0, 0), "Invalid template parameter file " + path
                    + ": YAML content is empty; the template is skipped");
            return null;
        }
        try {
            YamlValue value = YamlTree.load(path, Utf8Text.universalNewlines(text));
            if (!value.truthy()) {
                run.warning(new SourcePosition(path, 0, 0), "Template parameter file " + path
                        + " holds no parameters (only comments or an empty value); it is skipped");
            }
            return value;
        } catch (YamlLoadException e) {
            run.warning(new SourcePosition(path, e.line(), e.column()), "Error loading template parameter file "
                    + path + ": " + e.getMessage() + "\n; the template is skipped (fabric-cicd logs this as an"
                    + " error and validates the rest)");
            return null;
        }
    }

    /** fabric-cicd's {@code _merge_template_dict}. */
    static Mapping mergeDict(Mapping base, Mapping template) {
        Map<Object, Entry> result = new LinkedHashMap<>(base.entries());
        for (Map.Entry<Object, Entry> e : template.entries().entrySet()) {
            Object key = e.getKey();
            if ("extend".equals(key)) {
                continue;
            }
            YamlValue templateValue = e.getValue().value();
            Entry existing = result.get(key);
            if (existing == null) {
                result.put(key, e.getValue());
                continue;
            }
            YamlValue baseValue = existing.value();
            YamlValue mergedValue;
            if (baseValue.isSequence() && templateValue.isSequence()) {
                List<YamlValue> items = new ArrayList<>(((Sequence) baseValue).items());
                items.addAll(((Sequence) templateValue).items());
                mergedValue = new Sequence(items, baseValue.at());
            } else if (baseValue instanceof Mapping b && templateValue instanceof Mapping t) {
                mergedValue = mergeDict(b, t);
            } else {
                mergedValue = new Sequence(List.of(baseValue, templateValue), baseValue.at());
            }
            result.put(key, new Entry(existing.key(), mergedValue));
        }
        return new Mapping(result, base.at());
    }
}
