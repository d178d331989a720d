package org.dbb.console.core.fabric;

import static org.dbb.console.core.fabric.http.JsonCodec.optional;
import static org.dbb.console.core.fabric.http.JsonCodec.required;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import org.dbb.console.core.fabric.http.JsonCodec;
import org.dbb.console.core.fabric.http.WireTimes;
import org.dbb.console.core.fabric.jobs.ActivityRun;
import org.dbb.console.core.fabric.jobs.ActivityRunError;
import org.dbb.console.core.fabric.jobs.ActivityRunStatus;
import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.jobs.JobStatus;

/**
 * The Fabric REST bodies as Jackson reads and writes them, and their one conversion into the domain records.
 * Nothing outside this package sees these types. Immutable.
 */
final class FabricDtos {

    private static final String INLINE_BASE64 = "InlineBase64";

    private FabricDtos() {
    }

    /** A page of a paginated list; both continuation fields are absent on the last page. */
    interface Page<T> {
        List<T> value();

        String continuationToken();

        String continuationUri();
    }

    record WorkspaceDto(String id, String displayName, String description, String type, String capacityId,
            String capacityRegion, String domainId) {

        Workspace toDomain() {
            return new Workspace(required(id, "workspace id"), displayName == null ? "" : displayName,
                    optional(description), WorkspaceType.parse(type), optional(capacityId), optional(capacityRegion),
                    optional(domainId));
        }
    }

    record WorkspacePage(List<WorkspaceDto> value, String continuationToken, String continuationUri)
            implements Page<WorkspaceDto> {
    }

    record ItemDto(String id, String displayName, String description, String type, String workspaceId,
            String folderId) {

        Item toDomain(String requestedWorkspaceId) {
            return new Item(required(id, "item id"), displayName == null ? "" : displayName, optional(description),
                    type == null ? "" : type, optional(workspaceId).orElse(requestedWorkspaceId), optional(folderId));
        }
    }

    record ItemPage(List<ItemDto> value, String continuationToken, String continuationUri) implements Page<ItemDto> {
    }

    record ConnectionDetailsDto(String type, String path) {
    }

    record CredentialDetailsDto(String credentialType) {
    }

    record ConnectionDto(String id, String displayName, String connectivityType, String gatewayId,
            ConnectionDetailsDto connectionDetails, String privacyLevel, CredentialDetailsDto credentialDetails) {

        Connection toDomain() {
            Optional<ConnectionDetailsDto> details = Optional.ofNullable(connectionDetails);
            return new Connection(required(id, "connection id"), displayName == null ? "" : displayName,
                    ConnectivityType.parse(connectivityType), optional(gatewayId),
                    details.flatMap(d -> optional(d.type())), details.flatMap(d -> optional(d.path())),
                    PrivacyLevel.parse(privacyLevel),
                    Optional.ofNullable(credentialDetails).flatMap(c -> optional(c.credentialType())));
        }
    }

    record ConnectionPage(List<ConnectionDto> value, String continuationToken, String continuationUri)
            implements Page<ConnectionDto> {
    }

    record JobInstanceDto(String id, String itemId, String jobType, String invokeType, String status,
            String rootActivityId, String startTimeUtc, String endTimeUtc, JsonNode failureReason,
            JsonNode properties) {

        JobInstance toDomain(JsonCodec json, String requestedItemId, Optional<Duration> retryAfter) {
            JsonNode exit = properties == null ? NullNode.getInstance() : properties.path("exitValue");
            return new JobInstance(required(id, "job instance id"), optional(itemId).orElse(requestedItemId),
                    jobType == null ? "" : jobType, InvokeType.parse(invokeType), JobStatus.parse(status),
                    status == null ? "" : status, optional(rootActivityId), WireTimes.parse(startTimeUtc),
                    WireTimes.parse(endTimeUtc), json.serviceError(failureReason), ActivityRunDto.exitValue(exit),
                    retryAfter);
        }
    }

    record JobInstancePage(List<JobInstanceDto> value, String continuationToken, String continuationUri)
            implements Page<JobInstanceDto> {
    }

