package org.dbb.console.core.workspace.params.picker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import org.dbb.console.core.workspace.params.JsonPathSyntax;

/**
 * Counts the nodes a {@code find_key} selects in a definition file: first checked with the validator's rules and
 * messages (absolute, parses with jsonpath_ng), then evaluated with Jayway as the console's preview does. Thread-safe.
 */
public final class FindKeyMatches {

    private static final Configuration LOCATE = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST)
            .build();

    private final JsonPathSyntax syntax;

    public FindKeyMatches(JsonPathSyntax syntax) {
        this.syntax = Objects.requireNonNull(syntax, "syntax");
    }

    /** What {@code findKey} selects in {@code tree}'s document. */
    public FindKeyMatch evaluate(String findKey, DefinitionTree tree) {
        Optional<String> invalid = problem(findKey);
        if (invalid.isPresent()) {
            return new FindKeyMatch(findKey, invalid, List.of());
        }
        List<String> found;
        try {
            found = JsonPath.using(LOCATE).parse(tree.document()).read(findKey);
        } catch (RuntimeException e) {
            return new FindKeyMatch(findKey, Optional.of("The console cannot evaluate '" + findKey + "' ("
                    + e.getMessage() + "), so its matches cannot be counted"), List.of());
        }
        // jsonpath_ng "updates" the root by returning the value without changing the document.
        return new FindKeyMatch(findKey, Optional.empty(), found.stream().filter(p -> !p.equals("$")).toList());
    }

    /** The validator's message for a find_key fabric-cicd rejects, or why the console cannot evaluate it. */
    public Optional<String> problem(String findKey) {
        String key = findKey.strip();
        if (key.isEmpty()) {
            return Optional.of("Missing or empty 'find_key' for key_value_replace");
        }
        if (!key.startsWith("$")) {
            return Optional.of("find_key must be an absolute JSONPath starting with '$'; e.g. '$." + key + "'");
        }
        Optional<String> error = syntax.check(findKey);
        if (error.isPresent()) {
            return Optional.of("Invalid JSONPath expression '" + findKey + "': " + error.get()
                    + "; find_key must parse with jsonpath_ng.ext");
        }
        if (!JsonPathSyntax.jaywayCompiles(findKey)) {
            return Optional.of("'" + findKey + "' is valid for fabric-cicd, but the console cannot evaluate this"
                    + " form, so its matches cannot be counted");
        }
        return Optional.empty();
    }
}
