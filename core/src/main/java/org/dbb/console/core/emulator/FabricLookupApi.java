package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.emulator.scenario.ConnectionSeed;

/**
 * Fabric look-ups: workspaces, items, lakehouse and warehouse SQL endpoint properties, connections. Guarded by the
 * emulator's state lock (handlers are called with it held).
 */
final class FabricLookupApi {

    private static final String ONELAKE_DFS = "https://onelake.dfs.fabric.microsoft.com";

    private final EmulatedTenant tenant;
    private final Lookups lookups;
    private final Pages pages;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    FabricLookupApi(EmulatedTenant tenant, Pages pages) {
        this.tenant = tenant;
        this.lookups = new Lookups(tenant);
        this.pages = pages;
    }

    void register(Router router) {
        add(router, RouteKeys.LIST_WORKSPACES, this::listWorkspaces);
        add(router, RouteKeys.GET_WORKSPACE, this::getWorkspace);
        add(router, RouteKeys.LIST_ITEMS, this::listItems);
        add(router, RouteKeys.GET_ITEM, this::getItem);
        add(router, RouteKeys.GET_LAKEHOUSE, this::getLakehouse);
        add(router, RouteKeys.GET_WAREHOUSE, this::getWarehouse);
        add(router, RouteKeys.LIST_CONNECTIONS, this::listConnections);
    }

    private static void add(Router router, String key, RouteHandler handler) {
        router.add(RouteKeys.method(key), RouteKeys.template(key), Surface.FABRIC, handler);
    }

    private ApiResponse listWorkspaces(ApiRequest request) {
        List<ObjectNode> all = tenant.workspaces().stream().map(this::workspace).toList();
        return ApiResponse.json(200, pages.page(all, request));
    }

    private ApiResponse getWorkspace(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ObjectNode body = workspace(ws);
        body.put("capacityAssignmentProgress", "Completed");
        body.put("capacityRegion", "West Europe");
        ObjectNode endpoints = body.putObject("oneLakeEndpoints");
        endpoints.put("blobEndpoint", "https://onelake.blob.fabric.microsoft.com");
        endpoints.put("dfsEndpoint", ONELAKE_DFS);
        return ApiResponse.json(200, body);
    }

    private ApiResponse listItems(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        Instant now = request.receivedAt();
        String type = request.query("type").orElse("");
        List<ObjectNode> all = ws.items().stream()
                .filter(i -> type.isEmpty() || i.type().toLowerCase(Locale.ROOT).equals(type.toLowerCase(Locale.ROOT)))
                .map(i -> item(ws, i, now)).toList();
        return ApiResponse.json(200, pages.page(all, request));
    }

    private ApiResponse getItem(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        return ApiResponse.json(200, item(ws, lookups.item(ws, request, "itemId"), request.receivedAt()));
    }

    private ApiResponse getLakehouse(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ItemState lakehouse = typed(ws, request, "lakehouseId", "Lakehouse");
        Instant now = request.receivedAt();
        ObjectNode body = item(ws, lakehouse, now);
        ObjectNode props = body.putObject("properties");
        String base = ONELAKE_DFS + "/" + ws.id() + "/" + lakehouse.id();
        props.put("oneLakeTablesPath", base + "/Tables");
        props.put("oneLakeFilesPath", base + "/Files");
        ObjectNode sql = props.putObject("sqlEndpointProperties");
        sql.put("connectionString", ws.sqlEndpointHost());
        ws.byName("SQLEndpoint", lakehouse.displayName(now), now)
                .ifPresent(endpoint -> sql.put("id", endpoint.id().toString()));
        sql.put("provisioningStatus", "Success");
        return ApiResponse.json(200, body);
    }

    private ApiResponse getWarehouse(ApiRequest request) {
        WorkspaceState ws = lookups.workspace(request, "workspaceId");
        ItemState warehouse = typed(ws, request, "warehouseId", "Warehouse");
        ObjectNode body = item(ws, warehouse, request.receivedAt());
        ObjectNode props = body.putObject("properties");
        props.put("connectionString", ws.sqlEndpointHost());
        props.put("createdDate", UtcTimes.fabric(Instant.EPOCH.plusSeconds(1_704_067_200L)));
        props.put("lastUpdatedTime", UtcTimes.fabric(Instant.EPOCH.plusSeconds(1_704_067_200L)));
        props.put("collationType", "Latin1_General_100_BIN2_UTF8");
        return ApiResponse.json(200, body);
    }

    private ApiResponse listConnections(ApiRequest request) {
        List<ObjectNode> all = tenant.connections().stream().map(this::connection).toList();
        return ApiResponse.json(200, pages.page(all, request));
    }

    private ItemState typed(WorkspaceState ws, ApiRequest request, String param, String type) {
        ItemState item = lookups.item(ws, request, param);
        if (!item.is(type)) {
            throw ApiError.notFound("ItemNotFound", "The requested " + type + " '" + request.param(param)
                    + "' was not found; that id is a " + item.type() + ".");
        }
        return item;
    }

    ObjectNode workspace(WorkspaceState ws) {
        ObjectNode node = json.objectNode();
        node.put("id", ws.id().toString());
        node.put("displayName", ws.displayName());
        node.put("description", "DBB environment " + ws.environment() + " (emulated)");
        node.put("type", "Workspace");
        node.put("capacityId", ws.capacityId().toString());
        return node;
    }

    private ObjectNode item(WorkspaceState ws, ItemState item, Instant now) {
        ItemVersion version = item.at(now);
        ObjectNode node = json.objectNode();
        node.put("id", item.id().toString());
        node.put("type", item.type());
        node.put("displayName", version.displayName());
        node.put("description", version.description());
        node.put("workspaceId", ws.id().toString());
        return node;
    }

    private ObjectNode connection(ConnectionSeed seed) {
        ObjectNode node = json.objectNode();
        node.put("id", seed.id());
        node.put("displayName", seed.displayName());
        node.putNull("gatewayId");
        node.put("connectivityType", seed.connectivityType());
        ObjectNode details = node.putObject("connectionDetails");
        details.put("type", seed.type());
        details.put("path", seed.path());
        node.put("privacyLevel", "Organizational");
        ObjectNode credentials = node.putObject("credentialDetails");
        credentials.put("credentialType", "OAuth2");
        credentials.put("singleSignOnType", "None");
        credentials.put("connectionEncryption", "NotEncrypted");
        credentials.put("skipTestConnection", false);
        return node;
    }
}
