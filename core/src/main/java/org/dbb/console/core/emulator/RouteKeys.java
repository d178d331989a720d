package org.dbb.console.core.emulator;

import java.util.List;

/**
 * The routes the emulator serves, as {@code METHOD /template} keys: the names used by stats and by scenario faults.
 * Constants only.
 */
final class RouteKeys {

    static final String WS = "/v1/workspaces/{workspaceId}";
    static final String ITEM = WS + "/items/{itemId}";
    static final String JOBS = ITEM + "/jobs/instances";
    static final String JOB = JOBS + "/{jobInstanceId}";
    static final String PBI_DATASET = "/v1.0/myorg/groups/{groupId}/datasets/{datasetId}";
    static final String ADO_GROUPS = "/{organization}/{project}/_apis/distributedtask/variablegroups";

    static final String LIST_WORKSPACES = "GET /v1/workspaces";
    static final String GET_WORKSPACE = "GET " + WS;
    static final String LIST_ITEMS = "GET " + WS + "/items";
    static final String GET_ITEM = "GET " + ITEM;
    static final String GET_LAKEHOUSE = "GET " + WS + "/lakehouses/{lakehouseId}";
    static final String GET_WAREHOUSE = "GET " + WS + "/warehouses/{warehouseId}";
    static final String LIST_CONNECTIONS = "GET /v1/connections";
    static final String GET_DEFINITION = "POST " + ITEM + "/getDefinition";
    static final String UPDATE_DEFINITION = "POST " + ITEM + "/updateDefinition";
    static final String GET_OPERATION = "GET /v1/operations/{operationId}";
    static final String GET_OPERATION_RESULT = "GET /v1/operations/{operationId}/result";
    static final String RUN_JOB_LEGACY = "POST " + JOBS;
    static final String RUN_JOB = "POST " + ITEM + "/jobs/{jobType}/instances";
    static final String RUN_PIPELINE = "POST " + WS + "/dataPipelines/{itemId}/jobs/execute/instances";
    static final String RUN_NOTEBOOK = "POST " + WS + "/notebooks/{itemId}/jobs/execute/instances";
    static final String LIST_JOBS = "GET " + JOBS;
    static final String GET_JOB = "GET " + JOB;
    static final String GET_NOTEBOOK_JOB = "GET " + WS + "/notebooks/{itemId}/jobs/execute/instances/{jobInstanceId}";
    static final String CANCEL_JOB = "POST " + JOB + "/cancel";
    static final String QUERY_ACTIVITY_RUNS =
            "POST " + WS + "/datapipelines/pipelineruns/{jobId}/queryactivityruns";
    static final String LIST_DATASETS = "GET /v1.0/myorg/groups/{groupId}/datasets";
    static final String REFRESH = "POST " + PBI_DATASET + "/refreshes";
    static final String REFRESH_HISTORY = "GET " + PBI_DATASET + "/refreshes";
    static final String REFRESH_DETAIL = "GET " + PBI_DATASET + "/refreshes/{refreshId}";
    static final String REFRESH_CANCEL = "DELETE " + PBI_DATASET + "/refreshes/{refreshId}";
    static final String VARIABLE_GROUP = "GET " + ADO_GROUPS + "/{groupId}";
    static final String VARIABLE_GROUPS = "GET " + ADO_GROUPS;
    static final String WEBHOOK_POST = "POST /_emulator/webhooks/{name}";
    static final String WEBHOOK_LIST = "GET /_emulator/webhooks/{name}";
    static final String STATS = "GET /_emulator/stats";

    static final List<String> ALL = List.of(LIST_WORKSPACES, GET_WORKSPACE, LIST_ITEMS, GET_ITEM, GET_LAKEHOUSE,
            GET_WAREHOUSE, LIST_CONNECTIONS, GET_DEFINITION, UPDATE_DEFINITION, GET_OPERATION, GET_OPERATION_RESULT,
            RUN_JOB_LEGACY, RUN_JOB, RUN_PIPELINE, RUN_NOTEBOOK, LIST_JOBS, GET_JOB, GET_NOTEBOOK_JOB, CANCEL_JOB,
            QUERY_ACTIVITY_RUNS, LIST_DATASETS, REFRESH, REFRESH_HISTORY, REFRESH_DETAIL, REFRESH_CANCEL,
            VARIABLE_GROUP, VARIABLE_GROUPS, WEBHOOK_POST, WEBHOOK_LIST, STATS);

    private RouteKeys() {
    }

    static String method(String key) {
        return key.substring(0, key.indexOf(' '));
    }

    static String template(String key) {
        return key.substring(key.indexOf(' ') + 1);
    }
}
