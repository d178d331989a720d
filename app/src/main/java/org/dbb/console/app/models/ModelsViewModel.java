package org.dbb.console.app.models;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.shell.RefreshChoice;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.fabric.powerbi.RefreshHistoryEntry;
import org.dbb.console.core.fabric.powerbi.RefreshState;
import org.dbb.console.core.plan.CapSource;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.PlanException;
import org.dbb.console.core.plan.RefreshDefaults;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.edit.ConsoleSettingsEditor;
import org.dbb.console.core.workspace.config.edit.SettingsChange;

/**
 * The Models page: the selected environment's semantic models as a searchable checklist with their targets and
 * latest Power BI refresh, the refresh concurrency cap with what it means for the capacity, and — while a run is
 * active — the run's refresh conductor. The selection and cap become the session's {@link RefreshChoice}; moving
 * the cap during a run changes the run's cap and is audited. The selection is saved per workspace × environment
 * in the {@link ModelSelectionStore} as the operator changes it and restored when the environment's models are
 * shown again; saved models that no longer exist are dropped with a note. Network, database and file work runs on the
 * background executor and comes back through one {@link FxBatcher}; every property changes on the FX executor.
 * Call commands on the FX thread.
 */
public final class ModelsViewModel {

    private static final DateTimeFormatter ENDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final ConsoleSession session;
    private final ModelsLoader loader;
    private final InterventionRecorder interventions;
    private final ConsoleSettingsEditor settingsEditor;
    private final ModelSelectionStore selections;
    private final Dialogs dialogs;
    private final Executor background;
    private final FxBatcher<Runnable> toFx;
    private final Clock clock;
    private final ZoneId zone;
    /** Which load is current; results of an older one are dropped. */
    private final AtomicInteger generation = new AtomicInteger();

