package org.dbb.console.core.fabric.devops;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.fabric.http.ApiCall;
import org.dbb.console.core.fabric.http.ApiRequest;
import org.dbb.console.core.fabric.http.ApiResponse;
import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.Service;
import org.dbb.console.core.fabric.http.ServiceError;
import org.dbb.console.core.fabric.http.WaitListener;

/**
 * Reads Azure DevOps variable groups (REST api-version 7.1) with the environment's Entra token. Secret values are
 * never returned by Azure DevOps and are flagged, not guessed. Thread-safe; methods block, so call them on a
 * background thread.
 */
public final class AzureDevOpsClient {

    static final ApiCall GET_VARIABLE_GROUP = ApiCall.get(Service.AZURE_DEVOPS,
            "/{organization}/{project}/_apis/distributedtask/variablegroups/{groupId}?api-version=7.1");
    static final String API_VERSION = "7.1";

    private final ApiTransport transport;

    public AzureDevOpsClient(ApiTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** This client reporting waits (throttling, outages) to {@code listener}. */
    public AzureDevOpsClient withWaitListener(WaitListener listener) {
        return new AzureDevOpsClient(transport.withWaitListener(listener));
    }

    /**
     * The variable group {@code groupId} of {@code project} (name or id) in {@code organization}.
     *
     * @throws FabricApiException with error code {@code VariableGroupNotFound} when the group does not exist or is
     *                            not visible to the signed-in identity
     */
    public VariableGroup getVariableGroup(String organization, String project, int groupId) {
        ApiRequest request = ApiRequest.to(GET_VARIABLE_GROUP, transport.url(Service.AZURE_DEVOPS, organization,
                        project, "_apis", "distributedtask", "variablegroups", Integer.toString(groupId))
                .addQueryParameter("api-version", API_VERSION).build());
        ApiResponse response;
        try {
            response = transport.execute(request);
        } catch (FabricApiException e) {
            if (e.status() == 404) {
                throw notFound(organization, project, groupId, e.requestId().orElse(null));
            }
            throw e;
        }
        // Azure DevOps answers an unknown or invisible group id with 200 and an empty body or "null"
        JsonNode root = response.hasBody() ? transport.json().readTree(response) : null;
        if (root == null || root.isNull()) {
            throw notFound(organization, project, groupId, response.requestId().orElse(null));
        }
        return transport.json().toDomain(response, () -> transport.json()
                .convert(root, DevOpsDtos.VariableGroupDto.class, response).toDomain(groupId));
    }

    private static FabricApiException notFound(String organization, String project, int groupId, String requestId) {
        return FabricApiException.of(GET_VARIABLE_GROUP, 404, new ServiceError("VariableGroupNotFound",
                "variable group " + groupId + " does not exist in " + organization + "/" + project
                        + " or the signed-in identity cannot read it",
                Optional.ofNullable(requestId), List.of()));
    }
}
