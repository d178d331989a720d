package org.dbb.console.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.app.timeline.TimelineSamples.FINANCE;
import static org.dbb.console.app.timeline.TimelineSamples.FINANCE_ERROR_CODE;
import static org.dbb.console.app.timeline.TimelineSamples.FINANCE_REQUEST_ID;
import static org.dbb.console.app.timeline.TimelineSamples.OPERATIONS;
import static org.dbb.console.app.timeline.TimelineSamples.REFRESH;
import static org.dbb.console.app.timeline.TimelineSamples.T0;
import static org.dbb.console.app.timeline.TimelineSamples.TRANSFORM;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.StepRow;

class StepDetailViewModelTest {

    private static final URI PORTAL = URI.create("https://app.fabric.microsoft.com/groups/ws/items/sm-finance");

    private final MutableClock clock = new MutableClock(T0.plus(TimelineSamples.NOW));
    private final List<URI> opened = new ArrayList<>();
    private final List<String> copied = new ArrayList<>();
    private final StepDetailViewModel model = new StepDetailViewModel(clock,
            step -> step.itemId().filter(id -> id.equals("sm-finance")).map(id -> PORTAL), opened::add, copied::add);
    private final RunTimeline run = TimelineSamples.running(3);

    private String fact(String name) {
        return model.facts().stream().filter(f -> f.name().equals(name)).map(DetailFact::value).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + name + " in " + model.facts()));
    }

    @Test
    void aFailedStepShowsItsLastErrorWithCodeMessageAndRequestId() {
        model.show(run, RowId.step(FINANCE));

        assertThat(model.presentProperty().get()).isTrue();
        assertThat(model.titleProperty().get()).isEqualTo("Finance");
        assertThat(model.stateProperty().get()).isEqualTo(StepState.FAILED);
        assertThat(model.errorPresentProperty().get()).isTrue();
        assertThat(model.errorSourceProperty().get()).isEqualTo("Finance · attempt 2");
        assertThat(model.errorCodeProperty().get()).isEqualTo(FINANCE_ERROR_CODE);
        assertThat(model.requestIdProperty().get()).isEqualTo(FINANCE_REQUEST_ID);
        assertThat(model.errorMessageProperty().get()).contains("credentials are invalid");
    }

    @Test
    void everyAttemptIsListedWithItsTimesDurationAndRefreshId() {
        model.show(run, RowId.step(FINANCE));

        assertThat(model.attempts()).containsExactly(
                new AttemptRow(1, "failed", "09:10:12", "09:10:40", "28 s", "rf-fin-1",
                        FINANCE_ERROR_CODE + ": The refresh of table FactLedger failed: the data source credentials "
                                + "are invalid."),
                new AttemptRow(2, "failed", "09:11:10", "09:11:40", "30 s", "rf-fin-2",
                        FINANCE_ERROR_CODE + ": The refresh of table FactLedger failed: the data source credentials "
                                + "are invalid."));
        assertThat(model.idTitleProperty().get()).isEqualTo("Refresh id");
        assertThat(fact("Attempts")).isEqualTo("2 (1 retry)");
        assertThat(fact("Took")).isEqualTo("1 min 28 s");
        assertThat(fact("Started")).isEqualTo("2026-11-27 09:10:12 GMT");
    }

    @Test
    void aPipelineStepTitlesItsIdsAsJobInstancesAndKeepsTheErrorOfItsFailedAttempt() {
        model.show(run, RowId.step(TRANSFORM));

        assertThat(model.idTitleProperty().get()).isEqualTo("Job instance id");
        assertThat(model.attempts()).extracting(AttemptRow::id).containsExactly("7c2b-dbt-0001", "7c2b-dbt-0002");
        assertThat(model.errorCodeProperty().get()).isEqualTo("DbtJobFailed");
        assertThat(model.errorSourceProperty().get()).isEqualTo("Run transformation pipeline · attempt 1");
    }

    @Test
    void theWaitHistoryCountsAnOpenWaitUpWithTheClock() {
        model.show(run, RowId.step(OPERATIONS));
        assertThat(model.waits()).containsExactly(
                new WaitRow("waiting for one of 2 slots, held by Sales, Finance", "09:10:12", "09:11:40",
                        "1 min 28 s"),
                new WaitRow("Power BI is already refreshing Operations (a scheduled refresh); waiting to attach",
                        "09:11:40", "waiting", "24 s so far"));
        assertThat(fact("Waiting")).startsWith("Power BI is already refreshing Operations");

        clock.advance(Duration.ofSeconds(60));
        model.refresh();

        assertThat(model.waits().get(1).duration()).isEqualTo("1 min 24 s so far");
    }

    @Test
    void aChildPipelineListsItsActivityRunsAndHowTheyWereFound() {
        model.show(run, RowId.step(StepKey.of(TimelineSamples.INTEGRATION, "Run integration pipeline")));

        assertThat(model.childrenTitleProperty().get()).isEqualTo("Activity runs");
        assertThat(model.childrenNoteProperty().get()).isEqualTo("activity runs matched by the child pipeline's run id");
        assertThat(model.children()).containsExactly(
                new ChildRow("Load staging", "TridentNotebook", "succeeded", "09:04:05", "35 s", 1),
                new ChildRow("Merge customers", "Copy", "succeeded", "09:04:40", "8 s", 1));
    }

    @Test
    void aMonitoringNotebookListsItsBreaches() {
        model.show(run, RowId.step(StepKey.of(TimelineSamples.MONITORING, "Check load completeness")));

        assertThat(model.breaches()).containsExactly(
                new BreachRow("row_delta", "fct_sales", "25", "31.4"),
                new BreachRow("null_ratio", "dim_customer", "0.05", "0.07"));
        assertThat(model.errorPresentProperty().get()).isFalse();
    }

    @Test
    void aRefreshPastItsTargetSaysSo() {
        model.show(run, RowId.step(REFRESH.child("Inventory")));

        assertThat(fact("Target")).isEqualTo("1 min — overran (1 min 9 s so far)");
        assertThat(fact("Running for")).isEqualTo("1 min 9 s");
        assertThat(model.stateTextProperty().get()).isEqualTo("running · attempt 1");
    }

    @Test
    void aReusedStepSaysWhichRunItsResultCameFrom() {
        StepRow reused = Steps.step(T0, StepKey.of("Integration", "Copy"), "Copy").state(StepState.SUCCEEDED)
                .reusedFrom("run-0800").attempt(0, 180, AttemptStatus.SUCCEEDED, "j1").build();

        model.show(oneStage(reused, StepState.SUCCEEDED), RowId.step(reused.key()));

        assertThat(fact("Reused from")).isEqualTo("run run-0800 — its result was taken over, nothing ran again");
    }

    @Test
    void aSkippedStepSaysWhy() {
        model.show(run, RowId.step(StepKey.of(TimelineSamples.MAINTENANCE, "Run maintenance if requested")));

        assertThat(fact("Why")).isEqualTo("run_maintenance is false for this run");
        assertThat(model.attempts()).isEmpty();
    }

    @Test
    void aFailedStepWithoutAServiceErrorShowsItsMessage() {
        StepRow failed = Steps.step(T0, StepKey.of("Integration", "Copy"), "Copy").state(StepState.FAILED)
                .attempt(0, 10, AttemptStatus.TIMED_OUT, "j1").message("timed out after 0.00:00:10").build();

        model.show(oneStage(failed, StepState.FAILED), RowId.step(failed.key()));

        assertThat(model.errorPresentProperty().get()).isTrue();
        assertThat(model.errorMessageProperty().get()).isEqualTo("timed out after 0.00:00:10");
        assertThat(model.attempts()).extracting(AttemptRow::status).containsExactly("timed out");
    }

    @Test
    void aStageListsItsStepsAndTheErrorThatStoppedIt() {
        StepRow ok = Steps.step(T0, StepKey.of("Integration", "Copy"), "Copy").state(StepState.SUCCEEDED)
                .attempt(0, 10, AttemptStatus.SUCCEEDED, "j1").build();
        StepRow failed = Steps.step(T0, StepKey.of("Integration", "Load"), "TridentNotebook")
                .state(StepState.FAILED).failedAttempt(10, 20, "j2", "NotebookFailed", "division by zero", "req-9")
                .build();
        StageLane lane = new StageLane(2, "Integration", StepState.FAILED, Optional.of(T0),
                Optional.of(T0.plusSeconds(20)), Optional.of(Duration.ofMinutes(5)), Optional.of("Load failed"),
                Optional.empty(), List.of(ok, failed));

        model.show(run(lane), RowId.stage("Integration"));

        assertThat(model.titleProperty().get()).isEqualTo("2 · Integration");
        assertThat(model.subtitleProperty().get()).isEqualTo("Stage · 2 steps · 1 failed");
        assertThat(model.childrenTitleProperty().get()).isEqualTo("Steps");
        assertThat(model.children()).extracting(ChildRow::name).containsExactly("Copy", "Load");
        assertThat(model.errorSourceProperty().get()).isEqualTo("Load · attempt 1");
        assertThat(model.requestIdProperty().get()).isEqualTo("req-9");
        assertThat(fact("Usually")).isEqualTo("5 min");
        assertThat(fact("Why")).isEqualTo("Load failed");
    }

    @Test
    void thePortalLinkOpensThroughTheLinkOpener() {
        model.show(run, RowId.step(FINANCE));
        assertThat(model.portalLinkProperty().get()).isEqualTo(PORTAL);

        model.openPortal();

        assertThat(opened).containsExactly(PORTAL);
    }

    @Test
    void aStepWithoutAPortalLinkOpensNothing() {
        model.show(run, RowId.step(TRANSFORM));

        model.openPortal();

        assertThat(model.portalLinkProperty().get()).isNull();
        assertThat(opened).isEmpty();
    }

    @Test
    void copyingTheErrorGivesSupportEverythingTheyAskFor() {
        model.show(run, RowId.step(FINANCE));

        model.copyError();

        assertThat(copied).singleElement().isEqualTo("""
                Step: Semantic refresh: Refresh semantic models/Finance
                Attempt: 2
                Error code: ModelRefresh_ShortMessage_ProcessingError
                Message: The refresh of table FactLedger failed: the data source credentials are invalid.
                Request id: 5c1f7b0e-93a1-4c2e-b0d4-7d1e2f3a4b5c
                Job instance id: rf-fin-2
                Run: run-20261127-0900 (DEV)
                """);
    }

    @Test
    void copyingAnIdFromATableCopiesItAndIgnoresBlanks() {
        model.copy("rf-fin-1");
        model.copy(" ");

        assertThat(copied).containsExactly("rf-fin-1");
    }

    @Test
    void nothingIsShownWithoutASelectionOrForARowNoLongerInTheRun() {
        model.show(run, RowId.step(FINANCE));
        model.show(run, null);
        assertThat(model.presentProperty().get()).isFalse();
        assertThat(model.attempts()).isEmpty();

        model.show(run, RowId.step(REFRESH.child("Marketing")));
        assertThat(model.presentProperty().get()).isFalse();
        assertThat(model.errorPresentProperty().get()).isFalse();
    }

    @Test
    void anUnchangedUpdateLeavesTheTablesAlone() {
        model.show(run, RowId.step(FINANCE));
        List<Object> changes = new ArrayList<>();
        model.attempts().addListener((ListChangeListener<AttemptRow>) changes::add);
        model.facts().addListener((ListChangeListener<DetailFact>) changes::add);

        model.show(TimelineSamples.running(3), RowId.step(FINANCE));

        assertThat(changes).isEmpty();
    }

    private static RunTimeline oneStage(StepRow step, StepState state) {
        return run(new StageLane(1, step.key().stage(), state, Optional.of(T0), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(step)));
    }

    private static RunTimeline run(StageLane lane) {
        return new RunTimeline("r", RunOrigin.CONSOLE, "DEV", RunState.RUNNING, Optional.of(T0), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(lane));
    }
}