    // Properties
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableList<ModelRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ModelRow> shownRows = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper(this, "selectionSummary", "");
    private final ReadOnlyStringWrapper selectionWarning = new ReadOnlyStringWrapper(this, "selectionWarning", "");
    private final ReadOnlyStringWrapper selectionNote = new ReadOnlyStringWrapper(this, "selectionNote", "");
    private final IntegerProperty cap = new SimpleIntegerProperty(this, "cap", 1);
    private final ReadOnlyIntegerWrapper maxCap = new ReadOnlyIntegerWrapper(this, "maxCap", 1);
    private final ReadOnlyStringWrapper defaultCapText = new ReadOnlyStringWrapper(this, "defaultCapText", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyBooleanWrapper canSaveDefault = new ReadOnlyBooleanWrapper(this, "canSaveDefault");
    private final ReadOnlyBooleanWrapper runActive = new ReadOnlyBooleanWrapper(this, "runActive");
    private final ReadOnlyStringWrapper runStatus = new ReadOnlyStringWrapper(this, "runStatus", "");
    private final ObservableList<ConductorRow> conductorRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper slots = new ReadOnlyStringWrapper(this, "slots", "");

    // State of the shown environment and run (FX thread only)
    private Optional<RefreshDefaults> defaults = Optional.empty();
    private String shownEnvironment;
    private int defaultCap = 1;
    /** The cap the active run works with, as this page last set or read it; 0 when unknown. */
    private int runCap;
    private boolean bulkSelection;

    /**
     * @param session    the window's shared state: workspace, environment, refresh choice, active run and timeline
     * @param loader     reads the environment's models and refresh history (network)
     * @param settingsEditor writes {@code refresh.concurrency} to {@code dbb-console.yml}
     * @param selections keeps the selection of each workspace × environment between sessions
     * @param background runs network, database and file work
     * @param fx         the FX executor ({@link org.dbb.console.app.fx.FxExecutor}; a direct one in tests)
     * @param clock      the time elapsed refreshes are measured against
     * @param zone       the zone end times are shown in
     */
    public ModelsViewModel(ConsoleSession session, ModelsLoader loader, InterventionRecorder interventions,
                           ConsoleSettingsEditor settingsEditor, ModelSelectionStore selections, Dialogs dialogs,
                           Executor background, Executor fx, Clock clock, ZoneId zone) {
        this.session = Objects.requireNonNull(session, "session");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.interventions = Objects.requireNonNull(interventions, "interventions");
        this.settingsEditor = Objects.requireNonNull(settingsEditor, "settingsEditor");
        this.selections = Objects.requireNonNull(selections, "selections");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.toFx = new FxBatcher<>(fx, batch -> batch.forEach(Runnable::run));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        search.addListener((o, was, now) -> shownRows.setPredicate(row -> now == null || now.isBlank()
                || row.name().toLowerCase(Locale.ROOT).contains(now.strip().toLowerCase(Locale.ROOT))));
        cap.addListener((o, was, now) -> capMoved());
        session.workspaceProperty().addListener((o, was, now) -> reload());
        session.environmentProperty().addListener((o, was, now) -> {
            // another environment has other models: the next launch must not inherit this one's choice
            session.refreshChoiceProperty().set(RefreshChoice.DEFAULT);
            reload();
        });
        session.activeRunProperty().addListener((o, was, now) -> runChanged(now));
        session.activeTimelineProperty().addListener((o, was, now) -> showConductor());
        runChanged(session.activeRunProperty().get());
        showConductor();
    }

    // Commands

    /** Reads the selected environment's models and their refresh history again. */
    public void reload() {
        int load = generation.incrementAndGet();
        Workspace workspace = session.workspace();
        String environment = session.environment();
        rows.clear();
        defaults = Optional.empty();
        shownEnvironment = environment;
        canSaveDefault.set(false);
        defaultCapText.set("");
        selectionNote.set("");
        if (workspace == null || environment == null) {
            loading.set(false);
            status.set("Open a workspace and choose an environment to see its semantic models.");
            updateSelection();
            return;
        }
        loading.set(true);
        status.set("Connecting to " + environment + ", looking up its workspace and planning its semantic refresh…");
        background.execute(() -> load(load, workspace, environment));
    }

    /** Selects every model the search shows. */
    public void selectAll() {
        selectShown(true);
    }

    /** Clears the selection of every model the search shows. */
    public void selectNone() {
        selectShown(false);
    }

    /**
     * Takes the cap the operator settled on (the slider was released): it becomes the next launch's cap and, while
     * a run is active, the run's cap at once, recorded in the audit trail.
     */
    public void commitCap() {
        int value = cap.get();
        updateChoice();
        RunHandle run = session.activeRunProperty().get();
        if (run == null || run.state().isTerminal() || value == runCap) {
            return;
        }
        int before = runCap;
        run.setRefreshConcurrency(value);
        runCap = value;
        showRunStatus(run);
        showConductor();
        AuditEntry entry = interventions.entry(runEnvironment(run), AuditAction.CONCURRENCY_CHANGE,
                        "run " + run.runId() + " · semantic refresh concurrency")
                .withChange(before > 0 ? Integer.toString(before) : "the plan's cap", Integer.toString(value))
                .withRun(run.runId());
        status.set("Run " + run.runId() + " now refreshes at most " + value + " at once.");
        background.execute(() -> interventions.tryRecord(entry)
                .ifPresent(warning -> toFx.post(() -> status.set("The cap of run " + run.runId() + " changed to "
                        + value + ", but the audit trail was not written: " + warning))));
    }

    /**
     * Writes the cap as {@code refresh.concurrency} in {@code dbb-console.yml} after the operator confirms, keeping
     * the previous file as a backup and recording the change in the audit trail.
     */
    public void saveCapAsDefault() {
        Workspace workspace = session.workspace();
        String environment = shownEnvironment;
        if (workspace == null || environment == null || defaults.isEmpty()) {
            return;
        }
        int value = cap.get();
        Path file = workspace.settings().file().orElse(workspace.root().resolve(ConsoleSettings.FILE_NAME));
        String precedence = defaults.get().capSource() == CapSource.MASTER_PARAMETER
                ? " For " + environment + " the master pipeline's refresh_concurrency parameter (" + defaultCap
                        + ") comes first, so " + environment + " keeps " + defaultCap + " until parameter.yml"
                        + " stops setting it."
                : "";
        boolean confirmed = dialogs.confirm("Save the refresh concurrency",
                "Write refresh.concurrency: " + value + " to " + file + "?\n\nIt is the console's cap for every"
                        + " environment whose master pipeline gives none (dbb-console.yml has one refresh section"
                        + " for all environments), for runs the console conducts. The previous file is kept as "
                        + file.getFileName() + ".bak." + precedence,
                "Save " + value + " as default");
        if (!confirmed) {
            return;
        }
        status.set("Writing refresh.concurrency: " + value + " to " + file + "…");
        background.execute(() -> save(workspace, environment, value));
    }

    /** Recomputes elapsed times of the conductor view; the view calls it about once a second while a run is on. */
    public void tick() {
        showConductor();
    }

    // Work off the FX thread

    private void load(int load, Workspace workspace, String environment) {
        Optional<List<String>> saved = selections.saved(workspace.root(), environment);
        try (ModelsLookup lookup = loader.open(workspace, environment)) {
            Optional<RefreshDefaults> found = lookup.defaults();
            String endpoint = lookup.endpoint();
            double scale = lookup.timeScale();
            toFx.post(() -> showDefaults(load, workspace, environment, found, scale, saved));
            List<ModelTarget> models = found.map(RefreshDefaults::models).orElse(List.of());
            for (int i = 0; i < models.size() && generation.get() == load; i++) {
                ModelTarget model = models.get(i);
                String progress = "Reading the refresh history of " + model.name() + " (" + (i + 1) + " of "
                        + models.size() + ") from " + endpoint + "…";
                toFx.post(() -> progress(load, progress));
                try {
                    Optional<RefreshHistoryEntry> last = lookup.lastRefresh(model);
                    toFx.post(() -> showHistory(load, model.name(), last));
                } catch (RuntimeException e) {
                    String why = message(e);
                    toFx.post(() -> historyFailed(load, model.name(), why));
                }
            }
            toFx.post(() -> loaded(load, environment, models.size(), endpoint));
        } catch (RuntimeException e) {
            String why = message(e);
            toFx.post(() -> failed(load, environment, why));
        }
    }

    private void save(Workspace workspace, String environment, int value) {
        try {
            SettingsChange change = settingsEditor.setRefreshConcurrency(workspace.root(), value);
            if (!change.changed()) {
                toFx.post(() -> status.set(ConsoleSettings.FILE_NAME + " already sets refresh.concurrency: " + value
                        + "; nothing was written."));
                return;
            }
            Optional<String> warning = interventions.tryRecord(interventions.entry(environment,
                            AuditAction.CONCURRENCY_CHANGE, ConsoleSettings.FILE_NAME + " refresh.concurrency")
                    .withChange(change.before().orElse("not set"), change.after())
                    .withReason("saved as the default from the Models page"));
            String saved = "Saved refresh.concurrency: " + value + " in " + change.file() + " (the previous version"
                    + " is " + change.file().getFileName() + ".bak); plans read it once the workspace is reopened.";
            toFx.post(() -> status.set(warning.map(w -> saved + " The audit trail was not written: " + w)
                    .orElse(saved)));
        } catch (InvalidInputException e) {
            String why = e.problems().stream().map(p -> p.format(workspace.root())).collect(Collectors.joining("\n"));
            toFx.post(() -> {
                status.set("refresh.concurrency was not saved; " + ConsoleSettings.FILE_NAME + " is unchanged.");
                dialogs.showError("Cannot save the refresh concurrency", why);
            });
        }
    }

    // Results, on the FX thread

    private void showDefaults(int load, Workspace workspace, String environment, Optional<RefreshDefaults> found,
                              double scale, Optional<List<String>> saved) {
        if (load != generation.get()) {
            return;
        }
        defaults = found;
        if (found.isEmpty()) {
            maxCap.set(1);
            defaultCapText.set("");
            return;
        }
        RefreshDefaults d = found.get();
        defaultCap = d.cap();
        RefreshChoice choice = session.refreshChoiceProperty().get();
        List<String> names = d.models().stream().map(ModelTarget::name).toList();
        List<String> selection = saved.map(s -> restored(workspace, environment, names, s)).orElse(choice.models());
        bulkSelection = true;
        rows.setAll(d.models().stream().map(m -> row(m, scale, selection)).toList());
        bulkSelection = false;
        maxCap.set(Math.max(Math.max(1, d.models().size()), runCap));
        defaultCapText.set("Default for " + environment + ": " + refreshes(d.cap()) + " at once, from "
                + d.capSource().description() + (d.cap() > d.models().size()
                ? " — more than its " + d.models().size() + " models, so all of them can run together." : "."));
        cap.set(Math.min(maxCap.get(), runActive.get() && runCap > 0 ? runCap : choice.cap().orElse(d.cap())));
        canSaveDefault.set(true);
        updateSelection();
        updateExplanation();
        showConductor();
    }

    /**
     * The saved selection without the models the environment no longer has; when some were dropped, says so and
     * saves what is left.
     */
    private List<String> restored(Workspace workspace, String environment, List<String> models, List<String> saved) {
        List<String> dropped = saved.stream().filter(m -> !models.contains(m)).toList();
        List<String> kept = models.stream().filter(saved::contains).toList();
        if (dropped.isEmpty()) {
            return saved;
        }
        selectionNote.set("The selection saved for " + environment + " named " + ModelSelectionChange.describe(
                dropped) + (dropped.size() == 1 ? ", which is no longer a model" : ", which are no longer models")
                + " of " + environment + "; " + (dropped.size() == 1 ? "it was" : "they were") + " dropped"
                + (kept.isEmpty() ? ", and as none of the saved models is left, every model is selected." : "."));
        selections.saveLater(workspace.root(), environment, kept, background);
        return kept;
    }

    private ModelRow row(ModelTarget model, double scale, List<String> selection) {
        // targets are planned on the environment's clock; operators think in the pipeline's own minutes
        Duration target = Duration.ofNanos(Math.round(model.target().toNanos() / scale));
        ModelRow row = new ModelRow(model.name(), DurationText.of(target));
        row.selectedProperty().set(selection.isEmpty() || selection.contains(model.name()));
        row.selectedProperty().addListener((o, was, now) -> {
            if (!bulkSelection) {
                updateSelection();
                saveSelection();
            }
        });
        return row;
    }

    private void progress(int load, String text) {
        if (load == generation.get()) {
            status.set(text);
        }
    }

    private void showHistory(int load, String model, Optional<RefreshHistoryEntry> last) {
        if (load != generation.get()) {
            return;
        }
        rowNamed(model).ifPresent(row -> {
            if (last.isEmpty()) {
                row.showHistory(ModelRow.HistoryState.NONE, "never refreshed", "", "");
                return;
            }
            RefreshHistoryEntry entry = last.get();
            String kind = " (" + entry.refreshType() + ")";
            String end = entry.endTime().map(t -> ENDED.format(t.atZone(zone))).orElse("");
            String took = entry.startTime().map(s -> DurationText.of(Duration.between(s,
                    entry.endTime().orElse(clock.instant())))).orElse("");
            if (entry.isRunning()) {
                row.showHistory(ModelRow.HistoryState.RUNNING, "refreshing now" + kind, end, took + " so far");
            } else if (entry.state() == RefreshState.COMPLETED) {
                row.showHistory(ModelRow.HistoryState.COMPLETED, "completed" + kind, end, took);
            } else {
                String error = entry.serviceExceptionJson().map(j -> ": " + j).orElse("");
                row.showHistory(ModelRow.HistoryState.FAILED, entry.state().wireName().toLowerCase(Locale.ROOT)
                        + kind + error, end, took);
            }
        });
    }

    private void historyFailed(int load, String model, String why) {
        if (load == generation.get()) {
            rowNamed(model).ifPresent(row -> row.showHistory(ModelRow.HistoryState.UNAVAILABLE,
                    "history unavailable: " + why, "", ""));
        }
    }

    private void loaded(int load, String environment, int models, String endpoint) {
        if (load != generation.get()) {
            return;
        }
        loading.set(false);
        if (defaults.isEmpty()) {
            status.set("The master pipeline of " + environment + " has no semantic refresh step the console"
                    + " conducts, so there are no models to choose.");
            return;
        }
        long unavailable = rows.stream().filter(r -> r.historyProperty().get() == ModelRow.HistoryState.UNAVAILABLE)
                .count();
        status.set(models + (models == 1 ? " semantic model" : " semantic models") + " in " + environment
                + "; refresh history from " + endpoint
                + (unavailable == 0 ? "." : " (" + unavailable + " could not be read)."));
    }

    private void failed(int load, String environment, String why) {
        if (load != generation.get()) {
            return;
        }
        loading.set(false);
        status.set("The models of " + environment + " could not be read: " + why);
        updateSelection();
    }

    // Selection and cap

    private void selectShown(boolean selected) {
        bulkSelection = true;
        shownRows.forEach(row -> row.selectedProperty().set(selected));
        bulkSelection = false;
        updateSelection();
        saveSelection();
    }

    /** Saves the operator's selection for the shown workspace × environment, in the background. */
    private void saveSelection() {
        Workspace workspace = session.workspace();
        if (workspace == null || shownEnvironment == null || defaults.isEmpty() || rows.isEmpty()) {
            return;
        }
        selections.saveLater(workspace.root(), shownEnvironment, chosenModels(), background);
    }

    /** The models the next launch refreshes: empty for every model (also when none is ticked). */
    private List<String> chosenModels() {
        List<String> chosen = rows.stream().filter(ModelRow::isSelected).map(ModelRow::name).toList();
        return chosen.size() == rows.size() || chosen.isEmpty() ? List.of() : chosen;
    }

    private void updateSelection() {
        long chosen = rows.stream().filter(ModelRow::isSelected).count();
        selectionSummary.set(rows.isEmpty() ? "" : chosen + " of " + rows.size() + " models");
        selectionWarning.set(!rows.isEmpty() && chosen == 0
                ? "No model selected: a launch refreshes every model unless you pick at least one." : "");
        updateChoice();
        updateExplanation();
    }

    private void capMoved() {
        updateExplanation();
        updateChoice();
    }

    private void updateChoice() {
        if (defaults.isEmpty() || rows.isEmpty()) {
            return;
        }
        List<String> models = chosenModels();
        OptionalInt chosenCap = cap.get() == defaultCap ? OptionalInt.empty() : OptionalInt.of(cap.get());
        session.refreshChoiceProperty().set(new RefreshChoice(models, chosenCap));
    }

    private void updateExplanation() {
        long chosen = rows.stream().filter(ModelRow::isSelected).count();
        explanation.set(defaults.isEmpty() && runCap == 0 ? ""
                : CapacityExplanation.of(cap.get(), (int) (chosen == 0 ? rows.size() : chosen),
                        defaults.flatMap(RefreshDefaults::capacityId)));
    }

    // The active run

    private void runChanged(RunHandle run) {
        runActive.set(run != null);
        if (run == null) {
            runCap = 0;
            runStatus.set("No run is active: the models and cap apply to the next launch.");
            showConductor();
            return;
        }
        runCap = run.refreshConcurrency().orElse(0);
        if (runCap > 0) {
            maxCap.set(Math.max(maxCap.get(), runCap));
            cap.set(runCap);
        }
        showRunStatus(run);
        showConductor();
    }

    private void showRunStatus(RunHandle run) {
        runStatus.set("Run " + run.runId() + " is active: releasing the slider changes its refresh cap at once"
                + (runCap > 0 ? " (now " + runCap + ")." : "."));
    }

    private String runEnvironment(RunHandle run) {
        RunTimeline timeline = session.activeTimelineProperty().get();
        return timeline != null && timeline.runId().equals(run.runId()) ? timeline.environment()
                : Objects.requireNonNullElse(session.environment(), "unknown");
    }

    private void showConductor() {
        RunTimeline timeline = session.activeTimelineProperty().get();
        if (timeline == null) {
            conductorRows.clear();
            slots.set("");
            return;
        }
        ConductorRows.Conductor conductor = ConductorRows.of(timeline, defaults, clock.instant());
        conductorRows.setAll(conductor.rows());
        boolean live = runActive.get() && !timeline.state().isTerminal();
        if (conductor.rows().isEmpty()) {
            slots.set("Run " + timeline.runId() + " has not reached its semantic refresh yet.");
        } else if (live && runCap > 0) {
            slots.set(conductor.inFlight() + " of " + runCap + (runCap == 1 ? " slot" : " slots") + " busy");
        } else {
            slots.set(conductor.inFlight() + " refreshing · run " + timeline.runId() + " "
                    + timeline.state().name().toLowerCase(Locale.ROOT));
        }
    }

    private Optional<ModelRow> rowNamed(String model) {
        return rows.stream().filter(r -> r.name().equals(model)).findFirst();
    }

    private static String refreshes(int n) {
        return n == 1 ? "1 refresh" : n + " refreshes";
    }

    private static String message(RuntimeException e) {
        if (e instanceof PlanException plan) {
            return plan.problems().stream().map(p -> p.message()).collect(Collectors.joining("; "));
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(p -> p.message()).collect(Collectors.joining("; "));
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // Property accessors

    /** What the page is waiting for, or how the last load or change went. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Every model of the environment. */
    public ObservableList<ModelRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The models the search shows. */
    public ObservableList<ModelRow> shownRows() {
        return shownRows;
    }

    /** Filters the checklist by name, ignoring case. */
    public StringProperty searchProperty() {
        return search;
    }

    /** E.g. {@code 5 of 7 models}. */
    public ReadOnlyStringProperty selectionSummaryProperty() {
        return selectionSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionWarningProperty() {
        return selectionWarning.getReadOnlyProperty();
    }

    /** What happened to the saved selection when it was restored (saved models that no longer exist); or empty. */
    public ReadOnlyStringProperty selectionNoteProperty() {
        return selectionNote.getReadOnlyProperty();
    }

    /** The cap on the slider; changes while dragging, taken by {@link #commitCap()} on release. */
    public IntegerProperty capProperty() {
        return cap;
    }

    public ReadOnlyIntegerProperty maxCapProperty() {
        return maxCap.getReadOnlyProperty();
    }

    /** The environment's default cap and where it comes from. */
    public ReadOnlyStringProperty defaultCapTextProperty() {
        return defaultCapText.getReadOnlyProperty();
    }

    /** What the cap on the slider means for the capacity. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveDefaultProperty() {
        return canSaveDefault.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runActiveProperty() {
        return runActive.getReadOnlyProperty();
    }

    /** Whether a run is active and what the slider does to it. */
    public ReadOnlyStringProperty runStatusProperty() {
        return runStatus.getReadOnlyProperty();
    }

    /** The active (or last) run's models in its refresh conductor. */
    public ObservableList<ConductorRow> conductorRows() {
        return FXCollections.unmodifiableObservableList(conductorRows);
    }

    /** E.g. {@code 3 of 3 slots busy}. */
    public ReadOnlyStringProperty slotsProperty() {
        return slots.getReadOnlyProperty();
    }
}
