package org.dbb.console.core.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a refusal in the error shape of the service the route imitates. Stateless. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static ApiResponse render(Surface surface, ApiError error, String requestId) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        ApiResponse response;
        switch (surface) {
            case POWER_BI -> {
                ObjectNode inner = body.putObject("error");
                inner.put("code", error.code());
                inner.put("message", error.getMessage());
                response = ApiResponse.json(error.status(), body);
            }
            case DEVOPS -> {
                body.put("$id", "1");
                body.putNull("innerException");
                body.put("message", error.getMessage());
                body.put("typeName", devOpsTypeName(error.code()));
                body.put("typeKey", error.code());
                body.put("errorCode", 0);
                body.put("eventId", 3000);
                response = ApiResponse.json(error.status(), body);
            }
            default -> {
                body.put("errorCode", error.code());
                body.put("message", error.getMessage());
                body.put("requestId", requestId);
                if (error.status() == 429 || error.status() >= 500) {
                    body.put("isRetriable", true);
                }
                response = ApiResponse.json(error.status(), body)
                        .withHeader("x-ms-public-api-error-code", error.code());
            }
        }
        for (var header : error.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    private static String devOpsTypeName(String typeKey) {
        if (typeKey.equals("UnauthorizedRequestException")) {
            return "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, "
                    + "Microsoft.TeamFoundation.Framework.Server";
        }
        if (typeKey.equals("VssVersionNotSpecifiedException")) {
            return "Microsoft.VisualStudio.Services.WebApi.VssVersionNotSpecifiedException, "
                    + "Microsoft.VisualStudio.Services.WebApi";
        }
        return "Microsoft.TeamFoundation.DistributedTask.WebApi." + typeKey
                + ", Microsoft.TeamFoundation.DistributedTask.WebApi";
    }
}
