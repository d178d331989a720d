package org.dbb.console.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Grows an exported sample workspace into one whose sandbox run refreshes many semantic models: copies of the
 * sample's Operations model under new names and logical ids, each added to the sandbox's list of models to refresh
 * in {@code fabric/parameter.yml}. The refresh stage gives every model a step of its own, so the run's timeline
 * gets one row per model. Blocking file I/O; call it before the window opens the workspace.
 */
final class GeneratedModels {

    private static final String TEMPLATE = "Operations";
    private static final String SANDBOX_LIST = "      \"sandbox\":\n        - Sales\n";
    private static final String NEXT_ENVIRONMENT = "      \"DEV\":\n";

    private GeneratedModels() {
    }

    /** The sample's semantic models: the sandbox refreshes all of them before any is added. */
    static int sampleModels(Path root) {
        try (Stream<Path> children = Files.list(root.resolve("fabric"))) {
            return (int) children.filter(p -> p.getFileName().toString().endsWith(".SemanticModel")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code count} models to the workspace at {@code root} and returns their names, in list order. */
    static List<String> add(Path root, int count) {
        Path fabric = root.resolve("fabric");
        Path template = fabric.resolve(TEMPLATE + ".SemanticModel");
        List<String> names = new ArrayList<>(count);
        try {
            String platform = Files.readString(template.resolve(".platform"));
            for (int i = 1; i <= count; i++) {
                String name = String.format(Locale.ROOT, "Bench%03d", i);
                Path model = fabric.resolve(name + ".SemanticModel");
                copy(template, model);
                Files.writeString(model.resolve(".platform"), platformOf(platform, name));
                names.add(name);
            }
            listForSandbox(fabric.resolve("parameter.yml"), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String platformOf(String template, String name) {
        String logicalId = UUID.nameUUIDFromBytes(("bench-model-" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
        String renamed = template
                .replace("\"displayName\": \"" + TEMPLATE + "\"", "\"displayName\": \"" + name + "\"")
                .replaceFirst("\"logicalId\": \"[0-9a-f-]{36}\"", "\"logicalId\": \"" + logicalId + "\"");
        if (!renamed.contains(name) || !renamed.contains(logicalId)) {
            throw new IllegalStateException("the sample's " + TEMPLATE + ".SemanticModel/.platform no longer has the"
                    + " displayName and logicalId this benchmark renames; update GeneratedModels");
        }
        return renamed;
    }

    /** Appends the names to the sandbox's {@code semantic_models} list, the first sandbox list of the file. */
    private static void listForSandbox(Path parameterFile, List<String> names) throws IOException {
        String text = Files.readString(parameterFile);
        int list = text.indexOf(SANDBOX_LIST);
        int end = list < 0 ? -1 : text.indexOf(NEXT_ENVIRONMENT, list);
        if (end < 0) {
            throw new IllegalStateException(parameterFile + " no longer starts the sandbox's semantic_models list"
                    + " with Sales followed by the DEV list; update GeneratedModels");
        }
        StringBuilder added = new StringBuilder();
        names.forEach(n -> added.append("        - ").append(n).append('\n'));
        Files.writeString(parameterFile, text.substring(0, end) + added + text.substring(end));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
