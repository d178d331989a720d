package org.dbb.console.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.shell.RefreshChoice;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;
import org.dbb.console.core.fabric.powerbi.RefreshHistoryEntry;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.RefreshDefaults;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.timeline.AttemptSpan;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.StepRow;
import org.dbb.console.core.workspace.Workspace;

/**
 * The Models page's view model on the sample workspace's sandbox: the real loader, planner and Power BI client
 * against the in-process emulator, a real run for cap changes, the real audit trail and settings file. Work the
 * view model hands to its executors runs on the calling thread, so each command has finished when it returns.
 */
@Timeout(60)
class ModelsViewModelTest {

    /** Sales is being refreshed by its schedule; HR's scheduled refresh ended just after the emulator started. */
    private static final String LISTING = """
            version: 1
            timeScale: 0.001
            defaults: {queueSeconds: 1, jobSeconds: 5, refreshSeconds: 5, pollSeconds: 1}
            models:
              Sales: {busy: {startAfterSeconds: 0, seconds: 1000000}}
              HR: {busy: {startAfterSeconds: 0, seconds: 1}}
            """;

    /** Refreshes that take minutes of real time, so a run's conductor can be watched and steered. */
    private static final String SLOW_REFRESHES = """
            version: 1
            timeScale: 0.001
            defaults: {queueSeconds: 1, jobSeconds: 5, refreshSeconds: 300000, pollSeconds: 1}
            """;

    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path temp;

    private ConsoleServices services;
    private Workspace workspace;
    private final ConsoleSession session = new ConsoleSession();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private InterventionRecorder interventions;
    private Path selectionsFile;

    @BeforeEach
    void sample() {
        Path root = temp.resolve("dbb");
        new SampleWorkspace().exportTo(root);
        services = new ConsoleServices(new DataDirectories(temp.resolve("data")), name -> null,
                Optional.of(temp.resolve("data/console.db")));
        workspace = services.workspaceLoader().open(root);
        interventions = new InterventionRecorder(services::auditTrail, services.clock(), "ops", warning -> { });
        selectionsFile = temp.resolve("data").resolve(ModelSelectionStore.FILE_NAME);
    }

