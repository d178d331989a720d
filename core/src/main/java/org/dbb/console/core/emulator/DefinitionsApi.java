package org.dbb.console.core.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.json.JsonDocument;
import org.dbb.console.core.workspace.pipeline.PipelineReader;

/**
 * Item definitions ({@code getDefinition}, {@code updateDefinition}) as long-running operations, and the
 * operation state and result endpoints. Guarded by the emulator's state lock (handlers are called with it held).
 */
final class DefinitionsApi {

    /** Item types Fabric creates as shells: they have no definition to get or update. */
    private static final Set<String> NO_DEFINITION = Set.of("Warehouse", "SQLEndpoint");

    private final Lookups lookups;
    private final Scenario scenario;
    private final JsonBodies bodies;
    private final Supplier<UUID> ids;
    private final Map<UUID, LongRunningOperation> operations = new LinkedHashMap<>();
    private final PipelineReader pipelines = new PipelineReader();
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    DefinitionsApi(EmulatedTenant tenant, Scenario scenario, JsonBodies bodies, Supplier<UUID> ids) {
        this.lookups = new Lookups(tenant);
        this.scenario = scenario;
        this.bodies = bodies;
        this.ids = ids;
    }

    void register(Router router) {
        add(router, RouteKeys.GET_DEFINITION, this::getDefinition);
        add(router, RouteKeys.UPDATE_DEFINITION, this::updateDefinition);
        add(router, RouteKeys.GET_OPERATION, this::getOperation);
        add(router, RouteKeys.GET_OPERATION_RESULT, this::getResult);
    }

    private static void add(Router router, String key, RouteHandler handler) {
        router.add(RouteKeys.method(key), RouteKeys.template(key), Surface.FABRIC, handler);
    }

    private ApiResponse getDefinition(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ItemState item = definable(lookups.item(ws, request, "itemId"));
        ObjectNode result = json.objectNode();
        ArrayNode parts = result.putObject("definition").putArray("parts");
        item.at(request.receivedAt()).parts().forEach((path, bytes) -> {
            ObjectNode part = parts.addObject();
            part.put("path", path);
            part.put("payload", Base64.getEncoder().encodeToString(bytes));
            part.put("payloadType", "InlineBase64");
        });
        return accept(request, Optional.of(result), Optional.empty(), doneAt -> { });
    }

    private ApiResponse updateDefinition(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ItemState item = definable(lookups.item(ws, request, "itemId"));
        boolean updateMetadata = request.query("updateMetadata").map(Boolean::parseBoolean).orElse(false);
        ObjectNode body = bodies.object(request, "InvalidInput");
        JsonNode parts = body.path("definition").path("parts");
        if (!parts.isArray() || parts.isEmpty()) {
            throw ApiError.badRequest("InvalidDefinitionParts",
                    "The request must carry definition.parts, an array with at least one part.");
        }
        Instant now = request.receivedAt();
        ItemVersion current = item.at(now);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (JsonNode part : parts) {
            String path = part.path("path").asText("");
            if (path.isBlank() || !part.path("payload").isTextual()
                    || !"InlineBase64".equals(part.path("payloadType").asText())) {
                throw ApiError.badRequest("InvalidDefinitionParts", "Each part needs a path, a payload and"
                        + " payloadType InlineBase64; part '" + path + "' does not.");
            }
            try {
                files.put(path, Base64.getDecoder().decode(part.path("payload").asText()));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("InvalidDefinitionParts", "The payload of part '" + path
                        + "' is not valid base64.");
            }
        }
        String name = current.displayName();
        String description = current.description();
        byte[] platform = files.remove(".platform");
        if (updateMetadata && platform != null) {
            Optional<JsonNode> metadata = json(platform).map(p -> p.path("metadata"));
            name = metadata.map(m -> m.path("displayName").asText("")).filter(s -> !s.isBlank()).orElse(name);
            description = metadata.map(m -> m.path("description").asText(null)).orElse(description);
        }
        // Without updateMetadata Fabric ignores the .platform part, so the stored one stays as it was.
        Map<String, byte[]> stored = new LinkedHashMap<>();
        byte[] keptPlatform = updateMetadata && platform != null ? platform : current.parts().get(".platform");
        if (keptPlatform != null) {
            stored.put(".platform", keptPlatform);
        }
        stored.putAll(files);
        Optional<RunError> invalid = item.is("DataPipeline") ? invalidPipeline(stored) : Optional.empty();
        String finalName = name;
        String finalDescription = description;
        return accept(request, Optional.empty(), invalid, doneAt -> item.addVersion(
                new ItemVersion(doneAt, finalName, finalDescription, stored)));
    }

