package org.dbb.console.core.engine;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.fabric.Connection;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.Item;
import org.dbb.console.core.fabric.Workspace;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

/**
 * Answers the DBB Lookup activities from the Fabric API, in the row shapes the metadata tables have, so
 * {@code @activity('x').output.firstRow.workspace_id} and {@code .output.value} read the same. Stateless; the
 * answer makes blocking calls, so it must run on a background thread.
 */
final class Lookups {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Lookups() {
    }

    static JsonNode answer(FabricClient fabric, RunPlan plan, StepAction.Lookup lookup) {
        List<ObjectNode> rows = switch (lookup.source()) {
            case ENVIRONMENT -> List.of(environment(fabric.getWorkspace(plan.workspaceId()), plan));
            case ITEMS -> items(fabric.listItems(plan.workspaceId()));
            case CONNECTIONS -> connections(fabric.listConnections());
        };
        ObjectNode output = JSON.createObjectNode();
        if (lookup.firstRowOnly()) {
            if (!rows.isEmpty()) {
                output.set("firstRow", rows.get(0));
            }
            return output;
        }
        output.put("count", rows.size());
        ArrayNode value = output.putArray("value");
        rows.forEach(value::add);
        return output;
    }

    private static ObjectNode environment(Workspace workspace, RunPlan plan) {
        ObjectNode row = JSON.createObjectNode();
        row.put("environment_name", plan.environment());
        row.put("workspace_id", workspace.id());
        row.put("workspace_name", workspace.displayName());
        row.put("capacity_id", workspace.capacityId().orElse(null));
        return row;
    }

    private static List<ObjectNode> items(List<Item> items) {
        List<ObjectNode> rows = new ArrayList<>();
        for (Item item : items) {
            ObjectNode row = JSON.createObjectNode();
            row.put("item_type", item.type());
            row.put("item_name", item.displayName());
            row.put("item_id", item.id());
            rows.add(row);
        }
        return rows;
    }

    private static List<ObjectNode> connections(List<Connection> connections) {
        List<ObjectNode> rows = new ArrayList<>();
        for (Connection connection : connections) {
            ObjectNode row = JSON.createObjectNode();
            row.put("connection_name", connection.displayName());
            row.put("connection_id", connection.id());
            row.put("connection_type", connection.connectionType().orElse(null));
            rows.add(row);
        }
        return rows;
    }
}
