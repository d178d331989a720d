package org.dbb.console.core.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.emulator.scenario.BusyRefresh;
import org.dbb.console.core.emulator.scenario.ModelScript;
import org.dbb.console.core.emulator.scenario.RefreshFailure;
import org.dbb.console.core.emulator.scenario.Scenario;

/**
 * Power BI semantic model refreshes: enhanced and standard refresh requests (one refresh per model at a time),
 * refresh detail, history and cancel, plus the dataset list. Guarded by the emulator's state lock (handlers are
 * called with it held).
 */
final class RefreshesApi {

    /** The body Power BI answers when a model is already refreshing. */
    static final String BUSY_MESSAGE = "Invalid dataset refresh request. Another refresh request is already executing";

    private static final Set<String> TYPES = Set.of("Full", "ClearValues", "Calculate", "DataOnly", "Automatic",
            "Defragment");
    private static final Set<String> COMMIT_MODES = Set.of("Transactional", "PartialBatch");
    private static final Pattern TIMEOUT = Pattern.compile("^([0-1]?[0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])$");
    private static final int DEFAULT_HISTORY = 60;

    private final EmulatedTenant tenant;
    private final RefreshStore refreshes;
    private final Scenario scenario;
    private final JsonBodies bodies;
    private final Supplier<UUID> ids;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    RefreshesApi(EmulatedTenant tenant, RefreshStore refreshes, Scenario scenario, JsonBodies bodies,
                 Supplier<UUID> ids) {
        this.tenant = tenant;
        this.refreshes = refreshes;
        this.scenario = scenario;
        this.bodies = bodies;
        this.ids = ids;
    }

    void register(Router router) {
        add(router, RouteKeys.LIST_DATASETS, this::listDatasets);
        add(router, RouteKeys.REFRESH, this::refresh);
        add(router, RouteKeys.REFRESH_HISTORY, this::history);
        add(router, RouteKeys.REFRESH_DETAIL, this::detail);
        add(router, RouteKeys.REFRESH_CANCEL, this::cancel);
    }

    private static void add(Router router, String key, RouteHandler handler) {
        router.add(RouteKeys.method(key), RouteKeys.template(key), Surface.POWER_BI, handler);
    }

    /** Plans the refreshes that schedules keep running, counted from the emulator's start. */
    void seedBusyModels(Instant start) {
        for (WorkspaceState ws : tenant.workspaces()) {
            for (ItemState model : ws.items()) {
                if (!model.is("SemanticModel")) {
                    continue;
                }
                String name = model.displayName(start);
                Optional<BusyRefresh> busy = scenario.model(name).busy();
                if (busy.isEmpty()) {
                    continue;
                }
                Instant from = start.plus(scenario.scaled(busy.get().startAfterSeconds()));
                Instant to = from.plus(scenario.scaled(busy.get().seconds()));
                refreshes.add(new RefreshRun(ids.get(), refreshes.nextId(), ws.id(), model.id(),
                        ws.environment() + "/" + name, RefreshRun.SCHEDULED, from, from, to,
                        ExtendedStatus.COMPLETED, Optional.empty(), "Full", "Transactional",
                        tables(model, start)));
            }
        }
    }

    private ApiResponse listDatasets(ApiRequest request) {
        WorkspaceState ws = group(request);
        ObjectNode body = json.objectNode();
        body.put("@odata.context", request.baseUrl() + "/v1.0/myorg/groups/" + ws.id() + "/$metadata#datasets");
        ArrayNode value = body.putArray("value");
        for (ItemState model : ws.items()) {
            if (!model.is("SemanticModel")) {
                continue;
            }
            ObjectNode d = value.addObject();
            d.put("id", model.id().toString());
            d.put("name", model.displayName(request.receivedAt()));
            d.put("webUrl", "https://app.powerbi.com/groups/" + ws.id() + "/datasets/" + model.id());
            d.put("addRowsAPIEnabled", false);
            d.put("configuredBy", "dbb-emulator@contoso.com");
            d.put("isRefreshable", true);
            d.put("isEffectiveIdentityRequired", false);
            d.put("isEffectiveIdentityRolesRequired", false);
            d.put("isOnPremGatewayRequired", false);
            d.put("targetStorageMode", "Abf");
        }
        return ApiResponse.json(200, body);
    }

