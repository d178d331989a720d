package org.dbb.console.app.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.StepRow;

/**
 * Hand-built timelines of the DBB master pipeline for view tests and screenshots: six stages, a fan-out, a retried
 * transformation, monitoring breaches, a skipped maintenance stage and a semantic refresh with a failed, a running,
 * a waiting and an overrunning model. Stateless.
 */
public final class TimelineSamples {

    public static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    public static final String RUN_ID = "run-20261127-0900";
    public static final String INITIALISATION = "Initialisation";
    public static final String INTEGRATION = "Integration";
    public static final String TRANSFORMATION = "Transformation";
    public static final String MONITORING = "Monitoring";
    public static final String MAINTENANCE = "Maintenance";
    public static final String SEMANTIC_REFRESH = "Semantic refresh";
    public static final StepKey COPY_TABLES = StepKey.of(INTEGRATION, "Copy source tables");
    public static final StepKey TRANSFORM = StepKey.of(TRANSFORMATION, "Run transformation pipeline");
    public static final StepKey REFRESH = StepKey.of(SEMANTIC_REFRESH, "Refresh semantic models");
    public static final StepKey FINANCE = REFRESH.child("Finance");
    public static final StepKey OPERATIONS = REFRESH.child("Operations");
    public static final String FINANCE_ERROR_CODE = "ModelRefresh_ShortMessage_ProcessingError";
    public static final String FINANCE_REQUEST_ID = "5c1f7b0e-93a1-4c2e-b0d4-7d1e2f3a4b5c";
    /** How long into the run the running sample is taken: 12 min 04 s. */
    public static final Duration NOW = Duration.ofSeconds(12 * 60 + 4);

    private TimelineSamples() {
    }

    /** The run at {@link #NOW}, still refreshing semantic models, with a fan-out of {@code items} tables. */
    public static RunTimeline running(int items) {
        return new RunTimeline(RUN_ID, RunOrigin.CONSOLE, "DEV", RunState.RUNNING, Optional.of(T0), Optional.empty(),
                Optional.empty(), Optional.of(Duration.ofMinutes(18)), List.of(), Optional.of("ws-dev-0001"),
                List.of(initialisation(), integration(items), transformation(), monitoring(), maintenance(),
                        semanticRefresh()));
    }

