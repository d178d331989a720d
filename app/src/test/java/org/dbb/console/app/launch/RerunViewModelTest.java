package org.dbb.console.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.engine.RerunOutline;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.plan.RerunMode;

/**
 * The re-run dialog's rules without a toolkit, on runs the engine really failed in the sandbox: one whose
 * transformation failed, one whose HR model failed.
 */
@Timeout(180)
class RerunViewModelTest {

    @TempDir
    static Path temp;
    private static SampleLaunches sample;
    private static RunRecord brokenTransformation;
    private static RunRecord brokenModel;
    private final List<ApprovedLaunch> approved = new ArrayList<>();

    @BeforeAll
    static void failedRuns() throws Exception {
        sample = new SampleLaunches(temp);
        brokenTransformation = sample.finishedRun(SampleLaunches.BROKEN_TRANSFORMATION);
        brokenModel = sample.finishedRun(SampleLaunches.BROKEN_HR_MODEL);
    }

    @AfterAll
    static void close() {
        sample.close();
    }

    private RerunViewModel model(RunRecord original) {
        return new RerunViewModel(sample.launchServices(Runnable::run, Runnable::run), sample.workspace(), original,
                approved::add);
    }

    @Test
    void startsFromTheFailedStageOnlyWithTheOriginalsParametersAndNoOnlyFailedModeWithoutFailedItems() {
        assertThat(brokenTransformation.state()).isEqualTo(RunState.FAILED);
        RerunViewModel model = model(brokenTransformation);

        assertThat(model.titleProperty().get()).isEqualTo("Re-run part of run " + brokenTransformation.runId()
                + " in sandbox");
        assertThat(model.originalRunId()).isEqualTo(brokenTransformation.runId());
        assertThat(model.originalSummaryProperty().get()).startsWith("FAILED at stage Transformation · started ");
        assertThat(model.modeProperty().get()).isEqualTo(RerunMode.STAGE_ONLY);
        assertThat(model.stages()).containsExactly("Initialisation", "Integration", "Transformation", "Monitoring",
                "Maintenance", "Semantic refresh");
        assertThat(model.stageProperty().get()).isEqualTo("Transformation");
        assertThat(model.onlyFailedAvailable()).isFalse();
        assertThat(model.form().field("environment").textProperty().get()).isEqualTo("sandbox");
        assertThat(model.canPreviewProperty().get()).isTrue();

        model.modeProperty().set(RerunMode.ONLY_FAILED);
        assertThat(model.modeMessageProperty().get()).contains("has no failed semantic models or fan-out items");
        assertThat(model.stageChoosableProperty().get()).isFalse();
        assertThat(model.canPreviewProperty().get()).isFalse();
    }

    @Test
    void previewShowsTheEarlierStagesReusedTheFailedStageRunAgainAndTheLaterOnesSkipped() {
        RerunViewModel model = model(brokenTransformation);

        model.preview();

        PlanPreview preview = model.planPreview();
        assertThat(preview.stateProperty().get()).as(preview.problems() + preview.progressProperty().get())
                .isEqualTo(PreviewState.READY);
        assertThat(preview.stages()).extracting(PlanNode::fate).containsExactly(
                Optional.of(RerunOutline.Fate.REUSED), Optional.of(RerunOutline.Fate.REUSED),
                Optional.of(RerunOutline.Fate.RUNS), Optional.of(RerunOutline.Fate.SKIPPED),
                Optional.of(RerunOutline.Fate.SKIPPED), Optional.of(RerunOutline.Fate.SKIPPED));
        assertThat(preview.stages().get(0).detail()).isEqualTo("reused from run " + brokenTransformation.runId());
        assertThat(preview.summaryProperty().get()).contains("Initialisation, Integration: reused from run "
                + brokenTransformation.runId()).contains("Transformation: runs again");
        assertThat(preview.planTextProperty().get()).contains("re-run    stage only 'Transformation' of run "
                + brokenTransformation.runId());
        assertThat(model.canRerunProperty().get()).isTrue();

        model.modeProperty().set(RerunMode.FROM_STAGE);
        assertThat(model.canRerunProperty().get()).isFalse();
        model.preview();
        assertThat(preview.stages()).extracting(PlanNode::fate).containsExactly(
                Optional.of(RerunOutline.Fate.REUSED), Optional.of(RerunOutline.Fate.REUSED),
                Optional.of(RerunOutline.Fate.RUNS), Optional.of(RerunOutline.Fate.RUNS),
                Optional.of(RerunOutline.Fate.RUNS), Optional.of(RerunOutline.Fate.RUNS));
        model.close();
    }

