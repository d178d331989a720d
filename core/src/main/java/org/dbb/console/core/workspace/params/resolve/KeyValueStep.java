package org.dbb.console.core.workspace.params.resolve;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.params.KeyValueReplaceEntry;

/**
 * One {@code key_value_replace} entry applied file by file, as fabric-cicd's {@code replace_key_value}: a file whose
 * text Python's {@code json.loads} accepts is parsed as JSON, otherwise one that {@code yaml.safe_load} turns into
 * a mapping or sequence is parsed as YAML, anything else is left alone. The environment's value is set at every
 * JSONPath match (strings have variables resolved first) and the whole document is written back with
 * {@code json.dumps} or {@code yaml.dump} — even when nothing matched or the environment is missing. Confined to
 * one resolver run; not thread-safe (it counts what it saw for the run's summary).
 */
final class KeyValueStep {

    private final KeyValueReplaceEntry entry;
    private final String label;
    private final String environment;
    private final EntryFilters filters;
    private final Optional<Object> value;
    private final JsonPath path;
    private final VariableResolver variables;
    private final PythonJsonReader jsonReader;
    private final PythonYaml yaml;
    private final ProblemSink sink;
    private final Configuration locate;
    private final Configuration update;
    private VariableResolution resolution;
    private boolean reported;
    private int filesSeen;
    private int matches;