    /** A store over the data folder's file, as a console started anew reads it. */
    private ModelSelectionStore selections() {
        return new ModelSelectionStore(selectionsFile, new AtomicFileWriter());
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Scenario scenario(String yaml) {
        return services.scenarioReader().parse(temp.resolve("scenario.yml"), yaml);
    }

    private ModelsLoader loader(String scenario) {
        Scenario played = scenario(scenario);
        return new FabricModelsLoader(services::runLauncher,
                () -> new SandboxOptions(Optional.empty(), Optional.of(played)), "ops");
    }

    private ModelsViewModel model(ModelsLoader loader, Clock clock) {
        return model(loader, clock, session);
    }

    private ModelsViewModel model(ModelsLoader loader, Clock clock, ConsoleSession in) {
        ModelsViewModel model = new ModelsViewModel(in, loader, interventions, services.consoleSettingsEditor(),
                selections(), dialogs, DIRECT, DIRECT, clock, ZoneOffset.UTC);
        in.workspaceProperty().set(workspace);
        in.environmentProperty().set("sandbox");
        return model;
    }

    private ModelsViewModel loaded() {
        return model(loader(LISTING), Clock.systemUTC());
    }

    private static ModelRow row(ModelsViewModel model, String name) {
        return model.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsTheSandboxModelsWithTheirTargetsLastRefreshAndThePlansDefaultCap() {
        ModelsViewModel model = loaded();

        assertThat(model.rows()).extracting(ModelRow::name).containsExactly("Sales", "Finance", "Inventory",
                "Customer360", "Operations", "HR");
        assertThat(row(model, "Finance").target()).isEqualTo("15 min");
        assertThat(row(model, "Sales").target()).isEqualTo("20 min");
        assertThat(row(model, "Sales").lastStatusProperty().get()).isEqualTo("refreshing now (Scheduled)");
        assertThat(row(model, "Sales").historyProperty().get()).isEqualTo(ModelRow.HistoryState.RUNNING);
        assertThat(row(model, "HR").lastStatusProperty().get()).isEqualTo("completed (Scheduled)");
        assertThat(row(model, "HR").lastEndProperty().get()).isNotEmpty();
        assertThat(row(model, "Finance").lastStatusProperty().get()).isEqualTo("never refreshed");
        assertThat(model.capProperty().get()).isEqualTo(2);
        assertThat(model.maxCapProperty().get()).isEqualTo(6);
        assertThat(model.defaultCapTextProperty().get()).isEqualTo("Default for sandbox: 2 refreshes at once, from"
                + " the master pipeline's refresh_concurrency parameter (parameter.yml / its default value).");
        assertThat(model.selectionSummaryProperty().get()).isEqualTo("6 of 6 models");
        assertThat(model.statusProperty().get()).startsWith("6 semantic models in sandbox; refresh history from"
                + " the sandbox emulator at http://127.0.0.1:");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(session.refreshChoiceProperty().get()).isEqualTo(RefreshChoice.DEFAULT);
    }

    @Test
    void searchFiltersTheChecklistAndSelectNoneThenOneModelBecomesTheSessionChoice() {
        ModelsViewModel model = loaded();

        model.searchProperty().set("IN");
        assertThat(model.shownRows()).extracting(ModelRow::name).containsExactly("Finance", "Inventory");
        model.searchProperty().set("");
        model.selectNone();
        assertThat(model.selectionSummaryProperty().get()).isEqualTo("0 of 6 models");
        assertThat(model.selectionWarningProperty().get()).contains("refreshes every model");
        row(model, "HR").selectedProperty().set(true);

        assertThat(model.selectionSummaryProperty().get()).isEqualTo("1 of 6 models");
        assertThat(model.selectionWarningProperty().get()).isEmpty();
        assertThat(session.refreshChoiceProperty().get()).isEqualTo(new RefreshChoice(List.of("HR"),
                OptionalInt.empty()));
        model.selectAll();
        assertThat(session.refreshChoiceProperty().get().models()).isEmpty();
    }

    @Test
    void selectAllActsOnTheModelsTheSearchShows() {
        ModelsViewModel model = loaded();
        model.selectNone();

        model.searchProperty().set("fin");
        model.selectAll();

        assertThat(session.refreshChoiceProperty().get().models()).containsExactly("Finance");
    }

    @Test
    void theSelectionIsSavedAsItChangesAndRestoredWhenTheConsoleOpensTheEnvironmentAgain() throws Exception {
        ModelsViewModel first = loaded();
        first.selectNone();
        row(first, "HR").selectedProperty().set(true);
        row(first, "Finance").selectedProperty().set(true);
        assertThat(selections().saved(workspace.root(), "sandbox")).contains(List.of("Finance", "HR"));

        ConsoleSession reopened = new ConsoleSession();
        ModelsViewModel again = model(loader(LISTING), Clock.systemUTC(), reopened);

        assertThat(again.rows()).filteredOn(ModelRow::isSelected).extracting(ModelRow::name)
                .containsExactly("Finance", "HR");
        assertThat(again.selectionSummaryProperty().get()).isEqualTo("2 of 6 models");
        assertThat(again.selectionNoteProperty().get()).isEmpty();
        assertThat(reopened.refreshChoiceProperty().get().models()).containsExactly("Finance", "HR");
    }

    @Test
    void selectingEveryModelAgainIsSavedAsEveryModel() {
        ModelsViewModel model = loaded();
        model.selectNone();
        row(model, "HR").selectedProperty().set(true);

        model.selectAll();

        assertThat(selections().saved(workspace.root(), "sandbox")).contains(List.of());
        ModelsViewModel again = model(loader(LISTING), Clock.systemUTC(), new ConsoleSession());
        assertThat(again.selectionSummaryProperty().get()).isEqualTo("6 of 6 models");
    }

    @Test
    void savedModelsThatNoLongerExistAreDroppedWithANoteAndTheRestIsRestored() {
        selections().save(workspace.root(), "sandbox", List.of("HR", "Payroll", "Legacy Sales"));

        ModelsViewModel model = loaded();

        assertThat(model.rows()).filteredOn(ModelRow::isSelected).extracting(ModelRow::name).containsExactly("HR");
        assertThat(model.selectionNoteProperty().get()).isEqualTo("The selection saved for sandbox named Payroll,"
                + " Legacy Sales, which are no longer models of sandbox; they were dropped.");
        assertThat(session.refreshChoiceProperty().get().models()).containsExactly("HR");
        assertThat(selections().saved(workspace.root(), "sandbox")).contains(List.of("HR"));
    }

    @Test
    void whenNoSavedModelIsLeftEveryModelIsSelectedAndTheNoteSaysSo() {
        selections().save(workspace.root(), "sandbox", List.of("Payroll"));

        ModelsViewModel model = loaded();

        assertThat(model.selectionSummaryProperty().get()).isEqualTo("6 of 6 models");
        assertThat(model.selectionNoteProperty().get()).isEqualTo("The selection saved for sandbox named Payroll,"
                + " which is no longer a model of sandbox; it was dropped, and as none of the saved models is left,"
                + " every model is selected.");
        assertThat(selections().saved(workspace.root(), "sandbox")).contains(List.of());
    }

    @Test
    void aSelectionSavedForAnotherWorkspaceIsNotRestoredHere() {
        selections().save(temp.resolve("another-repository"), "sandbox", List.of("HR"));

        ModelsViewModel model = loaded();

        assertThat(model.selectionSummaryProperty().get()).isEqualTo("6 of 6 models");
    }

    @Test
    void aCapOtherThanTheDefaultGoesIntoTheChoiceAndTheExplanationFollowsIt() {
        ModelsViewModel model = loaded();

        model.capProperty().set(3);
        assertThat(model.explanationProperty().get()).startsWith("3 refreshes at once:")
                .contains("raises peak capacity use and the chance of throttling", "8 refreshes a day");
        assertThat(session.refreshChoiceProperty().get().cap()).isEqualTo(OptionalInt.of(3));

        model.capProperty().set(1);
        assertThat(model.explanationProperty().get()).startsWith("1 refresh at a time:");
        model.capProperty().set(2);
        assertThat(session.refreshChoiceProperty().get().cap()).isEmpty();
    }

    @Test
    void aCapCoveringEverySelectedModelSaysAHigherOneChangesNothing() {
        ModelsViewModel model = loaded();
        model.selectNone();
        row(model, "Sales").selectedProperty().set(true);
        row(model, "HR").selectedProperty().set(true);

        model.capProperty().set(2);

        assertThat(model.explanationProperty().get()).contains("With 2 models selected, all start together");
    }

    @Test
    void anotherEnvironmentDropsTheChoiceOfThePreviousOneAndSaysWhyItsModelsAreMissing() {
        ModelsLoader sandboxOnly = sandboxOnly(loader(LISTING));
        ModelsViewModel model = model(sandboxOnly, Clock.systemUTC());
        model.selectNone();
        row(model, "HR").selectedProperty().set(true);

        session.environmentProperty().set("DEV");

        assertThat(session.refreshChoiceProperty().get()).isEqualTo(RefreshChoice.DEFAULT);
        assertThat(model.rows()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("The models of DEV could not be read: sign-in required"
                + " for DEV; sign in from the Workspace page");
        assertThat(model.canSaveDefaultProperty().get()).isFalse();
    }

    /** Real tenants are never called from tests: their environments answer as a missing sign-in does. */
    private static ModelsLoader sandboxOnly(ModelsLoader real) {
        return (ws, env) -> {
            if (!env.equals("sandbox")) {
                throw new IllegalStateException("sign-in required for " + env + "; sign in from the Workspace page");
            }
            return real.open(ws, env);
        };
    }

    @Test
    void aModelWhoseHistoryCannotBeReadSaysWhyAndTheOthersStillShow() {
        ModelsLoader real = loader(LISTING);
        ModelsLoader failingForHr = (ws, env) -> {
            ModelsLookup opened = real.open(ws, env);
            return new ModelsLookup() {
                @Override
                public Optional<RefreshDefaults> defaults() {
                    return opened.defaults();
                }

                @Override
                public String endpoint() {
                    return opened.endpoint();
                }

                @Override
                public double timeScale() {
                    return opened.timeScale();
                }

                @Override
                public Optional<RefreshHistoryEntry> lastRefresh(ModelTarget target) {
                    if (target.name().equals("HR")) {
                        throw new UncheckedIOException(new java.io.IOException("connection reset by peer"));
                    }
                    return opened.lastRefresh(target);
                }

                @Override
                public void close() {
                    opened.close();
                }
            };
        };

        ModelsViewModel model = model(failingForHr, Clock.systemUTC());

        assertThat(row(model, "HR").historyProperty().get()).isEqualTo(ModelRow.HistoryState.UNAVAILABLE);
        assertThat(row(model, "HR").lastStatusProperty().get()).isEqualTo("history unavailable:"
                + " java.io.IOException: connection reset by peer");
        assertThat(row(model, "Sales").lastStatusProperty().get()).isEqualTo("refreshing now (Scheduled)");
        assertThat(model.statusProperty().get()).endsWith("(1 could not be read).");
    }

    @Test
    void releasingTheSliderDuringARunChangesTheRunsCapAtOnceAndRecordsItInTheAuditTrail() throws Exception {
        ModelsViewModel model = loaded();
        RunRequest request = new RunRequest("sandbox", java.util.Map.of(), false, Optional.empty(),
                OptionalInt.of(1), RefreshMode.POWER_BI_API, "ops", Optional.empty());
        try (PreparedRun prepared = services.runLauncher().prepare(workspace, request,
                new SandboxOptions(Optional.empty(), Optional.of(scenario(SLOW_REFRESHES))), java.util.Map.of())) {
            FabricEmulator emulator = prepared.connection().emulator().orElseThrow();
            RunHandle run = prepared.start(event -> { });
            try {
                session.activeRunProperty().set(run);
                assertThat(model.capProperty().get()).isEqualTo(1);
                assertThat(model.runStatusProperty().get()).contains("Run " + run.runId() + " is active", "now 1");
                waitUntil(() -> emulator.stats().inFlightRefreshes() == 1, "the first refresh in flight");

                model.capProperty().set(3);
                model.commitCap();

                assertThat(run.refreshConcurrency()).isEqualTo(OptionalInt.of(3));
                waitUntil(() -> emulator.stats().inFlightRefreshes() == 3, "three refreshes in flight");
                List<AuditEntry> entries = services.auditTrail().entries(Optional.empty(), Optional.of("sandbox"));
                assertThat(entries).singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.CONCURRENCY_CHANGE);
                    assertThat(e.before()).contains("1");
                    assertThat(e.after()).contains("3");
                    assertThat(e.runId()).contains(run.runId());
                    assertThat(e.actor()).isEqualTo("ops");
                });

                model.commitCap();
                assertThat(services.auditTrail().entries(Optional.empty(), Optional.empty())).hasSize(1);

                session.activeTimelineProperty().set(timeline(run.runId(), RunState.RUNNING, Instant.now(),
                        List.of(refreshing("Sales", Instant.now()), refreshing("Finance", Instant.now()),
                                refreshing("Inventory", Instant.now()), queued("HR"))));
                assertThat(model.slotsProperty().get()).isEqualTo("3 of 3 slots busy");
            } finally {
                run.cancel();
                run.completion().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void conductorRowsFollowTheActiveTimeline() {
        Instant now = Instant.parse("2026-11-27T06:10:00Z");
        ModelsViewModel model = model(loader(LISTING), Clock.fixed(now, ZoneOffset.UTC));

        session.activeTimelineProperty().set(timeline("20261127-0605-31-a3f9", RunState.RUNNING, now, List.of(
                refreshing("Sales", now.minusMillis(1_000)),
                refreshing("Finance", now.minusMillis(2_000)),
                waiting("Inventory", WaitReason.slotHeld(List.of("Sales", "Finance"), 2)),
                waiting("HR", WaitReason.modelBusy("HR", "HR is being refreshed by Power BI (Scheduled); waiting"
                        + " for it to end")),
                ended("Customer360", StepState.SUCCEEDED, now.minusMillis(10_000), now.minusMillis(9_000),
                        Optional.empty()),
                ended("Operations", StepState.FAILED, now.minusMillis(8_000), now.minusMillis(7_500),
                        Optional.of("ModelRefresh_ShortMessage_ProcessingError: evicted")))));

        assertThat(model.conductorRows()).containsExactly(
                new ConductorRow("Sales", ConductorState.REFRESHING, "attempt 1", "1.0 s", "1.2 s", false),
                new ConductorRow("Finance", ConductorState.REFRESHING, "attempt 1", "2.0 s", "900 ms", true),
                new ConductorRow("Inventory", ConductorState.WAITING,
                        "waiting for one of 2 slots, held by Sales, Finance", "—", "1.5 s", false),
                new ConductorRow("HR", ConductorState.WAITING,
                        "HR is being refreshed by Power BI (Scheduled); waiting for it to end", "—", "1.8 s", false),
                new ConductorRow("Customer360", ConductorState.DONE, "", "1.0 s", "1.8 s", false),
                new ConductorRow("Operations", ConductorState.FAILED,
                        "ModelRefresh_ShortMessage_ProcessingError: evicted", "500 ms", "600 ms", false));
        assertThat(model.conductorRows().get(1).elapsedVsTarget()).isEqualTo("2.0 s of 900 ms  ⚠ over target");
        assertThat(model.slotsProperty().get()).isEqualTo("2 refreshing · run 20261127-0605-31-a3f9 running");
    }

    @Test
    void savingTheCapWritesDbbConsoleYmlKeepsABackupAndRecordsTheChange() throws Exception {
        ModelsViewModel model = loaded();
        Path file = workspace.root().resolve("dbb-console.yml");
        String before = Files.readString(file);
        dialogs.answer(true);

        model.capProperty().set(3);
        model.saveCapAsDefault();

        assertThat(dialogs.asked()).singleElement().asString()
                .contains("refresh.concurrency: 3", "the master pipeline's refresh_concurrency parameter (2) comes"
                        + " first");
        assertThat(TextFile.read(file).text()).isEqualTo(before.replace(
                "  targetMinutes: {Sales: 20, Finance: 15, Inventory: 25}\n",
                "  targetMinutes: {Sales: 20, Finance: 15, Inventory: 25}\n  concurrency: 3\n"));
        assertThat(Files.readString(file.resolveSibling("dbb-console.yml.bak"))).isEqualTo(before);
        assertThat(services.auditTrail().entries(Optional.empty(), Optional.empty())).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.CONCURRENCY_CHANGE);
                    assertThat(e.subject()).isEqualTo("dbb-console.yml refresh.concurrency");
                    assertThat(e.before()).contains("not set");
                    assertThat(e.after()).contains("3");
                    assertThat(e.environment()).isEqualTo("sandbox");
                });
        assertThat(model.statusProperty().get()).startsWith("Saved refresh.concurrency: 3 in ");
    }