    @Test
    void aRunWithAFailedModelOffersOnlyFailedAndItsPreviewRunsOnlyWhatDidNotSucceed() {
        RerunViewModel model = model(brokenModel);

        assertThat(model.stageProperty().get()).isEqualTo("Semantic refresh");
        assertThat(model.onlyFailedAvailable()).isTrue();
        assertThat(model.failedItems()).containsExactly("Refresh semantic models/HR");
        model.modeProperty().set(RerunMode.ONLY_FAILED);
        assertThat(model.modeMessageProperty().get()).isEmpty();

        model.preview();

        assertThat(model.planPreview().stateProperty().get()).isEqualTo(PreviewState.READY);
        assertThat(model.planPreview().stages().get(5).fate()).contains(RerunOutline.Fate.RUNS_FAILED_ONLY);
        assertThat(model.request().rerun().orElseThrow().stage()).isEmpty();
        model.close();
    }

    @Test
    void overriddenParametersAreLaidOverTheOriginalsAndTheReRunIsRecordedWithItsReason() throws Exception {
        RerunViewModel model = model(brokenTransformation);
        model.form().field("retention_days").textProperty().set("forty");
        assertThat(model.canPreviewProperty().get()).isFalse();
        model.form().field("retention_days").textProperty().set("45");
        model.reasonProperty().set("dbt fix deployed");
        model.preview();

        model.rerun();

        assertThat(approved).singleElement().satisfies(a -> {
            assertThat(a.request().rerun().orElseThrow().originalRunId()).isEqualTo(brokenTransformation.runId());
            assertThat(a.request().parameters().get("retention_days").intValue()).isEqualTo(45);
            assertThat(a.reason()).contains("dbt fix deployed");
        });
        assertThat(model.launchedProperty().get()).isTrue();
        try (var prepared = approved.get(0).prepared()) {
            RunHandle handle = prepared.start(RunListener.none());
            handle.cancel();
            handle.completion().get(60, TimeUnit.SECONDS);
            assertThat(sample.services().auditTrail().entries(Optional.empty(), Optional.empty()))
                    .filteredOn(e -> e.runId().equals(Optional.of(handle.runId()))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.action()).isEqualTo(AuditAction.RERUN);
                        assertThat(e.subject()).isEqualTo("run " + brokenTransformation.runId()
                                + ": stage Transformation");
                        assertThat(e.reason()).contains("dbt fix deployed");
                    });
        }
    }

    @Test
    void theOriginalRunsLinkLeadsWhereTheWindowSaysAndARunningRunCannotBeReRun() {
        RerunViewModel model = model(brokenTransformation);
        List<String> opened = new ArrayList<>();
        assertThat(model.canOpenOriginal()).isFalse();
        model.onOpenOriginal(opened::add);

        model.openOriginal();

        assertThat(opened).containsExactly(brokenTransformation.runId());
        RunRecord running = new RunRecord("run-x", brokenTransformation.request(), "sandbox",
                brokenTransformation.stageNames(), Optional.empty(), RunState.RUNNING,
                brokenTransformation.createdAt(), Optional.empty(), java.util.Map.of(), java.util.Map.of());
        assertThatThrownBy(() -> model(running)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a run that ended can be re-run");
    }
}
