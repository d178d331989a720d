package org.dbb.console.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.shell.RefreshChoice;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;

/**
 * The launch dialog's preview and launch without a toolkit: direct executors and the real launcher against one
 * sandbox emulator for the class (one test starts its own in-process, as the window does by default).
 */
@Timeout(120)
class LaunchPreviewTest {

    private static final Runnable NOTHING = () -> { };

    @TempDir
    static Path shared;
    private static FabricEmulator emulator;
    private static ExecutorService emulatorHandlers;
    private static ScheduledExecutorService emulatorTimers;

    @TempDir
    Path temp;

    private SampleLaunches sample;
    private final List<ApprovedLaunch> approved = new ArrayList<>();

    @BeforeAll
    static void startEmulator() {
        Path root = shared.resolve("emulated");
        new SampleWorkspace().exportTo(root);
        Workspace repo = new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments()))
                .open(root);
        emulatorHandlers = Executors.newFixedThreadPool(4);
        emulatorTimers = Executors.newSingleThreadScheduledExecutor();
        emulator = FabricEmulator.builder(repo)
                .scenario(new ScenarioReader(FabricEmulator.routeKeys()).defaultScenario())
                .handlerExecutor(emulatorHandlers).scheduler(emulatorTimers).build();
        emulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
        emulatorHandlers.shutdownNow();
        emulatorTimers.shutdownNow();
    }

    @BeforeEach
    void sample() {
        sample = new SampleLaunches(temp);
    }

    @AfterEach
    void close() {
        approved.forEach(a -> a.prepared().close());
        sample.close();
    }

    /** A model reaching the sandbox through the class's emulator. */
    private LaunchViewModel model(String environment, RefreshChoice choice) {
        return new LaunchViewModel(sample.launchServices(Runnable::run, Runnable::run)
                .withEmulator(URI.create(emulator.baseUrl())), sample.workspace(), environment, choice,
                approved::add);
    }

    private LaunchViewModel sandbox() {
        return model("sandbox", RefreshChoice.DEFAULT);
    }

    @Test
    void previewPlansAllSixStagesOnAnInProcessSandboxSayingWhatItWaitsForAndEnablesLaunch() {
        LaunchViewModel model = new LaunchViewModel(sample.launchServices(Runnable::run, Runnable::run),
                sample.workspace(), "sandbox", RefreshChoice.DEFAULT, approved::add);
        List<String> progress = new ArrayList<>();
        model.planPreview().progressProperty().addListener((o, was, now) -> progress.add(now));

        model.preview();

        assertThat(model.planPreview().stateProperty().get()).as(model.planPreview().problems().toString())
                .isEqualTo(PreviewState.READY);
        assertThat(progress).anyMatch(p -> p.startsWith("Starting the sandbox emulator and signing in to sandbox"))
                .anyMatch(p -> p.startsWith("Looking up workspace DBB Sandbox in sandbox"))
                .anyMatch(p -> p.startsWith("Planning orchestration_pipeline_DBB for sandbox"));
        assertThat(model.planPreview().stages()).extracting(PlanNode::label).containsExactly(
                "Stage 1 · Initialisation", "Stage 2 · Integration", "Stage 3 · Transformation",
                "Stage 4 · Monitoring", "Stage 5 · Maintenance", "Stage 6 · Semantic refresh");
        List<PlanNode> rows = model.planPreview().stages().stream().flatMap(s -> s.flatten().stream()).toList();
        assertThat(rows).anyMatch(r -> r.kind() == PlanNode.Kind.STEP && r.detail().contains("up to 3 attempts")
                && r.detail().contains("timeout") && r.detail().contains("transformation_pipeline_DBB ("));
        assertThat(rows).filteredOn(r -> r.kind() == PlanNode.Kind.MODEL).extracting(PlanNode::label)
                .containsExactly("Sales", "Finance", "Inventory", "Customer360", "Operations", "HR");
        assertThat(rows).filteredOn(r -> r.kind() == PlanNode.Kind.CAP).singleElement()
                .satisfies(cap -> assertThat(cap.detail()).startsWith("at most 2 at once"));
        assertThat(model.planPreview().planTextProperty().get()).contains("Stage 6 · Semantic refresh");
        assertThat(model.planPreview().summaryProperty().get()).startsWith("6 stages · ")
                .contains("6 models, at most 2 at once");
        assertThat(model.canLaunchProperty().get()).isTrue();
    }

    @Test
    void anyChangeOfInputDropsThePreviewAndLaunchWaitsForANewOne() {
        LaunchViewModel model = sandbox();
        model.preview();
        assertThat(model.canLaunchProperty().get()).isTrue();

        model.form().field("retention_days").textProperty().set("31");
        assertThat(model.planPreview().stateProperty().get()).isEqualTo(PreviewState.NONE);
        assertThat(model.planPreview().stages()).isEmpty();
        assertThat(model.canLaunchProperty().get()).isFalse();

        model.preview();
        model.capProperty().set(3);
        assertThat(model.canLaunchProperty().get()).isFalse();
        model.preview();
        model.models().get(0).selectedProperty().set(false);
        assertThat(model.canLaunchProperty().get()).isFalse();
        model.preview();
        model.maintenanceProperty().set(true);
        assertThat(model.canLaunchProperty().get()).isFalse();
        model.launch();
        assertThat(approved).isEmpty();
    }

    @Test
    void launchHandsThePreviewedRunOverAndRecordsTheLaunchWithItsReasonOnceItStarts() throws Exception {
        LaunchViewModel model = sandbox();
        model.form().field("retention_days").textProperty().set("45");
        model.reasonProperty().set("reload after the ERP outage");
        model.preview();

        model.launch();

        assertThat(approved).hasSize(1);
        assertThat(model.launchedProperty().get()).isTrue();
        assertThat(model.canLaunchProperty().get()).isFalse();
        ApprovedLaunch launch = approved.get(0);
        assertThat(launch.reason()).contains("reload after the ERP outage");
        assertThat(launch.request().parameters().get("retention_days").intValue()).isEqualTo(45);
        assertThat(sample.services().auditTrail().entries(Optional.empty(), Optional.empty())).isEmpty();

        RunHandle handle = launch.prepared().start(RunListener.none());
        handle.cancel();
        assertThat(handle.completion().get(60, TimeUnit.SECONDS).state()).isEqualTo(RunState.CANCELLED);
        List<AuditEntry> trail = sample.services().auditTrail().entries(Optional.empty(), Optional.empty());
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.LAUNCH);
            assertThat(entry.environment()).isEqualTo("sandbox");
            assertThat(entry.subject()).isEqualTo("run " + handle.runId());
            assertThat(entry.runId()).contains(handle.runId());
            assertThat(entry.reason()).contains("reload after the ERP outage");
            assertThat(entry.after()).contains("parameters {retention_days=45}");
        });
        model.close();
        assertThat(launch.prepared().connection().endpointDescription()).contains(emulator.baseUrl());
    }

    @Test
    void aProtectedEnvironmentAsksForItsNameBeforeAnythingIsLookedUp() {
        sample.editSettings(text -> text.replace("    emulator: true", "    emulator: true\n    protected: true"));
        sample.dialogs().typeName("sandbx").typeName("sandbox");
        LaunchViewModel model = sandbox();
        List<String> progress = new ArrayList<>();
        model.planPreview().progressProperty().addListener((o, was, now) -> progress.add(now));

        model.preview();
        assertThat(sample.dialogs().asked()).singleElement().asString().contains("sandbox is a protected"
                + " environment");
        assertThat(model.planPreview().stateProperty().get()).isEqualTo(PreviewState.NONE);
        assertThat(progress).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Nothing was looked up: the name of sandbox was not"
                + " typed.");

        model.preview();
        assertThat(model.planPreview().stateProperty().get()).isEqualTo(PreviewState.READY);
        model.form().field("load_date").textProperty().set("2026-11-27");
        model.preview();
        assertThat(sample.dialogs().asked()).hasSize(2);
        assertThat(model.canLaunchProperty().get()).isTrue();
    }

    @Test
    void planErrorsAreListedWithFileLineAndJsonPathAndNothingCanBeLaunched() {
        sample.edit("fabric/parameter.yml", text -> text.replaceFirst(
                "        - HR\n      \"DEV\":", "        - HR\n        - Ghost\n      \"DEV\":"));
        LaunchViewModel model = sandbox();
        assertThat(model.models()).extracting(ModelChoice::name).contains("Ghost");

        model.preview();

        assertThat(model.planPreview().stateProperty().get()).isEqualTo(PreviewState.FAILED);
        assertThat(model.planPreview().progressProperty().get()).isEqualTo("The plan has errors; nothing was"
                + " started.");
        assertThat(model.planPreview().problems()).anySatisfy(p -> assertThat(p)
                .matches("fabric/orchestration_pipeline_DBB\\.DataPipeline/pipeline-content\\.json:\\d+:\\d+: error:"
                        + " semantic model 'Ghost' is not deployed in workspace 'DBB Sandbox'.*")
                .contains("(at $.properties.activities[").contains(".semantic_models[6])"));
        assertThat(model.planPreview().adviceProperty().get()).contains("Fix the problems listed");
        assertThat(model.canLaunchProperty().get()).isFalse();
    }

    @Test
    void aSignInThatCannotBeDoneSaysWhatToDo() {
        sample.dialogs().typeName("PROD");
        LaunchViewModel model = model("PROD", RefreshChoice.DEFAULT);

        model.preview();

        assertThat(model.planPreview().stateProperty().get()).isEqualTo(PreviewState.FAILED);
        assertThat(model.planPreview().progressProperty().get()).startsWith("Cannot sign in to PROD: ");
        assertThat(model.planPreview().adviceProperty().get()).contains("PROD").endsWith("then preview again.");
        assertThat(model.canLaunchProperty().get()).isFalse();
    }

    @Test
    void previewWorkHappensOnTheBackgroundExecutorAndResultsArriveThroughTheFxExecutor() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        List<Runnable> fxQueue = new ArrayList<>();
        try {
            LaunchViewModel model = new LaunchViewModel(sample.launchServices(background, fxQueue::add)
                    .withEmulator(URI.create(emulator.baseUrl())), sample.workspace(), "sandbox",
                    RefreshChoice.DEFAULT, approved::add);
            assertThat(model.loadedProperty().get()).isFalse();
            assertThat(model.statusProperty().get()).startsWith("Reading the parameters of"
                    + " orchestration_pipeline_DBB for sandbox");
            drain(background, fxQueue);
            assertThat(model.loadedProperty().get()).isTrue();

            model.preview();
            assertThat(model.planPreview().stateProperty().get()).isEqualTo(PreviewState.PREPARING);
            assertThat(model.canPreviewProperty().get()).isFalse();
            drain(background, fxQueue);
            assertThat(model.planPreview().stateProperty().get()).isEqualTo(PreviewState.READY);
            model.close();
            drain(background, fxQueue);
        } finally {
            background.shutdownNow();
        }
    }

    /** Waits for the background work queued so far, then runs what it handed to the FX executor. */
    private static void drain(ExecutorService background, List<Runnable> fxQueue) throws Exception {
        background.submit(NOTHING).get(60, TimeUnit.SECONDS);
        while (!fxQueue.isEmpty()) {
            fxQueue.remove(0).run();
            background.submit(NOTHING).get(60, TimeUnit.SECONDS);
        }
    }
}