    private Optional<RunError> invalidPipeline(Map<String, byte[]> parts) {
        byte[] content = parts.get("pipeline-content.json");
        if (content == null) {
            return Optional.of(RunError.job("InvalidDefinitionParts",
                    "A data pipeline definition needs a pipeline-content.json part."));
        }
        try {
            pipelines.read(JsonDocument.parse(TextFile.decode(Path.of("pipeline-content.json"), content)),
                    "pipeline");
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(RunError.job("InvalidDefinition", "pipeline-content.json is not a valid pipeline: "
                    + e.problems().get(0).format(null)));
        }
    }

    private Optional<JsonNode> json(byte[] bytes) {
        try {
            return Optional.of(bodies.parse(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private interface Completion {
        void apply(Instant doneAt);
    }

    /**
     * Answers at once when operations take no time (200 with the result), else starts an operation (202). The
     * completion is applied when it succeeds; until then readers see the old state.
     */
    private ApiResponse accept(ApiRequest request, Optional<JsonNode> result, Optional<RunError> failure,
                               Completion completion) {
        Instant now = request.receivedAt();
        double seconds = scenario.defaults().operationSeconds();
        if (seconds <= 0) {
            if (failure.isPresent()) {
                throw ApiError.badRequest(failure.get().errorCode(), failure.get().message());
            }
            completion.apply(now);
            return result.map(r -> ApiResponse.json(200, r)).orElse(ApiResponse.empty(200));
        }
        Instant doneAt = now.plus(scenario.scaled(seconds));
        LongRunningOperation op = new LongRunningOperation(ids.get(), now, doneAt,
                failure.isPresent() ? OperationStatus.FAILED : OperationStatus.SUCCEEDED, result, failure);
        operations.put(op.id(), op);
        if (failure.isEmpty()) {
            completion.apply(doneAt);
        }
        return ApiResponse.empty(202)
                .withHeader("Location", operationUrl(request, op))
                .withHeader("x-ms-operation-id", op.id().toString())
                .withHeader("Retry-After", Long.toString(scenario.retryAfterSeconds(scenario.defaults().pollSeconds())));
    }

    private ApiResponse getOperation(ApiRequest request) {
        LongRunningOperation op = operation(request);
        Instant now = request.receivedAt();
        OperationStatus status = op.statusAt(now);
        ObjectNode body = json.objectNode();
        body.put("status", status.jsonName());
        body.put("createdTimeUtc", UtcTimes.fabric(op.createdAt()));
        body.put("lastUpdatedTimeUtc", UtcTimes.fabric(op.lastUpdatedAt(now)));
        body.put("percentComplete", op.percentCompleteAt(now));
        if (status == OperationStatus.FAILED && op.error().isPresent()) {
            ObjectNode error = body.putObject("error");
            error.put("errorCode", op.error().get().errorCode());
            error.put("message", op.error().get().message());
        } else {
            body.putNull("error");
        }
        String location = status == OperationStatus.SUCCEEDED && op.result().isPresent()
                ? operationUrl(request, op) + "/result"
                : operationUrl(request, op);
        ApiResponse response = ApiResponse.json(200, body)
                .withHeader("Location", location)
                .withHeader("x-ms-operation-id", op.id().toString());
        if (!status.isTerminal()) {
            response = response.withHeader("Retry-After",
                    Long.toString(scenario.retryAfterSeconds(scenario.defaults().pollSeconds())));
        }
        return response;
    }

    private ApiResponse getResult(ApiRequest request) {
        LongRunningOperation op = operation(request);
        OperationStatus status = op.statusAt(request.receivedAt());
        if (!status.isTerminal()) {
            throw ApiError.badRequest("OperationNotCompleted", "The operation '" + op.id()
                    + "' has not completed yet; poll its state until it reads Succeeded.");
        }
        if (status == OperationStatus.FAILED) {
            throw ApiError.badRequest("OperationFailed", "The operation '" + op.id() + "' failed and has no result.");
        }
        return op.result().map(r -> ApiResponse.json(200, r)).orElseThrow(() -> ApiError.badRequest(
                "OperationHasNoResult", "The operation '" + op.id() + "' has no result."));
    }

    private LongRunningOperation operation(ApiRequest request) {
        String id = request.param("operationId");
        return Lookups.uuid(id).map(operations::get).filter(op -> !op.createdAt().isAfter(request.receivedAt()))
                .orElseThrow(() -> ApiError.notFound("OperationNotFound", "The operation '" + id
                        + "' was not found."));
    }

    private static String operationUrl(ApiRequest request, LongRunningOperation op) {
        return request.baseUrl() + "/v1/operations/" + op.id();
    }

    private static ItemState definable(ItemState item) {
        if (NO_DEFINITION.contains(item.type())) {
            throw ApiError.badRequest("OperationNotSupportedForItem", "Item type '" + item.type()
                    + "' has no definition that can be read or updated.");
        }
        return item;
    }
}
