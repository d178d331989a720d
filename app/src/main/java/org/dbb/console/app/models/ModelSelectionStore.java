package org.dbb.console.app.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.workspace.config.edit.EnvironmentKeyedData;

/**
 * The operators' semantic model selections per workspace repository × environment, kept as a small JSON file in
 * the console's data folder (beside {@code window.json}) so that the Models page shows the same choice after the
 * console is reopened. For each pair it keeps the selection last made on the Models page and the models the last
 * launch from this console refreshed (the baseline a changed selection is audited against). A missing file means
 * nothing saved; an unreadable one is logged and treated as empty, and replaced (its old version kept as
 * {@code .bak}) at the next save. A renamed environment's selections move to its new name and a removed one's
 * are dropped, in one atomic write of the file, when the environment files are written
 * ({@link EnvironmentKeyedData}). Thread-safe; every method but {@link #saveLater} blocks on file I/O.
 */
public final class ModelSelectionStore implements EnvironmentKeyedData {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "model-selections.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelSelectionStore.class);
    private static final String SELECTED = "selected";
    private static final String LAUNCHED = "launched";

    private final Path file;
    private final AtomicFileWriter writer;
    private final ObjectMapper json = new ObjectMapper();
    /** Selections handed to {@link #saveLater} and not yet written, by key; the latest per key wins. */
    private final Map<List<String>, List<String>> unsaved = new ConcurrentHashMap<>();
    /** workspace → environment → {selected, launched}; null until read. Guarded by this. */
    private ObjectNode data;

    public ModelSelectionStore(Path file, AtomicFileWriter writer) {
        this.file = Objects.requireNonNull(file, "file");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public Path file() {
        return file;
    }

    /**
     * The selection saved for {@code environment} of the repository at {@code workspace}.
     *
     * @return empty when none was saved; an empty list when every model was selected
     */
    public synchronized Optional<List<String>> saved(Path workspace, String environment) {
        return models(entry(workspace, environment, false), SELECTED);
    }

    /** Saves the selection now (blocking). */
    public synchronized void save(Path workspace, String environment, List<String> models) {
        put(workspace, environment, SELECTED, models);
        write();
    }

    /**
     * Saves the selection on {@code executor}, returning at once. When several are handed over before they are
     * written, the last one for each workspace × environment is the one written, whatever order the executor
     * runs them in.
     */
    public void saveLater(Path workspace, String environment, List<String> models, Executor executor) {
        unsaved.put(List.of(key(workspace), environment), List.copyOf(models));
        executor.execute(this::writeUnsaved);
    }

    /**
     * Notes that a launch refreshes {@code models} and returns how that differs from what the previous launch from
     * this console refreshed there (every model when there was none).
     *
     * @param models the launch's models; empty means every model
     * @return empty when the launch refreshes the same models as the previous one
     */
    public synchronized Optional<ModelSelectionChange> launched(Path workspace, String environment,
                                                                List<String> models) {
        List<String> before = models(entry(workspace, environment, false), LAUNCHED).orElse(List.of());
        if (new HashSet<>(before).equals(new HashSet<>(models)) && before.size() == models.size()) {
            return Optional.empty();
        }
        put(workspace, environment, LAUNCHED, models);
        write();
        return Optional.of(new ModelSelectionChange(before, models));
    }

    /**
     * Moves what is kept for {@code from} to {@code to}, replacing anything left under {@code to} from an earlier
     * environment of that name, and writes the file once (blocking).
     */
    @Override
    public synchronized void renameEnvironment(Path workspace, String from, String to) {
        String key = key(workspace);
        ObjectNode moved = entry(workspace, from, false);
        List<String> pending = unsaved.remove(List.of(key, from));
        unsaved.remove(List.of(key, to));
        if (moved == null && pending == null && entry(workspace, to, false) == null) {
            return;
        }
        if (data().get(key) instanceof ObjectNode environments) {
            environments.remove(List.of(from, to));
            if (moved != null) {
                environments.set(to, moved);
            }
        }
        if (pending != null) {
            put(workspace, to, SELECTED, pending);
        }
        write();
    }

    /** Forgets what is kept for {@code environment} and writes the file (blocking). */
    @Override
    public synchronized void removeEnvironment(Path workspace, String environment) {
        String key = key(workspace);
        unsaved.remove(List.of(key, environment));
        if (data().get(key) instanceof ObjectNode environments && environments.remove(environment) != null) {
            write();
        }
    }

    private synchronized void writeUnsaved() {
        if (unsaved.isEmpty()) {
            return;
        }
        for (List<String> key : new ArrayList<>(unsaved.keySet())) {
            List<String> models = unsaved.remove(key);
            if (models != null) {
                put(Path.of(key.get(0)), key.get(1), SELECTED, models);
            }
        }
        write();
    }

    private void put(Path workspace, String environment, String field, List<String> models) {
        ArrayNode list = entry(workspace, environment, true).putArray(field);
        models.forEach(list::add);
    }

    private static Optional<List<String>> models(ObjectNode entry, String field) {
        if (entry == null || !(entry.get(field) instanceof ArrayNode list)) {
            return Optional.empty();
        }
        List<String> models = new ArrayList<>();
        list.forEach(item -> {
            if (item.isTextual()) {
                models.add(item.asText());
            }
        });
        return Optional.of(List.copyOf(models));
    }

    private ObjectNode entry(Path workspace, String environment, boolean create) {
        ObjectNode workspaces = data();
        String key = key(workspace);
        if (!(workspaces.get(key) instanceof ObjectNode environments)) {
            return create ? workspaces.putObject(key).putObject(environment) : null;
        }
        if (!(environments.get(environment) instanceof ObjectNode entry)) {
            return create ? environments.putObject(environment) : null;
        }
        return entry;
    }

    private ObjectNode data() {
        if (data == null) {
            data = read();
        }
        return data;
    }

    private ObjectNode read() {
        if (!Files.isRegularFile(file)) {
            return json.createObjectNode();
        }
        try {
            JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root != null && root.get("workspaces") instanceof ObjectNode workspaces) {
                return workspaces;
            }
            LOG.warn("Model selections in {} have no 'workspaces' object; starting without saved selections", file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Model selections in {} could not be read ({}); starting without saved selections", file,
                    e.getMessage());
        }
        return json.createObjectNode();
    }

    private void write() {
        ObjectNode root = json.createObjectNode();
        root.put("version", 1);
        root.set("workspaces", data());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            writer.write(file, (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Model selections could not be saved to {}: {}", file, e.getMessage());
        }
    }

    private static String key(Path workspace) {
        return workspace.toAbsolutePath().normalize().toString();
    }
}
