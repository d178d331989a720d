package org.dbb.console.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dbb.console.core.expr.EvaluationContext;
import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.fabric.jobs.NotebookParameter;
import org.dbb.console.core.plan.StepAction;

/**
 * Turns a Fabric job step into the request to send: its parameters evaluated, then shaped for the job type
 * (a flat map for pipelines, typed {@code {value, type}} entries for notebooks). Stateless.
 */
final class JobRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobRequests() {
    }

    static boolean isNotebook(StepAction.FabricJob job) {
        return job.item().type().equals("Notebook") || job.jobType().equalsIgnoreCase("RunNotebook");
    }

    static boolean isPipeline(StepAction.FabricJob job) {
        return job.item().type().equals("DataPipeline");
    }

    /**
     * The request for {@code job} with its parameters evaluated in {@code context}.
     *
     * @throws org.dbb.console.core.expr.ExpressionEvaluationException when a parameter cannot be evaluated
     */
    static JobRequest build(StepAction.FabricJob job, EvaluationContext context) {
        // sorted, so the request body is the same from run to run
        Map<String, JsonNode> values = new TreeMap<>();
        for (Map.Entry<String, Expression> parameter : job.parameters().entrySet()) {
            values.put(parameter.getKey(), parameter.getValue().evaluate(context));
        }
        JobRequest request;
        if (isNotebook(job)) {
            Map<String, NotebookParameter> typed = new LinkedHashMap<>();
            values.forEach((name, value) -> typed.put(name, notebookParameter(value)));
            request = JobRequest.notebook(typed);
        } else if (job.item().type().equals("DataPipeline")) {
            request = JobRequest.pipeline(plain(values));
        } else {
            request = values.isEmpty() ? JobRequest.of(job.item().type(), Map.of())
                    : JobRequest.of(job.item().type(), Map.of("parameters", plain(values)));
        }
        return request.withJobType(job.jobType());
    }

    private static Map<String, Object> plain(Map<String, JsonNode> values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((name, value) -> plain.put(name, JSON.convertValue(value, Object.class)));
        return plain;
    }

    private static NotebookParameter notebookParameter(JsonNode value) {
        if (value.isBoolean()) {
            return NotebookParameter.of(value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return NotebookParameter.of(value.longValue());
        }
        if (value.isNumber()) {
            return NotebookParameter.of(value.doubleValue());
        }
        // a notebook's parameters cell takes scalars; anything else goes as its JSON text
        return NotebookParameter.of(value.isTextual() ? value.textValue() : value.isNull() ? "" : value.toString());
    }
}
