package org.dbb.console.core.expr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Collects the expression texts written in pipeline JSON files: every {@code {"type": "Expression", "value": …}}
 * object and every other string starting with {@code @}. Stateless.
 */
final class PipelineExpressions {

    static final Path SAMPLE_WORKSPACE = Path.of("src/main/resources/org/dbb/console/core/sample/workspace/fabric");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineExpressions() {
    }

    /** Every {@code .json} file under {@code folder}, sorted so failures list in a stable order. */
    static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample workspace's pipeline definition for {@code pipelineFolder}, e.g. "x.DataPipeline". */
    static Path samplePipeline(String pipelineFolder) {
        return SAMPLE_WORKSPACE.resolve(pipelineFolder).resolve("pipeline-content.json");
    }

    /** The expression texts in {@code file}, in document order, each once. */
    static Set<String> in(Path file) {
        Set<String> found = new LinkedHashSet<>();
        try {
            // Jackson detects and skips the UTF-8 byte order mark some exported pipelines start with
            collect(JSON.readTree(Files.readAllBytes(file)), found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isTextual() && node.textValue().startsWith("@")) {
            found.add(node.textValue());
        } else if (node.isObject()) {
            if ("Expression".equals(node.path("type").asText(null)) && node.path("value").isTextual()) {
                found.add(node.get("value").textValue());
            }
            Iterator<JsonNode> values = node.elements();
            while (values.hasNext()) {
                collect(values.next(), found);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, found));
        }
    }
}
