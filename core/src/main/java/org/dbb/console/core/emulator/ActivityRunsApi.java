package org.dbb.console.core.emulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Query activity runs of a pipeline run, answered from the run's planned activity runs as they stand at the time
 * of the request. Filters and ordering follow the ADF {@code RunFilterParameters} names. Guarded by the emulator's
 * state lock (handlers are called with it held).
 */
final class ActivityRunsApi {

    private static final Set<String> OPERANDS = Set.of("Status", "ActivityName", "ActivityType", "ActivityRunId");
    private static final Set<String> OPERATORS = Set.of("Equals", "NotEquals", "In", "NotIn");

    private final Lookups lookups;
    private final JobStore jobs;
    private final JsonBodies bodies;
    private final boolean omitChildRunIds;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    ActivityRunsApi(EmulatedTenant tenant, JobStore jobs, JsonBodies bodies, boolean omitChildRunIds) {
        this.lookups = new Lookups(tenant);
        this.jobs = jobs;
        this.bodies = bodies;
        this.omitChildRunIds = omitChildRunIds;
    }

    void register(Router router) {
        router.add(RouteKeys.method(RouteKeys.QUERY_ACTIVITY_RUNS), RouteKeys.template(RouteKeys.QUERY_ACTIVITY_RUNS),
                Surface.FABRIC, this::query);
    }

    private ApiResponse query(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        String jobId = request.param("jobId");
        Instant now = request.receivedAt();
        JobRun run = Lookups.uuid(jobId).flatMap(id -> jobs.find(id, now))
                .filter(r -> r.workspaceId().equals(ws.id()))
                .orElseThrow(() -> ApiError.notFound("EntityNotFound", "The pipeline run '" + jobId
                        + "' was not found in workspace '" + ws.id() + "'."));
        ObjectNode body = bodies.object(request, "InvalidInput");
        Optional<Instant> after = time(body, "lastUpdatedAfter");
        Optional<Instant> before = time(body, "lastUpdatedBefore");
        List<ActivityRun> runs = new ArrayList<>();
        for (ActivityRun r : run.activityRunsAt(now)) {
            Instant updated = r.endedAt(now) ? r.end() : now;
            if (after.map(updated::isBefore).orElse(false) || before.map(updated::isAfter).orElse(false)) {
                continue;
            }
            if (matches(r, body.path("filters"), now)) {
                runs.add(r);
            }
        }
        runs.sort(order(body.path("orderBy"), now));
        ObjectNode out = json.objectNode();
        ArrayNode value = out.putArray("value");
        runs.forEach(r -> value.add(activityRun(ws, run, r, now)));
        return ApiResponse.json(200, out);
    }

    private static Optional<Instant> time(ObjectNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("InvalidInput", field + " must be an ISO-8601 time with an offset, e.g."
                    + " 2025-05-01T00:00:00Z, not '" + node.asText() + "'.");
        }
    }

    private boolean matches(ActivityRun run, JsonNode filters, Instant now) {
        if (!filters.isArray()) {
            return true;
        }
        for (JsonNode filter : filters) {
            String operand = filter.path("operand").asText();
            String operator = filter.path("operator").asText();
            if (!OPERANDS.contains(operand) || !OPERATORS.contains(operator)) {
                throw ApiError.badRequest("InvalidInput", "Unsupported filter " + operand + " " + operator
                        + "; operands: " + String.join(", ", OPERANDS) + "; operators: "
                        + String.join(", ", OPERATORS) + ".");
            }
            Set<String> values = new java.util.HashSet<>();
            filter.path("values").forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
            String actual = switch (operand) {
                case "Status" -> run.statusAt(now);
                case "ActivityName" -> run.activityName();
                case "ActivityType" -> run.activityType();
                default -> run.activityRunId().toString();
            };
            boolean contained = values.contains(actual.toLowerCase(Locale.ROOT));
            boolean positive = operator.equals("Equals") || operator.equals("In");
            if (contained != positive) {
                return false;
            }
        }
        return true;
    }

    private static Comparator<ActivityRun> order(JsonNode orderBy, Instant now) {
        Comparator<ActivityRun> byStart = Comparator.comparing(ActivityRun::start)
                .thenComparingLong(ActivityRun::sequence);
        if (!orderBy.isArray() || orderBy.isEmpty()) {
            return byStart;
        }
        Comparator<ActivityRun> out = null;
        for (JsonNode entry : orderBy) {
            String field = entry.path("orderBy").asText();
            Function<ActivityRun, String> key = switch (field) {
                case "ActivityRunStart" -> r -> r.start().toString();
                case "ActivityRunEnd" -> r -> r.endedAt(now) ? r.end().toString() : "~";
                case "ActivityName" -> ActivityRun::activityName;
                case "Status" -> r -> r.statusAt(now);
                default -> throw ApiError.badRequest("InvalidInput", "Unsupported orderBy '" + field
                        + "'; use ActivityRunStart, ActivityRunEnd, ActivityName or Status.");
            };
            Comparator<ActivityRun> one = Comparator.comparing(key);
            if (entry.path("order").asText("ASC").equalsIgnoreCase("DESC")) {
                one = one.reversed();
            }
            out = out == null ? one : out.thenComparing(one);
        }
        return out.thenComparing(byStart);
    }

    private JsonNode output(ActivityRun r) {
        if (!omitChildRunIds || !r.outputKnownEarly() || !(r.output() instanceof ObjectNode given)) {
            return r.output();
        }
        ObjectNode trimmed = given.deepCopy();
        trimmed.remove("pipelineRunId");
        return trimmed;
    }

    private ObjectNode activityRun(WorkspaceState ws, JobRun run, ActivityRun r, Instant now) {
        boolean ended = r.endedAt(now);
        ObjectNode node = json.objectNode();
        node.put("pipelineName", run.itemId().toString());
        node.put("pipelineRunId", run.id().toString());
        node.put("activityName", r.activityName());
        node.put("activityType", r.activityType());
        node.put("activityRunId", r.activityRunId().toString());
        node.put("linkedServiceName", "");
        node.put("status", r.statusAt(now));
        node.put("activityRunStart", UtcTimes.activity(r.start()));
        if (ended) {
            node.put("activityRunEnd", UtcTimes.activity(r.end()));
        } else {
            node.putNull("activityRunEnd");
        }
        node.put("durationInMs", r.durationMillis(now));
        node.set("input", r.input());
        node.set("output", ended || r.outputKnownEarly() ? output(r) : json.objectNode());
        ObjectNode error = node.putObject("error");
        Optional<RunError> failure = ended ? r.error() : Optional.empty();
        error.put("errorCode", failure.map(RunError::errorCode).orElse(""));
        error.put("message", failure.map(RunError::message).orElse(""));
        error.put("failureType", failure.map(RunError::failureType).orElse(""));
        error.put("target", r.activityName());
        error.put("details", "");
        if (r.retryAttempt() == 0) {
            node.putNull("retryAttempt");
        } else {
            node.put("retryAttempt", r.retryAttempt());
        }
        node.put("iterationHash", r.iterationHash());
        node.putObject("userProperties");
        node.put("recoveryStatus", "None");
        node.putArray("integrationRuntimeNames");
        node.putObject("executionDetails");
        node.put("id", "/workspaces/" + ws.id() + "/pipelineruns/" + run.id() + "/activityruns/"
                + r.activityRunId());
        return node;
    }
}
