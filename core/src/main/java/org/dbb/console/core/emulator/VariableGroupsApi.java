package org.dbb.console.core.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Azure DevOps variable groups ({@code distributedtask/variablegroups}), one per environment. Secret values are
 * answered as {@code null} with {@code isSecret: true}, as Azure DevOps does. Immutable state; thread-safe.
 */
final class VariableGroupsApi {

    private static final String CREATED_ON = "2025-01-06T08:00:00.000Z";

    private final EmulatedTenant tenant;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    VariableGroupsApi(EmulatedTenant tenant) {
        this.tenant = tenant;
    }

    void register(Router router) {
        router.add("GET", RouteKeys.template(RouteKeys.VARIABLE_GROUP), Surface.DEVOPS, this::one);
        router.add("GET", RouteKeys.template(RouteKeys.VARIABLE_GROUPS), Surface.DEVOPS, this::many);
    }

    private ApiResponse one(ApiRequest request) {
        requireApiVersion(request);
        String org = request.param("organization");
        String project = request.param("project");
        String id = request.param("groupId");
        return tenant.variableGroups().stream()
                .filter(g -> g.servedAt(org, project) && Integer.toString(g.id()).equals(id))
                .findFirst()
                .map(g -> ApiResponse.json(200, group(g, request)))
                .orElseThrow(() -> ApiError.notFound("VariableGroupNotFoundException",
                        "Variable group with id " + id + " does not exist in project " + project + "."));
    }

    private ApiResponse many(ApiRequest request) {
        requireApiVersion(request);
        String org = request.param("organization");
        String project = request.param("project");
        Set<String> ids = request.query("groupIds")
                .map(text -> Arrays.stream(text.split(",")).map(String::trim).collect(Collectors.toSet()))
                .orElse(Set.of());
        Pattern name = request.query("groupName")
                .map(text -> Pattern.compile(Arrays.stream(text.split("\\*", -1)).map(Pattern::quote)
                        .collect(Collectors.joining(".*")), Pattern.CASE_INSENSITIVE))
                .orElse(null);
        List<VariableGroupState> found = tenant.variableGroups().stream()
                .filter(g -> g.servedAt(org, project))
                .filter(g -> ids.isEmpty() || ids.contains(Integer.toString(g.id())))
                .filter(g -> name == null || name.matcher(g.name()).matches())
                .toList();
        ObjectNode body = json.objectNode();
        body.put("count", found.size());
        ArrayNode value = body.putArray("value");
        found.forEach(g -> value.add(group(g, request)));
        return ApiResponse.json(200, body);
    }

    private static void requireApiVersion(ApiRequest request) {
        boolean inAccept = request.header("Accept").map(a -> a.toLowerCase(Locale.ROOT).contains("api-version="))
                .orElse(false);
        if (request.query("api-version").isEmpty() && !inAccept) {
            throw ApiError.badRequest("VssVersionNotSpecifiedException", "No api-version was supplied for the \""
                    + request.method() + "\" request. The version must be supplied either as part of the Accept"
                    + " header (e.g. \"application/json; api-version=1.0\") or as a query parameter (e.g."
                    + " '?api-version=1.0').");
        }
    }

    private ObjectNode group(VariableGroupState g, ApiRequest request) {
        ObjectNode node = json.objectNode();
        ObjectNode variables = node.putObject("variables");
        g.variables().forEach((name, v) -> {
            ObjectNode entry = variables.putObject(name);
            if (v.secret()) {
                entry.putNull("value");
                entry.put("isSecret", true);
            } else {
                entry.put("value", v.webhookSink()
                        .map(sink -> request.baseUrl() + "/_emulator/webhooks/" + sink)
                        .orElse(v.value().orElse("")));
            }
        });
        node.put("id", g.id());
        node.put("type", "Vsts");
        node.put("name", g.name());
        node.put("description", "DBB variables for environment " + g.environment() + " (emulated)");
        ObjectNode identity = json.objectNode();
        identity.put("displayName", "DBB Emulator");
        identity.put("id", "00000000-0000-0000-0000-00000000dbb0");
        node.set("createdBy", identity);
        node.put("createdOn", CREATED_ON);
        node.set("modifiedBy", identity.deepCopy());
        node.put("modifiedOn", CREATED_ON);
        node.put("isShared", false);
        ArrayNode refs = node.putArray("variableGroupProjectReferences");
        ObjectNode ref = refs.addObject();
        ObjectNode project = ref.putObject("projectReference");
        project.put("id", g.projectId().toString());
        project.put("name", g.project());
        ref.put("name", g.name());
        ref.put("description", node.path("description").asText());
        return node;
    }
}