    private ApiResponse refresh(ApiRequest request) {
        WorkspaceState ws = group(request);
        ItemState model = dataset(ws, request);
        Instant now = request.receivedAt();
        ObjectNode body = bodies.object(request, "InvalidRequest");
        boolean enhanced = hasOtherThanNotifyOption(body);
        if (enhanced && body.has("notifyOption")) {
            throw ApiError.badRequest("InvalidRequest", "notifyOption is not supported with enhanced refresh"
                    + " parameters; remove notifyOption or send it alone.");
        }
        String type = choice(body, "type", TYPES, "Automatic");
        String commitMode = choice(body, "commitMode", COMMIT_MODES, "Transactional");
        Optional<Duration> timeout = timeout(body);
        List<RefreshRun.RefreshObject> objects = objects(body).orElseGet(() -> tables(model, now));
        if (refreshes.inFlight(ws.id(), model.id(), now).isPresent()) {
            throw ApiError.badRequest("InvalidRequest", BUSY_MESSAGE);
        }
        String name = model.displayName(now);
        ModelScript script = scenario.model(name);
        int attempt = refreshes.nextAttempt(ws.id(), model.id());
        Instant startedAt = now.plus(scenario.scaled(scenario.defaults().refreshQueueSeconds()));
        Duration runFor = scenario.scaled(script.seconds().orElse(scenario.defaults().refreshSeconds()));
        ExtendedStatus outcome = script.failsOn(attempt) ? ExtendedStatus.FAILED : ExtendedStatus.COMPLETED;
        Optional<RefreshFailure> failure = script.failsOn(attempt) ? Optional.of(script.failure())
                : Optional.empty();
        if (timeout.isPresent() && runFor.compareTo(timeout.get()) > 0) {
            runFor = timeout.get();
            outcome = ExtendedStatus.TIMED_OUT;
            failure = Optional.of(new RefreshFailure("0xC11C0005", "ModelRefresh_ShortMessage_TimedOut",
                    "The refresh operation was cancelled because it exceeded its timeout of "
                            + body.path("timeout").asText() + "."));
        }
        RefreshRun run = new RefreshRun(ids.get(), refreshes.nextId(), ws.id(), model.id(),
                ws.environment() + "/" + name, enhanced ? RefreshRun.VIA_ENHANCED_API : RefreshRun.VIA_API, now,
                startedAt, startedAt.plus(runFor), outcome, failure, type, commitMode, objects);
        refreshes.add(run);
        ApiResponse response = ApiResponse.empty(202);
        if (enhanced) {
            response = response.withHeader("x-ms-request-id", run.requestId().toString())
                    .withHeader("Location", refreshUrl(request, ws, model, run));
        }
        return response;
    }

