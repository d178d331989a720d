package org.dbb.console.core.workspace.params;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;

import org.dbb.console.core.files.TextFile;

/**
 * Evaluates a {@code key_value_replace} path against the JSON files its {@code file_path} names, to warn about
 * what fabric-cicd does silently at publish: replacing a whole object or list (which corrupts the definition),
 * turning a JSON boolean into the string "true", or matching nothing. Uses Jayway, so paths only jsonpath_ng
 * understands are skipped. Confined to one validation; not thread-safe.
 */
final class JsonPathTargets {

    private static final Configuration LENIENT = Configuration.defaultConfiguration()
            .addOptions(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS);

    private final ValidationRun run;

    JsonPathTargets(ValidationRun run) {
        this.run = run;
    }

    void check(YamlValue findKey, YamlValue sampleValue, List<String> filePaths, Path repository) {
        String path = findKey.str();
        if (filePaths.isEmpty() || !JsonPathSyntax.jaywayCompiles(path)) {
            return;
        }
        for (Path file : RepositoryPaths.resolve(repository, filePaths).files()) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.equals(".platform") || name.endsWith(".yml") || name.endsWith(".yaml")) {
                continue;
            }
            List<?> matches;
            try {
                String text = TextFile.read(file).text();
                Object document = LENIENT.jsonProvider().parse(text);
                matches = JsonPath.using(LENIENT).parse(document).read(path);
            } catch (RuntimeException e) {
                // Not JSON (or unreadable): fabric-cicd would treat it as YAML or skip it; nothing to say here.
                continue;
            }
            Path shown = repository.toAbsolutePath().normalize().relativize(file);
            if (matches == null || matches.isEmpty()) {
                run.warning(findKey.at(), "find_key '" + path + "' matches nothing in " + shown
                        + "; fabric-cicd leaves that file unchanged without saying so");
                continue;
            }
            for (Object match : matches) {
                boolean container = match instanceof Map || match instanceof List;
                if (container && !(sampleValue instanceof YamlValue.Mapping) && !sampleValue.isSequence()) {
                    run.warning(findKey.at(), "find_key '" + path + "' selects a whole " + (match instanceof Map
                            ? "object" : "list") + " in " + shown + "; fabric-cicd replaces all of it with the"
                            + " value, which corrupts the definition. Point the path at the property to change");
                    break;
                }
                if (match instanceof Boolean && sampleValue.isString()
                        && List.of("true", "false").contains(sampleValue.str().toLowerCase(Locale.ROOT))) {
                    run.warning(findKey.at(), "find_key '" + path + "' selects a JSON boolean in " + shown
                            + " but the replacement is the string '" + sampleValue.str() + "'; write it without"
                            + " quotes so that the file keeps a boolean");
                    break;
                }
            }
        }
    }
}
