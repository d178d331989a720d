package org.dbb.console.core.fabricruns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final EvaluatedReferences PLAIN_REFERENCES = new EvaluatedReferences(Pattern.compile(
            "@\\s*pipeline\\(\\)\\s*\\.\\s*parameters\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*'([^']+)'\\s*])\\s*"));

    private RunParameterReader() {
    }

    static FabricRunParameters read(Pipeline pipeline, ActivityGroups runs) {
        Map<String, JsonNode> fromRun = new HashMap<>();
        for (Activity activity : pipeline.activities()) {
            runs.latest(activity.name()).ifPresent(run -> {
                JsonNode input = RunJson.parse(run.inputJson());
                PLAIN_REFERENCES.collect(activity.typeProperties(), input, fromRun);
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
}
