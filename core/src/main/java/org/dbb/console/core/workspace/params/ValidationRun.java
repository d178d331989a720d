package org.dbb.console.core.workspace.params;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.FabricItemTypes;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;

/**
 * The state of one validation: the target environment, the optional repository scan and the problems found so
 * far, plus the small Python-faithful checks every rule shares. Confined to one validation; not thread-safe.
 */
final class ValidationRun {

    /** fabric-cicd's environment value when none is given; environment checks are skipped then. */
    static final String NO_ENVIRONMENT = "N/A";

    private final Path mainFile;
    private final String environment;
    private final Optional<ItemScan> items;
    private final List<Problem> problems = new ArrayList<>();
    private final JsonPathSyntax jsonPaths;

    ValidationRun(Path mainFile, Optional<String> environment, Optional<ItemScan> items, JsonPathSyntax jsonPaths) {
        this.mainFile = mainFile;
        this.jsonPaths = jsonPaths;
        this.environment = environment.filter(e -> !e.isEmpty()).orElse(NO_ENVIRONMENT);
        this.items = items;
    }

    Path mainFile() {
        return mainFile;
    }

    String environment() {
        return environment;
    }

    boolean hasEnvironment() {
        return !environment.equals(NO_ENVIRONMENT);
    }

    Optional<ItemScan> items() {
        return items;
    }

    JsonPathSyntax jsonPaths() {
        return jsonPaths;
    }

    List<Problem> problems() {
        return problems;
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    void error(SourcePosition at, String message) {
        problems.add(Problem.error(at.file(), Math.max(at.line(), 0), Math.max(at.column(), 0), message));
    }

    void warning(SourcePosition at, String message) {
        problems.add(Problem.warning(at.file(), Math.max(at.line(), 0), Math.max(at.column(), 0), message));
    }

    void fileError(String message) {
        problems.add(Problem.error(mainFile, 0, 0, message));
    }

    /** fabric-cicd's {@code invalid data type} message. */
    static String notOfType(String inputName, String expected, String paramName) {
        return "The provided '" + inputName + "' is not of type " + expected + " in " + paramName;
    }

    /** fabric-cicd's {@code _validate_data_type} for "string", "dictionary" and "string or list[string]". */
    static boolean hasType(YamlValue value, String expected) {
        return switch (expected) {
            case "string" -> value.isString();
            case "dictionary" -> value.isMapping();
            case "string or list[string]" -> value.isString()
                    || (value.isSequence() && ((YamlValue.Sequence) value).items().stream()
                    .allMatch(YamlValue::isString));
            default -> false;
        };
    }

    /** The item types fabric-cicd validates filters against (its default scope: every supported type). */
    static List<String> itemTypesInScope() {
        return FabricItemTypes.SUPPORTED;
    }

    /**
     * The error for an environment key that YAML did not read as a string ({@code NO}, {@code on}, {@code true},
     * a number): fabric-cicd 1.3.0 stops with an uncaught TypeError or AttributeError on such keys.
     */
    void nonStringEnvironmentKey(YamlValue key, String where) {
        error(key.at(), "The environment key " + key.str() + " in " + where + " is a YAML " + key.typeName()
                + ", not a string: fabric-cicd 1.3.0 stops with an uncaught TypeError on it. Quote the key as it is"
                + " written (for example 'NO': or '2024': instead of NO: or 2024:), since YAML 1.1 reads yes/no/on/off/"
                + "true/false as booleans and digits as numbers");
    }

    /** Whether a mapping's keys are all Python strings. */
    static Optional<YamlValue> firstNonStringKey(Mapping map) {
        return map.entries().values().stream().map(YamlValue.Entry::key).filter(k -> !k.isString()).findFirst();
    }
}
