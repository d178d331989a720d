package org.dbb.console.core.fabricruns;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.SetVariableDetails;

/**
 * Recovers the values a Fabric run's pipeline variables had. A SetVariable activity's output names the variable and
 * the value it set; where Fabric showed none, a top-level activity that passes a variable on unchanged
 * ({@code @variables('x')}) shows its value in its evaluated input. Stateless.
 */
final class RunVariableReader {

    private static final Pattern PLAIN_REFERENCE = Pattern.compile(
            "@\\s*variables\\(\\s*'([^']+)'\\s*\\)\\s*");

    private RunVariableReader() {
    }

    /** The variables whose value the run reveals, by name, in the pipeline's SetVariable order. */
    static Map<String, JsonNode> read(Pipeline pipeline, Map<String, FabricActivityDetail> topLevel) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (Activity activity : pipeline.activities()) {
            Optional<SetVariableDetails> set = activity.details(SetVariableDetails.class)
                    .filter(d -> activity.type().equals("SetVariable"));
            FabricActivityDetail ran = topLevel.get(activity.name());
            if (set.isEmpty() || ran == null) {
                continue;
            }
            JsonNode output = RunJson.parse(ran.outputJson());
            JsonNode value = output.path("value");
            if (!value.isMissingNode() && !value.isNull()
                    && output.path("name").asText(set.get().variableName()).equals(set.get().variableName())) {
                found.put(set.get().variableName(), value.deepCopy());
            }
        }
        for (Activity activity : pipeline.activities()) {
            FabricActivityDetail ran = topLevel.get(activity.name());
            if (ran != null) {
                collect(activity.typeProperties(), RunJson.parse(ran.inputJson()), found);
            }
        }
        return found;
    }

    private static void collect(JsonNode written, JsonNode evaluated, Map<String, JsonNode> found) {
        if (evaluated.isMissingNode() || evaluated.isNull()) {
            return;
        }
        Optional<String> reference = plainReference(written);
        if (reference.isPresent()) {
            if (!echoesAnExpression(evaluated)) {
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
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A service that shows the written expression instead of its value tells nothing about the run. */
    private static boolean echoesAnExpression(JsonNode node) {
        if (node.isObject()) {
            return "Expression".equals(node.path("type").asText()) && node.path("value").isTextual();
        }
        return node.isTextual() && node.asText().startsWith("@") && !node.asText().startsWith("@@");
    }
}