    private ApiResponse history(ApiRequest request) {
        WorkspaceState ws = group(request);
        ItemState model = dataset(ws, request);
        Instant now = request.receivedAt();
        int top = request.query("$top").map(t -> {
            try {
                int n = Integer.parseInt(t);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw ApiError.badRequest("InvalidRequest", "$top must be a positive whole number, not '" + t + "'.");
        }).orElse(DEFAULT_HISTORY);
        ObjectNode body = json.objectNode();
        body.put("@odata.context", request.baseUrl() + "/v1.0/myorg/groups/" + ws.id() + "/$metadata#refreshes");
        ArrayNode value = body.putArray("value");
        refreshes.history(ws.id(), model.id(), now).stream().limit(top).forEach(r -> {
            ObjectNode entry = value.addObject();
            entry.put("requestId", r.requestId().toString());
            entry.put("id", r.id());
            entry.put("refreshType", r.refreshType());
            entry.put("startTime", UtcTimes.millis(r.acceptedAt()));
            if (!now.isBefore(r.endAt())) {
                entry.put("endTime", UtcTimes.millis(r.endAt()));
            }
            ExtendedStatus status = r.extendedStatusAt(now);
            entry.put("status", status.legacyStatus());
            entry.put("extendedStatus", status.jsonName());
            r.failureAt(now).ifPresent(f -> entry.put("serviceExceptionJson", serviceException(f)));
            entry.set("refreshAttempts", attempts(r, now));
        });
        return ApiResponse.json(200, body);
    }

    private ApiResponse detail(ApiRequest request) {
        WorkspaceState ws = group(request);
        ItemState model = dataset(ws, request);
        RefreshRun run = addressable(ws, model, request);
        Instant now = request.receivedAt();
        ExtendedStatus status = run.extendedStatusAt(now);
        ObjectNode body = json.objectNode();
        body.put("startTime", UtcTimes.millis(run.acceptedAt()));
        if (status.isTerminal()) {
            body.put("endTime", UtcTimes.millis(run.endAt()));
        }
        body.put("type", run.type());
        body.put("commitMode", run.commitMode());
        body.put("status", status.legacyStatus());
        body.put("extendedStatus", status.jsonName());
        body.put("currentRefreshType", run.type());
        body.put("numberOfAttempts", 1);
        ArrayNode objects = body.putArray("objects");
        String objectStatus = switch (status) {
            case NOT_STARTED -> "NotStarted";
            case IN_PROGRESS -> "InProgress";
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
            default -> "Failed";
        };
        for (RefreshRun.RefreshObject object : run.objects()) {
            ObjectNode o = objects.addObject();
            o.put("table", object.table());
            o.put("partition", object.partition());
            o.put("status", objectStatus);
        }
        ArrayNode messages = body.putArray("messages");
        run.failureAt(now).ifPresent(f -> {
            ObjectNode m = messages.addObject();
            m.put("code", f.engineCode());
            m.put("message", f.message());
            m.put("type", "Error");
        });
        body.set("refreshAttempts", attempts(run, now));
        return ApiResponse.json(status.isTerminal() ? 200 : 202, body);
    }

    private ApiResponse cancel(ApiRequest request) {
        WorkspaceState ws = group(request);
        ItemState model = dataset(ws, request);
        RefreshRun run = addressable(ws, model, request);
        Instant now = request.receivedAt();
        if (run.extendedStatusAt(now).isTerminal()) {
            throw ApiError.badRequest("InvalidRequest", "The refresh " + run.requestId()
                    + " has already finished; only a refresh in progress can be cancelled.");
        }
        run.cancel(now);
        return ApiResponse.empty(200);
    }

    private ArrayNode attempts(RefreshRun run, Instant now) {
        ArrayNode attempts = json.arrayNode();
        if (now.isBefore(run.startedAt()) && now.isBefore(run.endAt())) {
            return attempts;
        }
        ObjectNode a = attempts.addObject();
        a.put("attemptId", 1);
        a.put("startTime", UtcTimes.millis(run.startedAt().isAfter(run.endAt()) ? run.endAt() : run.startedAt()));
        if (!now.isBefore(run.endAt())) {
            a.put("endTime", UtcTimes.millis(run.endAt()));
        }
        a.put("type", "Data");
        run.failureAt(now).ifPresent(f -> a.put("serviceExceptionJson", serviceException(f)));
        return attempts;
    }

    private String serviceException(RefreshFailure failure) {
        ObjectNode e = json.objectNode();
        e.put("errorCode", failure.errorCode());
        e.put("errorDescription", failure.message());
        return e.toString();
    }

    private RefreshRun addressable(WorkspaceState ws, ItemState model, ApiRequest request) {
        String id = request.param("refreshId");
        return refreshes.byRequestId(ws.id(), model.id(), id, request.receivedAt())
                .filter(RefreshRun::addressable)
                .orElseThrow(() -> ApiError.notFound("ItemNotFound", "Refresh '" + id + "' was not found for"
                        + " dataset " + model.id() + "; only enhanced refreshes can be read or cancelled by id."));
    }

    private WorkspaceState group(ApiRequest request) {
        return Lookups.uuid(request.param("groupId")).flatMap(tenant::workspace)
                .orElseThrow(() -> ApiError.notFound("PowerBIEntityNotFound", "PowerBIEntityNotFound"));
    }

    private ItemState dataset(WorkspaceState ws, ApiRequest request) {
        String id = request.param("datasetId");
        return Lookups.uuid(id).flatMap(ws::item).filter(i -> i.is("SemanticModel"))
                .orElseThrow(() -> ApiError.notFound("ItemNotFound", "Dataset " + id
                        + " is not found! please verify datasetId is correct and user have sufficient permissions."));
    }

    private static boolean hasOtherThanNotifyOption(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names.stream().anyMatch(n -> !n.equals("notifyOption"));
    }

    private static String choice(ObjectNode body, String field, Set<String> allowed, String fallback) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        return allowed.stream().filter(a -> a.equalsIgnoreCase(node.asText())).findFirst()
                .orElseThrow(() -> ApiError.badRequest("InvalidRequest", field + " '" + node.asText()
                        + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()) + "."));
    }

    /** The per-attempt limit; like every duration the scenario plays, it is scaled. */
    private Optional<Duration> timeout(ObjectNode body) {
        JsonNode node = body.path("timeout");
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        Matcher m = TIMEOUT.matcher(node.asText());
        if (!m.matches()) {
            throw ApiError.badRequest("InvalidRequest", "timeout '" + node.asText() + "' must be hh:mm:ss.");
        }
        long seconds = Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60
                + Long.parseLong(m.group(3));
        return Optional.of(scenario.scaled(seconds));
    }

    private static Optional<List<RefreshRun.RefreshObject>> objects(ObjectNode body) {
        JsonNode node = body.path("objects");
        if (!node.isArray() || node.isEmpty()) {
            return Optional.empty();
        }
        List<RefreshRun.RefreshObject> out = new ArrayList<>();
        for (JsonNode o : node) {
            String table = o.path("table").asText("");
            if (table.isBlank()) {
                throw ApiError.badRequest("InvalidRequest", "Each entry of objects needs a table.");
            }
            out.add(new RefreshRun.RefreshObject(table, o.path("partition").asText(table)));
        }
        return Optional.of(out);
    }

    /** The model's tables, from the TMDL files of its definition. */
    private static List<RefreshRun.RefreshObject> tables(ItemState model, Instant now) {
        List<RefreshRun.RefreshObject> out = new ArrayList<>();
        for (String path : model.at(now).parts().keySet()) {
            if (path.startsWith("definition/tables/") && path.endsWith(".tmdl")) {
                String table = path.substring("definition/tables/".length(), path.length() - ".tmdl".length());
                out.add(new RefreshRun.RefreshObject(table, table));
            }
        }
        return out;
    }

    private static String refreshUrl(ApiRequest request, WorkspaceState ws, ItemState model, RefreshRun run) {
        return request.baseUrl() + "/v1.0/myorg/groups/" + ws.id() + "/datasets/" + model.id() + "/refreshes/"
                + run.requestId();
    }
}
