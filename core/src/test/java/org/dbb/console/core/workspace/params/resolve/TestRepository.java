package org.dbb.console.core.workspace.params.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.EnvironmentValues;
import org.dbb.console.core.workspace.params.FindReplaceEntry;
import org.dbb.console.core.workspace.params.ItemFilters;
import org.dbb.console.core.workspace.params.KeyValueReplaceEntry;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.SourcePosition;

/** Builds a workspace repository in a temporary folder and parameter entries for tests. */
final class TestRepository {

    final Path root;

    TestRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Writes {@code <folder>/.platform} for an item. */
    TestRepository item(String folder, String type, String displayName, String logicalId) {
        return file(folder + "/.platform", """
                {
                  "$schema": "https://developer.microsoft.com/json-schemas/fabric/gitIntegration/platformProperties/2.0.0/schema.json",
                  "metadata": {
                    "type": "%s",
                    "displayName": "%s"
                  },
                  "config": {
                    "version": "2.0",
                    "logicalId": "%s"
                  }
                }
                """.formatted(type, displayName, logicalId));
    }

    TestRepository file(String relative, String content) {
        return bytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    TestRepository bytes(String relative, byte[] content) {
        Path path = root.resolve(relative);
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path(String relative) {
        return root.resolve(relative).toAbsolutePath().normalize();
    }

    String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ItemScan scan() {
        return new ItemDiscovery(new JsonDocuments()).scan(root);
    }

    Path parameterFile() {
        return root.resolve("parameter.yml");
    }

    ParameterFile parameters(List<FindReplaceEntry> findReplace, List<KeyValueReplaceEntry> keyValueReplace) {
        return new ParameterFile(parameterFile(), findReplace, keyValueReplace, List.of(), java.util.Optional.empty(),
                List.of());
    }

    SourcePosition at(int line) {
        return new SourcePosition(parameterFile(), line, 3);
    }

    static <T> EnvironmentValues<T> env(Object... keysAndValues) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            T value = (T) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return new EnvironmentValues<>(map);
    }

    FindReplaceEntry literal(int number, String find, EnvironmentValues<String> replace, ItemFilters filters) {
        return new FindReplaceEntry(number, at(number * 10), find, replace, false, false, filters);
    }

    FindReplaceEntry regex(int number, String find, EnvironmentValues<String> replace, ItemFilters filters) {
        return new FindReplaceEntry(number, at(number * 10), find, replace, true, false, filters);
    }

    KeyValueReplaceEntry keyValue(int number, String findKey, EnvironmentValues<Object> replace,
                                  ItemFilters filters) {
        return new KeyValueReplaceEntry(number, at(100 + number * 10), findKey, replace, filters);
    }

    static ItemFilters types(String... types) {
        return new ItemFilters(List.of(types), List.of(), List.of());
    }

    static ItemFilters names(String... names) {
        return new ItemFilters(List.of(), List.of(names), List.of());
    }

    static ItemFilters paths(String... paths) {
        return new ItemFilters(List.of(), List.of(), List.of(paths));
    }
}