    KeyValueStep(KeyValueReplaceEntry entry, String environment, EntryFilters filters, VariableResolver variables,
                 PythonJsonReader jsonReader, PythonYaml yaml, ProblemSink sink) {
        this.entry = entry;
        this.label = EntryLabels.numbered("key_value_replace", entry.number());
        this.environment = environment;
        this.filters = filters;
        this.value = entry.replaceValue().forEnvironment(environment);
        this.variables = variables;
        this.jsonReader = jsonReader;
        this.yaml = yaml;
        this.sink = sink;
        ObjectMapper mapper = new ObjectMapper();
        this.locate = Configuration.builder()
                .jsonProvider(new JacksonJsonProvider(mapper))
                .mappingProvider(new JacksonMappingProvider(mapper))
                .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST)
                .build();
        this.update = Configuration.builder()
                .jsonProvider(new JacksonJsonProvider(mapper))
                .mappingProvider(new JacksonMappingProvider(mapper))
                .build();
        this.path = compile(entry.findKey());
    }

    private JsonPath compile(String findKey) {
        try {
            return JsonPath.compile(findKey);
        } catch (InvalidPathException | IllegalArgumentException e) {
            sink.atEntry(entry.position(), Severity.ERROR, "The console cannot evaluate the JSONPath '" + findKey
                    + "' (" + e.getMessage() + "); " + label + " is previewed as matching nothing");
            return null;
        }
    }

    boolean environmentPresent() {
        return value.isPresent();
    }

    StepOutcome apply(ScopedFile file, String text) {
        if (!filters.matches(file)) {
            return StepOutcome.unchanged(text);
        }
        Object data;
        Serialization format;
        Optional<PythonJsonReader.Parsed> json = jsonReader.parse(text);
        if (json.isPresent()) {
            data = json.get().value();
            format = Serialization.JSON;
        } else {
            Optional<Object> structured = yaml.loadStructured(text);
            if (structured.isEmpty()) {
                return StepOutcome.unchanged(text);
            }
            data = structured.get();
            format = Serialization.YAML;
        }
        filesSeen++;
        List<String> locations = List.of();
        Object written = null;
        VariableResolution used = null;
        if (value.isPresent() && path != null) {
            locations = locations(data);
            if (!locations.isEmpty()) {
                written = value.get();
                if (written instanceof String s) {
                    used = resolve(s);
                    if (used.failed()) {
                        return StepOutcome.unchanged(text);
                    }
                    written = used.text();
                }
                data = set(data, locations, written);
                matches += locations.size();
            }
        }
        String out;
        try {
            out = format == Serialization.JSON ? PythonJsonWriter.compact().write(data) : yaml.dump(data);
        } catch (IllegalArgumentException e) {
            sink.atEntry(entry.position(), Severity.ERROR, e.getMessage() + " — " + label + " cannot write its value"
                    + " for '" + environment + "' into JSON");
            return StepOutcome.unchanged(text);
        }
        if (format == Serialization.YAML && !isYamlFileName(file)) {
            sink.atFile(file.file(), Severity.WARNING, "fabric-cicd reads this " + file.item().type()
                    + " file as YAML (it is not JSON but parses as a YAML mapping or list) and rewrites it with"
                    + " yaml.dump because " + label + " applies to it; narrow the entry's filters if that is not"
                    + " intended");
        }
        if (format == Serialization.YAML && text.startsWith("\uFEFF")) {
            sink.atFile(file.file(), Severity.WARNING, "the file starts with a UTF-8 byte-order mark, which Python's"
                    + " json.loads rejects; fabric-cicd 1.3.0 therefore parses it as YAML and uploads it as YAML"
                    + " (" + label + "); save the file without a byte-order mark");
        }
        AppliedReplacement applied = new AppliedReplacement(ReplacementStep.KEY_VALUE_REPLACE, entry.number(),
                entry.findKey(), written == null && locations.isEmpty() ? "" : display(written), locations.size(),
                used != null && used.isVariable() ? Optional.of(used.input()) : Optional.empty(),
                used != null && used.isPlaceholder(), locations);
        return new StepOutcome(out, format, Optional.of(applied));
    }

    private List<String> locations(Object data) {
        try {
            List<String> found = JsonPath.using(locate).parse(data).read(path);
            // jsonpath_ng "updates" the root by returning the value without changing the document.
            return found.stream().filter(p -> !p.equals("$")).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private Object set(Object data, List<String> locations, Object written) {
        for (String location : locations) {
            try {
                JsonPath.using(update).parse(data).set(location, written);
            } catch (RuntimeException e) {
                // A match inside a value an earlier match replaced no longer exists; jsonpath_ng skips it too.
            }
        }
        return data;
    }

    private VariableResolution resolve(String text) {
        if (resolution == null) {
            resolution = variables.resolve(text);
            if (resolution.failed()) {
                sink.atEntry(entry.position(), Severity.ERROR, resolution.message().orElse("")
                        + " (" + label + ", replace_value for '" + environment + "')");
            } else if (resolution.isPlaceholder()) {
                sink.atEntry(entry.position(), Severity.WARNING, "Unresolved variable '" + text + "' left in place ("
                        + label + ", '" + environment + "'): " + resolution.message().orElse(""));
            }
        }
        return resolution;
    }

    private static String display(Object written) {
        try {
            return PythonJsonWriter.compact().write(written);
        } catch (IllegalArgumentException e) {
            return String.valueOf(written);
        }
    }

    private static boolean isYamlFileName(ScopedFile file) {
        String name = file.file().getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    /** Its filters or environment were already reported as making it replace nothing. */
    void alreadyReported() {
        reported = true;
    }

    /** Warnings about an entry that, in the end, changed nothing anywhere. */
    void summarise() {
        if (reported || value.isEmpty() || path == null) {
            return;
        }
        if (filesSeen == 0) {
            sink.atEntry(entry.position(), Severity.WARNING, label + " applies to no JSON or YAML file: "
                    + (filters.isEmpty() ? "the items in scope have none"
                    : "no such file satisfies its item_type, item_name and file_path filters together"));
        } else if (matches == 0) {
            sink.atEntry(entry.position(), Severity.WARNING, label + ": '" + entry.findKey() + "' matched nothing in"
                    + " the " + filesSeen + " JSON/YAML file(s) it applies to; fabric-cicd leaves their values"
                    + " unchanged but still re-serialises them");
        }
    }
}
