package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.emulator.scenario.Scenario;

/**
 * The Fabric job scheduler: run on demand (generic and item-specific forms), get, list and cancel job instances.
 * Guarded by the emulator's state lock (handlers are called with it held).
 */
final class JobsApi {

    private final Lookups lookups;
    private final JobStore jobs;
    private final JobPlanner planner;
    private final Scenario scenario;
    private final JsonBodies bodies;
    private final Pages pages;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    JobsApi(EmulatedTenant tenant, JobStore jobs, JobPlanner planner, Scenario scenario, JsonBodies bodies,
            Pages pages) {
        this.lookups = new Lookups(tenant);
        this.jobs = jobs;
        this.planner = planner;
        this.scenario = scenario;
        this.bodies = bodies;
        this.pages = pages;
    }

    void register(Router router) {
        add(router, RouteKeys.RUN_JOB_LEGACY, r -> run(r, "itemId", r.query("jobType"), false, Optional.empty()));
        add(router, RouteKeys.RUN_JOB, r -> run(r, "itemId", Optional.of(r.param("jobType")), false,
                Optional.empty()));
        add(router, RouteKeys.RUN_PIPELINE, r -> run(r, "itemId", Optional.of("Execute"), false,
                Optional.of("DataPipeline")));
        add(router, RouteKeys.RUN_NOTEBOOK, r -> run(r, "itemId", Optional.of("Execute"), true,
                Optional.of("Notebook")));
        add(router, RouteKeys.LIST_JOBS, this::list);
        add(router, RouteKeys.GET_JOB, r -> get(r, false));
        add(router, RouteKeys.GET_NOTEBOOK_JOB, r -> get(r, true));
        add(router, RouteKeys.CANCEL_JOB, this::cancel);
    }

    private static void add(Router router, String key, RouteHandler handler) {
        router.add(RouteKeys.method(key), RouteKeys.template(key), Surface.FABRIC, handler);
    }

    private ApiResponse run(ApiRequest request, String itemParam, Optional<String> jobType,
                            boolean parametersAllowed, Optional<String> requiredItemType) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ItemState item = lookups.item(ws, request, itemParam);
        if (requiredItemType.isPresent() && !item.is(requiredItemType.get())) {
            throw ApiError.notFound("ItemNotFound", "The requested " + requiredItemType.get() + " '" + item.id()
                    + "' was not found; that id is a " + item.type() + ".");
        }
        String requested = jobType.filter(t -> !t.isBlank()).orElseThrow(() -> ApiError.badRequest(
                "InvalidJobType", "The jobType query parameter is required; for a " + item.type() + " use "
                        + String.join(" or ", JobTypes.accepted(item.type())) + "."));
        String type = requiredItemType.isPresent() ? requested : JobTypes.canonical(item.type(), requested)
                .orElseThrow(() -> ApiError.badRequest("InvalidJobType", "The job type '" + requested
                        + "' is not valid for item type '" + item.type() + "'"
                        + (JobTypes.accepted(item.type()).isEmpty() ? "; this item type runs no jobs."
                        : "; use " + String.join(" or ", JobTypes.accepted(item.type())) + ".")));
        ObjectNode body = bodies.object(request, "InvalidInput");
        if (body.has("parameters") && !parametersAllowed) {
            throw ApiError.badRequest("FeatureNotAvailable",
                    "Parameter is not allowed for this item type or this item job type");
        }
        JsonNode executionData = body.path("executionData");
        JobRun run = planner.submit(ws, item, type, executionData.isObject() ? executionData : json.objectNode(),
                request.receivedAt());
        return ApiResponse.empty(202)
                .withHeader("Location", instanceUrl(request, run))
                .withHeader("Retry-After", Long.toString(scenario.retryAfterSeconds(
                        scenario.defaults().pollSeconds())));
    }

    private ApiResponse list(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ItemState item = lookups.item(ws, request, "itemId");
        Instant now = request.receivedAt();
        List<ObjectNode> all = jobs.ofItem(ws.id(), item.id(), now).stream().map(r -> instance(r, now)).toList();
        return ApiResponse.json(200, pages.page(all, request));
    }

    private ApiResponse get(ApiRequest request, boolean notebookEndpoint) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ItemState item = lookups.item(ws, request, "itemId");
        JobRun run = job(ws, item, request);
        Instant now = request.receivedAt();
        ObjectNode body = instance(run, now);
        if (notebookEndpoint) {
            ObjectNode props = body.putObject("properties");
            run.exitValueAt(now).ifPresentOrElse(v -> props.put("exitValue", v), () -> props.putNull("exitValue"));
            props.put("compute", "Spark");
        }
        ApiResponse response = ApiResponse.json(200, body);
        if (!run.statusAt(now).isTerminal()) {
            response = response.withHeader("Retry-After",
                    Long.toString(scenario.retryAfterSeconds(scenario.defaults().pollSeconds())));
        }
        return response;
    }

    private ApiResponse cancel(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ItemState item = lookups.item(ws, request, "itemId");
        JobRun run = job(ws, item, request);
        Instant now = request.receivedAt();
        if (run.statusAt(now).isTerminal()) {
            throw ApiError.badRequest("JobAlreadyCompleted",
                    "The job instance cancellation can not be processed as job instance run has completed.");
        }
        run.cancel(now.plus(scenario.scaled(scenario.defaults().cancelSeconds())));
        return ApiResponse.empty(202)
                .withHeader("Location", instanceUrl(request, run))
                .withHeader("Retry-After", Long.toString(scenario.retryAfterSeconds(
                        scenario.defaults().pollSeconds())));
    }

    private JobRun job(WorkspaceState ws, ItemState item, ApiRequest request) {
        String id = request.param("jobInstanceId");
        return Lookups.uuid(id).flatMap(uuid -> jobs.find(uuid, request.receivedAt()))
                .filter(r -> r.workspaceId().equals(ws.id()) && r.itemId().equals(item.id()))
                .orElseThrow(() -> ApiError.notFound("ItemNotFound", "The job instance '" + id
                        + "' was not found for item '" + item.id() + "'."));
    }

    private static String instanceUrl(ApiRequest request, JobRun run) {
        return request.baseUrl() + "/v1/workspaces/" + run.workspaceId() + "/items/" + run.itemId()
                + "/jobs/instances/" + run.id();
    }

    ObjectNode instance(JobRun run, Instant now) {
        ObjectNode node = json.objectNode();
        node.put("id", run.id().toString());
        node.put("itemId", run.itemId().toString());
        node.put("jobType", run.jobType());
        node.put("invokeType", run.invokeType());
        node.put("status", run.statusAt(now).jsonName());
        node.put("rootActivityId", run.rootActivityId().toString());
        node.put("startTimeUtc", UtcTimes.fabric(run.createdAt()));
        run.endTimeAt(now).ifPresentOrElse(t -> node.put("endTimeUtc", UtcTimes.fabric(t)),
                () -> node.putNull("endTimeUtc"));
        run.failureAt(now).ifPresentOrElse(f -> {
            ObjectNode failure = node.putObject("failureReason");
            failure.put("errorCode", f.errorCode());
            failure.put("message", f.message());
        }, () -> node.putNull("failureReason"));
        return node;
    }
}