    record ActivityRunDto(String pipelineName, String pipelineRunId, String activityName, String activityType,
            String activityRunId, String status, String activityRunStart, String activityRunEnd, Long durationInMs,
            Integer retryAttempt, JsonNode input, JsonNode output, JsonNode error) {

        ActivityRun toDomain() {
            JsonNode out = output == null ? NullNode.getInstance() : output;
            return new ActivityRun(activityRunId == null ? "" : activityRunId, required(activityName, "activityName"),
                    activityType == null ? "" : activityType, pipelineRunId == null ? "" : pipelineRunId,
                    pipelineName == null ? "" : pipelineName, ActivityRunStatus.parse(status),
                    status == null ? "" : status, WireTimes.parse(activityRunStart), WireTimes.parse(activityRunEnd),
                    durationInMs == null ? OptionalLong.empty() : OptionalLong.of(durationInMs),
                    retryAttempt == null ? OptionalInt.empty() : OptionalInt.of(retryAttempt),
                    input == null ? "null" : input.toString(), out.toString(),
                    count(out.path("rowsRead")), count(out.has("rowsCopied") ? out.path("rowsCopied")
                            : out.path("rowsWritten")),
                    exitValue(out.path("result").path("exitValue")), childRunId(out), failure());
        }

        private Optional<String> childRunId(JsonNode out) {
            boolean startsPipelines = "ExecutePipeline".equals(activityType) || "InvokePipeline".equals(activityType);
            return startsPipelines ? optional(out.path("pipelineRunId").asText("")) : Optional.empty();
        }

        private Optional<ActivityRunError> failure() {
            if (error == null || !error.isObject()) {
                return Optional.empty();
            }
            String code = error.path("errorCode").asText("");
            String message = error.path("message").asText("");
            if (code.isBlank() && message.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ActivityRunError(code, message, optional(error.path("failureType").asText("")),
                    optional(error.path("target").asText(""))));
        }

        private static OptionalLong count(JsonNode node) {
            return node.canConvertToLong() ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
        }

        static Optional<String> exitValue(JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return Optional.empty();
            }
            return Optional.of(node.isValueNode() ? node.asText() : node.toString());
        }
    }

    record FilterDto(String operand, String operator, List<String> values) {
    }

    record OrderDto(String orderBy, String order) {
    }

    record QueryActivityRunsDto(String lastUpdatedAfter, String lastUpdatedBefore, List<FilterDto> filters,
            List<OrderDto> orderBy, String continuationToken) {
    }

    record OperationStateDto(String status, String createdTimeUtc, String lastUpdatedTimeUtc, Integer percentComplete,
            JsonNode error) {

        OperationState toDomain(JsonCodec json, String operationId, Optional<Duration> retryAfter) {
            return new OperationState(operationId, OperationStatus.parse(status),
                    percentComplete == null ? OptionalInt.empty() : OptionalInt.of(percentComplete),
                    WireTimes.parse(lastUpdatedTimeUtc), json.serviceError(error), retryAfter);
        }
    }

    record PartDto(String path, String payload, String payloadType) {

        DefinitionPart toDomain() {
            String type = payloadType == null ? INLINE_BASE64 : payloadType;
            if (!type.equalsIgnoreCase(INLINE_BASE64)) {
                throw new IllegalArgumentException("part " + path + " has payloadType " + type
                        + "; only " + INLINE_BASE64 + " is understood");
            }
            return new DefinitionPart(required(path, "part path"), decode(payload == null ? "" : payload, path));
        }

        static PartDto of(DefinitionPart part) {
            return new PartDto(part.path(), Base64.getEncoder().encodeToString(part.payload()), INLINE_BASE64);
        }

        private static byte[] decode(String base64, String path) {
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException strict) {
                try {
                    return Base64.getMimeDecoder().decode(base64);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("part " + path + " is not valid base64", e);
                }
            }
        }
    }

    record DefinitionDto(String format, List<PartDto> parts) {

        ItemDefinition toDomain() {
            List<DefinitionPart> decoded = new ArrayList<>();
            if (parts != null) {
                parts.forEach(p -> decoded.add(p.toDomain()));
            }
            return new ItemDefinition(optional(format), decoded);
        }

        static DefinitionDto of(ItemDefinition definition) {
            return new DefinitionDto(definition.format().orElse(null),
                    definition.parts().stream().map(PartDto::of).toList());
        }
    }

    record DefinitionEnvelopeDto(DefinitionDto definition) {

        ItemDefinition toDomain() {
            if (definition == null) {
                throw new IllegalArgumentException("no definition");
            }
            return definition.toDomain();
        }
    }
}