    @Test
    void aDeclinedSaveWritesNothing() throws Exception {
        ModelsViewModel model = loaded();
        Path file = workspace.root().resolve("dbb-console.yml");
        String before = Files.readString(file);
        dialogs.answer(false);

        model.capProperty().set(4);
        model.saveCapAsDefault();

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(file.resolveSibling("dbb-console.yml.bak")).doesNotExist();
        assertThat(services.auditTrail().entries(Optional.empty(), Optional.empty())).isEmpty();
    }

    // Hand-built timelines of the semantic refresh stage

    private static final String STAGE = "Semantic refresh";
    private static final String STEP = "Refresh semantic models";

    private static RunTimeline timeline(String runId, RunState state, Instant start, List<StepRow> models) {
        StepRow parent = new StepRow(StepKey.of(STAGE, STEP), STEP, "ExecutePipeline", StepState.RUNNING,
                Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), models);
        StageLane lane = new StageLane(6, STAGE, StepState.RUNNING, Optional.of(start), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(parent));
        return new RunTimeline(runId, RunOrigin.CONSOLE, "sandbox", state, Optional.of(start), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(lane));
    }

    private static StepRow model(String name, StepState state, Optional<WaitReason> waiting,
                                 List<AttemptSpan> attempts, Optional<String> message) {
        return new StepRow(StepKey.of(STAGE, STEP).child(name), name, "SemanticModelRefresh", state, waiting,
                attempts, List.of(), Optional.empty(), message, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of());
    }

    private static AttemptSpan attempt(Instant start, Optional<Instant> end) {
        return new AttemptSpan(1, start, end, Optional.empty(), Optional.of("refresh-" + start.toEpochMilli()),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static StepRow refreshing(String name, Instant start) {
        return model(name, StepState.RUNNING, Optional.empty(), List.of(attempt(start, Optional.empty())),
                Optional.empty());
    }

    private static StepRow queued(String name) {
        return model(name, StepState.PENDING, Optional.empty(), List.of(), Optional.empty());
    }

    private static StepRow waiting(String name, WaitReason reason) {
        return model(name, StepState.WAITING, Optional.of(reason), List.of(), Optional.empty());
    }

    private static StepRow ended(String name, StepState state, Instant start, Instant end, Optional<String> why) {
        return model(name, state, Optional.empty(), List.of(attempt(start, Optional.of(end))), why);
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Answers confirmations as scripted and remembers what was asked and shown. */
    static final class ScriptedDialogs implements org.dbb.console.app.dialogs.Dialogs {

        private final List<String> asked = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private boolean answer;

        void answer(boolean confirm) {
            this.answer = confirm;
        }

        List<String> asked() {
            return asked;
        }

        List<String> errors() {
            return errors;
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            asked.add(title + "\n" + message + "\n[" + confirmLabel + "]");
            return answer;
        }

        @Override
        public boolean confirmTypedName(String title, String message, String expectedName) {
            asked.add(title + "\n" + message);
            return answer;
        }

        @Override
        public void showError(String title, String message) {
            errors.add(title + "\n" + message);
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterDescription,
                                             String extension) {
            return Optional.empty();
        }
    }
}
