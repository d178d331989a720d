package org.dbb.console.core.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;

/** Exports the sample workspace with its master pipeline changed, as an author would change it. Stateless. */
final class SampleEdits {

    static final String MASTER = "fabric/orchestration_pipeline_DBB.DataPipeline/pipeline-content.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SampleEdits() {
    }

    /** The sample exported under {@code dir} with {@code edit} applied to the master pipeline's JSON. */
    static Workspace withMaster(Path dir, Consumer<ObjectNode> edit) {
        Workspace original = EmulatorFixture.sample(dir);
        Path file = original.root().resolve(MASTER);
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
            edit.accept(root);
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reopen(original.root());
    }

    static Workspace reopen(Path root) {
        return new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments())).open(root);
    }

    /** The master pipeline's activity called {@code name}. */
    static ObjectNode activity(ObjectNode root, String name) {
        for (JsonNode activity : activities(root)) {
            if (activity.path("name").asText().equals(name)) {
                return (ObjectNode) activity;
            }
        }
        throw new IllegalArgumentException("no activity " + name);
    }

    static ArrayNode activities(ObjectNode root) {
        return (ArrayNode) root.path("properties").path("activities");
    }

    /** Makes a value an expression object, as Fabric writes them. */
    static ObjectNode expression(String text) {
        ObjectNode value = JSON.createObjectNode();
        value.put("value", text);
        value.put("type", "Expression");
        return value;
    }
}
