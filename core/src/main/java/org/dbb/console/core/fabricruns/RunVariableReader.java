package org.dbb.console.core.fabricruns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

    private static final EvaluatedReferences PLAIN_REFERENCES = new EvaluatedReferences(Pattern.compile(
            "@\\s*variables\\(\\s*'([^']+)'\\s*\\)\\s*"));

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
                PLAIN_REFERENCES.collect(activity.typeProperties(), RunJson.parse(ran.inputJson()), found);
            }
        }
        return found;
    }
}
