package org.dbb.console.core.fabricruns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineParameter;

/**
 * Recovers a run's pipeline parameters from its top-level activity inputs. Where the pipeline JSON passes a
 * parameter on unchanged ({@code {"value": "@pipeline().parameters.x", "type": "Expression"}}), the evaluated input
 * holds the run's value at the same place. Any other expression could have changed the value on the way, so it
 * reveals nothing. Stateless.
 */
final class RunParameterReader {

    private static final Pattern PLAIN_REFERENCE = Pattern.compile(
            "@\\s*pipeline\\(\\)\\s*\\.\\s*parameters\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*'([^']+)'\\s*])\\s*");

    private RunParameterReader() {
    }

    static FabricRunParameters read(Pipeline pipeline, ActivityGroups runs) {
        Map<String, JsonNode> fromRun = new HashMap<>();
        for (Activity activity : pipeline.activities()) {
            runs.latest(activity.name()).ifPresent(run -> {
                JsonNode input = RunJson.parse(run.inputJson());
                collect(activity.typeProperties(), input, fromRun);
            });
        }
        List<FabricRunParameter> out = new ArrayList<>();
        for (PipelineParameter p : pipeline.parameters().values()) {
            JsonNode value = fromRun.get(p.name());
            out.add(value != null
                    ? new FabricRunParameter(p.name(), p.type(), Optional.of(value), ParameterSource.FROM_RUN)
                    : new FabricRunParameter(p.name(), p.type(), p.defaultValue(), ParameterSource.DEFAULT));
        }
        return new FabricRunParameters(out);
    }

    /** Walks the written JSON and the evaluated input side by side, noting values at plain references. */
    private static void collect(JsonNode written, JsonNode evaluated, Map<String, JsonNode> found) {
        if (evaluated.isMissingNode() || evaluated.isNull()) {
            return;
        }
        Optional<String> reference = plainReference(written);
        if (reference.isPresent()) {
            if (!looksUnevaluated(evaluated)) {
                found.putIfAbsent(reference.get(), evaluated.deepCopy());
            }
            return;
        }
        if (written.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = written.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), evaluated.path(field.getKey()), found);
            }
        } else if (written.isArray()) {
            for (int i = 0; i < written.size(); i++) {
                collect(written.get(i), evaluated.path(i), found);
            }
        }
    }

    private static Optional<String> plainReference(JsonNode node) {
        if (!node.isObject() || !"Expression".equals(node.path("type").asText())
                || !node.path("value").isTextual()) {
            return Optional.empty();
        }
        Matcher m = PLAIN_REFERENCE.matcher(node.path("value").asText());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** A service that echoes the written expression instead of its value tells nothing about the run. */
    private static boolean looksUnevaluated(JsonNode node) {
        if (node.isObject()) {
            return "Expression".equals(node.path("type").asText()) && node.path("value").isTextual();
        }
        return node.isTextual() && node.asText().startsWith("@") && !node.asText().startsWith("@@");
    }
}