    /** A run of one stage holding one fan-out of {@code items} items, each ended after one or two attempts. */
    public static RunTimeline fanOut(int items, RunState state) {
        StepKey fanOut = StepKey.of(INTEGRATION, "Copy source tables");
        StepRow row = Steps.step(T0, fanOut, "ForEach").state(StepState.SUCCEEDED).attempt(0, items + 60L,
                AttemptStatus.SUCCEEDED, null).children(tables(fanOut, items)).build();
        StageLane lane = new StageLane(1, INTEGRATION, StepState.SUCCEEDED, Optional.of(T0),
                Optional.of(T0.plusSeconds(items + 60L)), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(row));
        return new RunTimeline("fan-out-" + items, RunOrigin.CONSOLE, "DEV", state, Optional.of(T0),
                state.isTerminal() ? Optional.of(T0.plusSeconds(items + 60L)) : Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), List.of(lane));
    }

    private static StageLane initialisation() {
        StepRow lookup = Steps.step(T0, StepKey.of(INITIALISATION, "Resolve environment metadata"), "Lookup")
                .state(StepState.SUCCEEDED).attempt(0, 7, AttemptStatus.SUCCEEDED, null).build();
        StepRow ids = Steps.step(T0, StepKey.of(INITIALISATION, "Set workspace ids"), "SetVariable")
                .state(StepState.SUCCEEDED).waited(WaitReason.upstream(List.of("Resolve environment metadata")), 0, 7)
                .attempt(7, 8, AttemptStatus.SUCCEEDED, null).build();
        return lane(1, INITIALISATION, StepState.SUCCEEDED, 0, 8L, Duration.ofSeconds(10), List.of(lookup, ids));
    }

    private static StageLane integration(int items) {
        long fanOutEnd = 240;
        StepRow copy = Steps.step(T0, COPY_TABLES, "ForEach").state(StepState.SUCCEEDED)
                .waited(WaitReason.upstream(List.of("Set workspace ids")), 8, 10)
                .attempt(10, fanOutEnd, AttemptStatus.SUCCEEDED, null)
                .children(tables(COPY_TABLES, items)).build();
        StepRow integrate = Steps.step(T0, StepKey.of(INTEGRATION, "Run integration pipeline"), "InvokePipeline")
                .state(StepState.SUCCEEDED).item("5e0c3a2b-integration")
                .attempt(fanOutEnd, 290, AttemptStatus.SUCCEEDED, "8a7d-4c1e-int-0001")
                .activityRunsNote("activity runs matched by the child pipeline's run id")
                .child(Steps.step(T0, StepKey.of(INTEGRATION, "Run integration pipeline").child("Load staging"),
                        "TridentNotebook").state(StepState.SUCCEEDED)
                        .attempt(245, 280, AttemptStatus.SUCCEEDED, "ar-0001").build())
                .child(Steps.step(T0, StepKey.of(INTEGRATION, "Run integration pipeline").child("Merge customers"),
                        "Copy").state(StepState.SUCCEEDED)
                        .attempt(280, 288, AttemptStatus.SUCCEEDED, "ar-0002").build())
                .build();
        return lane(2, INTEGRATION, StepState.SUCCEEDED, 8, 290L, Duration.ofMinutes(5), List.of(copy, integrate));
    }

    private static List<StepRow> tables(StepKey fanOut, int items) {
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String table = TABLES[i % TABLES.length] + (i < TABLES.length ? "" : "_" + i / TABLES.length);
            long start = 10 + (i / 8) * 3L;
            Steps item = Steps.step(T0, fanOut.item(i, "dbo." + table), "Copy").item("lh-bronze")
                    .waited(WaitReason.slotHeld(List.of(), 8), 10, start);
            if (i % 17 == 5) {
                item.failedAttempt(start, start + 20, "copy-" + i + "-a", "UserErrorSqlOperationFailed",
                        "Timeout expired while reading dbo." + table, "req-" + i)
                        .waited(WaitReason.retryAt(T0.plusSeconds(start + 50), 2, 4), start + 20, start + 50)
                        .attempt(start + 50, start + 71, AttemptStatus.SUCCEEDED, "copy-" + i + "-b");
            } else {
                item.attempt(start, start + 12 + i % 9, AttemptStatus.SUCCEEDED, "copy-" + i);
            }
            rows.add(item.state(StepState.SUCCEEDED).build());
        }
        return rows;
    }

    private static StageLane transformation() {
        StepRow transform = Steps.step(T0, TRANSFORM, "InvokePipeline").state(StepState.SUCCEEDED)
                .item("9f1e2d3c-transformation")
                .failedAttempt(290, 353, "7c2b-dbt-0001", "DbtJobFailed",
                        "dbt run failed: model fct_sales (models/marts/fct_sales.sql) Database Error: "
                                + "column \"net_amount\" does not exist", "0e5d7a61-2b4c-4f9e-9a83-51c2d4e6f708")
                .waited(WaitReason.retryAt(T0.plusSeconds(383), 2, 4), 353, 383)
                .attempt(383, 560, AttemptStatus.SUCCEEDED, "7c2b-dbt-0002").build();
        return lane(3, TRANSFORMATION, StepState.SUCCEEDED, 290, 560L, Duration.ofMinutes(4), List.of(transform));
    }

    private static StageLane monitoring() {
        StepRow check = Steps.step(T0, StepKey.of(MONITORING, "Check load completeness"), "TridentNotebook")
                .state(StepState.SUCCEEDED).item("nb-monitoring-01")
                .attempt(560, 610, AttemptStatus.SUCCEEDED, "nb-run-3141")
                .breach("fct_sales", "row_delta", "31.4", "25")
                .breach("dim_customer", "null_ratio", "0.07", "0.05").build();
        return lane(4, MONITORING, StepState.SUCCEEDED, 560, 610L, Duration.ofMinutes(1), List.of(check));
    }

    private static StageLane maintenance() {
        StepRow skipped = Steps.step(T0, StepKey.of(MAINTENANCE, "Run maintenance if requested"), "IfCondition")
                .state(StepState.SKIPPED).message("run_maintenance is false for this run").build();
        return new StageLane(5, MAINTENANCE, StepState.SKIPPED, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("not flagged for this run"), Optional.empty(), List.of(skipped));
    }

    private static StageLane semanticRefresh() {
        StepRow sales = Steps.step(T0, REFRESH.child("Sales"), "SemanticModelRefresh").state(StepState.SUCCEEDED)
                .item("sm-sales").attempt(612, 655, AttemptStatus.SUCCEEDED, "rf-sales-1").build();
        StepRow finance = Steps.step(T0, FINANCE, "SemanticModelRefresh").state(StepState.FAILED).item("sm-finance")
                .failedAttempt(612, 640, "rf-fin-1", FINANCE_ERROR_CODE,
                        "The refresh of table FactLedger failed: the data source credentials are invalid.",
                        "1a2b3c4d-0000-4000-8000-aaaaaaaaaaaa")
                .waited(WaitReason.retryAt(T0.plusSeconds(670), 2, 2), 640, 670)
                .failedAttempt(670, 700, "rf-fin-2", FINANCE_ERROR_CODE,
                        "The refresh of table FactLedger failed: the data source credentials are invalid.",
                        FINANCE_REQUEST_ID)
                .message("failed after 2 attempts").build();
        StepRow inventory = Steps.step(T0, REFRESH.child("Inventory"), "SemanticModelRefresh")
                .state(StepState.RUNNING).item("sm-inventory").overran(Duration.ofMinutes(1))
                .waited(WaitReason.slotHeld(List.of("Sales", "Finance"), 2), 612, 655)
                .runningAttempt(655, "rf-inv-1").build();
        StepRow operations = Steps.step(T0, OPERATIONS, "SemanticModelRefresh").item("sm-operations")
                .waited(WaitReason.slotHeld(List.of("Sales", "Finance"), 2), 612, 700)
                .waiting(WaitReason.modelBusy("Operations",
                        "Power BI is already refreshing Operations (a scheduled refresh); waiting to attach"), 700)
                .build();
        StepRow refresh = Steps.step(T0, REFRESH, "RefreshConductor").state(StepState.RUNNING)
                .attempt(611, 612, AttemptStatus.SUCCEEDED, null)
                .waited(WaitReason.upstream(List.of("Check load completeness")), 610, 611)
                .children(List.of(sales, finance, inventory, operations)).build();
        return new StageLane(6, SEMANTIC_REFRESH, StepState.RUNNING, Optional.of(T0.plusSeconds(610)),
                Optional.empty(), Optional.of(Duration.ofMinutes(6)), Optional.empty(), Optional.empty(),
                List.of(refresh));
    }

    private static StageLane lane(int number, String name, StepState state, long from, Long to, Duration usual,
                                  List<StepRow> steps) {
        return new StageLane(number, name, state, Optional.of(T0.plusSeconds(from)),
                Optional.ofNullable(to).map(T0::plusSeconds), Optional.of(usual), Optional.empty(), Optional.empty(),
                steps);
    }

    private static final String[] TABLES = {"customers", "orders", "order_lines", "products", "stores", "stock",
        "invoices", "payments", "suppliers", "shipments", "returns", "promotions"};
}
