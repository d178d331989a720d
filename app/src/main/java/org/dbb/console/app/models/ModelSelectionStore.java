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
import java.util.function.Predicate;

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
 * launch from this console refreshed (the baseline a changed selection is audited against). The window and
 * {@code dbb} commands write the file at the same time, each through its own store: every read sees the file as
 * it is now, and every change is a read-modify-write of the file's current content for just the entries it
 * changes, under a lock that holds across processes ({@link DataFileLock}, on {@code model-selections.json.lock}),
 * so no process undoes another's change. A missing file means nothing saved; an unreadable one is logged and
 * treated as empty, and replaced (its old version kept as {@code .bak}) at the next save. A renamed environment's
 * selections move to its new name and a removed one's are dropped, in one atomic write of the file, when the
 * environment files are written ({@link EnvironmentKeyedData}). Thread-safe; every method but {@link #saveLater}
 * blocks on file I/O and waits while another thread or process changes the file.
 */
public final class ModelSelectionStore implements EnvironmentKeyedData {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "model-selections.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelSelectionStore.class);
    private static final String SELECTED = "selected";
    private static final String LAUNCHED = "launched";

    private final Path file;
    private final AtomicFileWriter writer;
    private final DataFileLock lock;
    private final ObjectMapper json = new ObjectMapper();
    /** Selections handed to {@link #saveLater} and not yet written, by key; the latest per key wins. */
    private final Map<List<String>, List<String>> unsaved = new ConcurrentHashMap<>();

    public ModelSelectionStore(Path file, AtomicFileWriter writer) {
        this.file = Objects.requireNonNull(file, "file");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.lock = new DataFileLock(file);
    }

    public Path file() {
        return file;
    }

    /**
     * The selection saved for {@code environment} of the repository at {@code workspace}, as the file holds it now.
     *
     * @return empty when none was saved; an empty list when every model was selected
     */
    public Optional<List<String>> saved(Path workspace, String environment) {
        // Read under the lock too: a file another process is renaming over can fail to open on some systems.
        return lock.whileHeld(() -> models(entry(read(), workspace, environment, false), SELECTED));
    }

    /** Saves the selection now (blocking). */
    public void save(Path workspace, String environment, List<String> models) {
        update(workspaces -> {
            put(workspaces, workspace, environment, SELECTED, models);
            return true;
        });
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
     * Notes that a launch refreshes {@code models} and returns how that differs from what the previous launch
     * refreshed there, from this window or a {@code dbb run} (every model when there was none).
     *
     * @param models the launch's models; empty means every model
     * @return empty when the launch refreshes the same models as the previous one
     */
    public Optional<ModelSelectionChange> launched(Path workspace, String environment, List<String> models) {
        return lock.whileHeld(() -> {
            ObjectNode workspaces = read();
            List<String> before = models(entry(workspaces, workspace, environment, false), LAUNCHED)
                    .orElse(List.of());
            if (new HashSet<>(before).equals(new HashSet<>(models)) && before.size() == models.size()) {
                return Optional.empty();
            }
            put(workspaces, workspace, environment, LAUNCHED, models);
            write(workspaces);
            return Optional.of(new ModelSelectionChange(before, models));
        });
    }

    /**
     * Moves what is kept for {@code from} to {@code to}, replacing anything left under {@code to} from an earlier
     * environment of that name, and writes the file once (blocking).
     */
    @Override
    public void renameEnvironment(Path workspace, String from, String to) {
        String key = key(workspace);
        update(workspaces -> {
            ObjectNode moved = entry(workspaces, workspace, from, false);
            List<String> pending = unsaved.remove(List.of(key, from));
            unsaved.remove(List.of(key, to));
            if (moved == null && pending == null && entry(workspaces, workspace, to, false) == null) {
                return false;
            }
            if (workspaces.get(key) instanceof ObjectNode environments) {
                environments.remove(List.of(from, to));
                if (moved != null) {
                    environments.set(to, moved);
                }
            }
            if (pending != null) {
                put(workspaces, workspace, to, SELECTED, pending);
            }
            return true;
        });
    }

    /** Forgets what is kept for {@code environment} and writes the file (blocking). */
    @Override
    public void removeEnvironment(Path workspace, String environment) {
        String key = key(workspace);
        update(workspaces -> {
            unsaved.remove(List.of(key, environment));
            return workspaces.get(key) instanceof ObjectNode environments
                    && environments.remove(environment) != null;
        });
    }

    private void writeUnsaved() {
        if (unsaved.isEmpty()) {
            return;
        }
        update(workspaces -> {
            boolean changed = false;
            for (List<String> key : new ArrayList<>(unsaved.keySet())) {
                List<String> models = unsaved.remove(key);
                if (models != null) {
                    put(workspaces, Path.of(key.get(0)), key.get(1), SELECTED, models);
                    changed = true;
                }
            }
            return changed;
        });
    }

    /**
     * Applies {@code change} to the file's current content under the lock and writes the result when the change
     * says it changed something.
     */
    private void update(Predicate<ObjectNode> change) {
        lock.whileHeld(() -> {
            ObjectNode workspaces = read();
            if (change.test(workspaces)) {
                write(workspaces);
            }
            return null;
        });
    }

    private static void put(ObjectNode workspaces, Path workspace, String environment, String field,
                            List<String> models) {
        ArrayNode list = entry(workspaces, workspace, environment, true).putArray(field);
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

    private static ObjectNode entry(ObjectNode workspaces, Path workspace, String environment, boolean create) {
        String key = key(workspace);
        if (!(workspaces.get(key) instanceof ObjectNode environments)) {
            return create ? workspaces.putObject(key).putObject(environment) : null;
        }
        if (!(environments.get(environment) instanceof ObjectNode entry)) {
            return create ? environments.putObject(environment) : null;
        }
        return entry;
    }

    /** workspace → environment → {selected, launched}, as the file holds them now. */
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

    private void write(ObjectNode workspaces) {
        ObjectNode root = json.createObjectNode();
        root.put("version", 1);
        root.set("workspaces", workspaces);
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
