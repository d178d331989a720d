package org.dbb.console.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.files.AtomicFileWriter;

/**
 * Reads and writes {@link WindowPreferences} as a small JSON file in the data folder. A missing or unreadable file
 * gives the defaults (and a logged warning) rather than stopping the window from opening. Thread-safe; blocking
 * file I/O.
 */
public final class WindowPreferencesStore {

    private static final Logger LOG = LoggerFactory.getLogger(WindowPreferencesStore.class);

    private final Path file;
    private final AtomicFileWriter writer;
    private final ObjectMapper json = new ObjectMapper();

    public WindowPreferencesStore(Path file, AtomicFileWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    public Path file() {
        return file;
    }

    public synchronized WindowPreferences load() {
        if (!Files.isRegularFile(file)) {
            return WindowPreferences.DEFAULTS;
        }
        try {
            JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Theme theme = "DARK".equals(root.path("theme").asText()) ? Theme.DARK : Theme.LIGHT;
            Optional<WindowPreferences.Bounds> bounds = Optional.empty();
            JsonNode b = root.path("bounds");
            if (b.path("width").asDouble() > 0 && b.path("height").asDouble() > 0) {
                bounds = Optional.of(new WindowPreferences.Bounds(b.path("x").asDouble(), b.path("y").asDouble(),
                        b.path("width").asDouble(), b.path("height").asDouble()));
            }
            return new WindowPreferences(text(root, "lastWorkspace"), text(root, "lastEnvironment"),
                    text(root, "lastPage"), theme, bounds, root.path("maximized").asBoolean(false));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Window preferences in {} could not be read ({}); using the defaults", file, e.getMessage());
            return WindowPreferences.DEFAULTS;
        }
    }

    public synchronized void save(WindowPreferences preferences) {
        ObjectNode root = json.createObjectNode();
        preferences.lastWorkspace().ifPresent(v -> root.put("lastWorkspace", v));
        preferences.lastEnvironment().ifPresent(v -> root.put("lastEnvironment", v));
        preferences.lastPage().ifPresent(v -> root.put("lastPage", v));
        root.put("theme", preferences.theme().name());
        preferences.bounds().ifPresent(b -> {
            ObjectNode node = root.putObject("bounds");
            node.put("x", b.x());
            node.put("y", b.y());
            node.put("width", b.width());
            node.put("height", b.height());
        });
        root.put("maximized", preferences.maximized());
        try {
            Files.createDirectories(file.getParent());
            writer.write(file, (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Window preferences could not be saved to {}: {}", file, e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || !node.isTextual() || node.asText().isBlank() ? Optional.empty()
                : Optional.of(node.asText());
    }
}
