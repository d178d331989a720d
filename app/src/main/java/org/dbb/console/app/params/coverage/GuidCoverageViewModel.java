package org.dbb.console.app.params.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.coverage.CoverageReport;
import org.dbb.console.core.workspace.params.coverage.CoverageState;
import org.dbb.console.core.workspace.params.coverage.GuidCoverageScanner;
import org.dbb.console.core.workspace.params.coverage.GuidKind;
import org.dbb.console.core.workspace.params.coverage.GuidOccurrence;

/**
 * The GUID coverage list of the Parameters page: for a chosen environment, the GUIDs in the item files fabric-cicd
 * deploys that neither a {@code parameter.yml} entry nor fabric-cicd itself replaces, grouped by file, each with a
 * way into the page's add-entry form as a {@code find_replace} of that GUID. Reading
 * {@code parameter.yml} (as saved) and scanning run on the background executor; progress and results reach the FX
 * thread through one {@link FxBatcher}. Properties change, and commands must be called, on the FX executor's thread.
 */
public final class GuidCoverageViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(GuidCoverageViewModel.class);

    /** Says what the list leaves out on purpose. */
    public static final String LOGICAL_ID_NOTE = "Not listed: each item's own logicalId in its .platform file —"
            + " fabric-cicd replaces logicalIds with the deployed ids itself.";

    private final ParameterFileValidator validator;
    private final GuidCoverageScanner scanner;
    private final ConsoleSession session;
    private final Executor background;
    private final FxBatcher<Runnable> toFx;

    private final ReadOnlyObjectWrapper<CoverageViewState> state = new ReadOnlyObjectWrapper<>(CoverageViewState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a workspace to check which GUIDs"
            + " its parameter.yml leaves unreplaced.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exclusions = new ReadOnlyStringWrapper(LOGICAL_ID_NOTE);
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final ObjectProperty<String> environment = new SimpleObjectProperty<>(this, "environment");
    private final BooleanProperty hideModelObjectIds = new SimpleBooleanProperty(this, "hideModelObjectIds", true);
    private final BooleanProperty showCovered = new SimpleBooleanProperty(this, "showCovered", false);
    private final ObservableList<CoverageFileGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<String> environmentsView = FXCollections.unmodifiableObservableList(environments);
    private final ObservableList<CoverageFileGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObservableList<String> notesView = FXCollections.unmodifiableObservableList(notes);

    private Optional<CoverageReport> report = Optional.empty();
    private long generation;
    private Optional<BiConsumer<String, String>> entryForm = Optional.empty();

    /**
     * @param validator  reads {@code parameter.yml} as fabric-cicd 1.3.0 would for the environment
     * @param scanner    finds the GUIDs and judges them
     * @param session    the open workspace and the environment selected in the window
     * @param background runs reading and scanning
     * @param fx         the FX thread (a direct executor in tests)
     */
    public GuidCoverageViewModel(ParameterFileValidator validator, GuidCoverageScanner scanner,
                                 ConsoleSession session, Executor background, Executor fx) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.session = Objects.requireNonNull(session, "session");
        this.background = Objects.requireNonNull(background, "background");
        this.toFx = new FxBatcher<>(Objects.requireNonNull(fx, "fx"), batch -> batch.forEach(Runnable::run));
        session.workspaceProperty().addListener((obs, old, now) -> load());
        environment.addListener((obs, old, now) -> refresh());
        hideModelObjectIds.addListener((obs, old, now) -> show());
        showCovered.addListener((obs, old, now) -> show());
    }

    // Commands

    /** Takes the workspace's environments and checks coverage for the window's environment (else the first). */
    public void load() {
        Workspace workspace = session.workspace();
        if (workspace == null) {
            generation++;
            environments.clear();
            groups.clear();
            notes.clear();
            report = Optional.empty();
            summary.set("");
            state.set(CoverageViewState.IDLE);
            status.set("Open a workspace to check which GUIDs its parameter.yml leaves unreplaced.");
            return;
        }
        environments.setAll(workspace.settings().environments().keySet());
        String chosen = session.environment();
        String pick = chosen != null && environments.contains(chosen) ? chosen
                : environments.isEmpty() ? null : environments.get(0);
        if (Objects.equals(pick, environment.get())) {
            refresh();
        } else {
            environment.set(pick);
        }
    }

    /** Reads {@code parameter.yml} again and scans the item files for the chosen environment. */
    public void refresh() {
        long run = ++generation;
        Workspace workspace = session.workspace();
        String env = environment.get();
        if (workspace == null || env == null || env.isBlank()) {
            state.set(CoverageViewState.IDLE);
            groups.clear();
            summary.set("");
            status.set(workspace == null ? "Open a workspace to check which GUIDs its parameter.yml leaves"
                    + " unreplaced." : "Choose the environment to check coverage for.");
            return;
        }
        Path parameterFile = workspace.parameterFile();
        state.set(CoverageViewState.SCANNING);
        status.set("Reading " + parameterFile.getFileName() + " for " + env + " …");
        background.execute(() -> {
            try {
                Outcome outcome = scan(parameterFile, workspace, env, run);
                toFx.post(() -> {
                    if (run == generation) {
                        apply(outcome);
                    }
                });
            } catch (RuntimeException e) {
                LOG.error("GUID coverage failed for {}", env, e);
                toFx.post(() -> {
                    if (run == generation) {
                        state.set(CoverageViewState.FAILED);
                        status.set("Coverage could not be checked: " + e.getClass().getSimpleName() + ": "
                                + e.getMessage() + ". Nothing was written; try again, and report the problem if it"
                                + " persists.");
                    }
                });
            }
        });
    }

    /**
     * Where {@link #addFindReplaceEntry} goes: the page's add-entry form, given the GUID to find and the environment
     * whose replacement value is to be typed. Until it is set no row offers the action.
     */
    public void onAddFindReplaceEntry(BiConsumer<String, String> opener) {
        this.entryForm = Optional.of(Objects.requireNonNull(opener, "opener"));
        show();
    }

    /**
     * Whether {@code row} offers a find_replace entry for its GUID: the GUID is not replaced, and it is not a TMDL
     * object id (those are the same in every workspace, so nothing should replace them).
     */
    public boolean canAddEntry(CoverageRow row) {
        return entryForm.isPresent() && row.uncovered() && row.kind() != GuidKind.MODEL_OBJECT_ID
                && environment.get() != null;
    }

    /**
     * Opens the add-entry form as a {@code find_replace} entry whose find_value is the row's GUID, with the value
     * of the environment checked here left to type; nothing changes until that entry is added and saved.
     */
    public void addFindReplaceEntry(CoverageRow row) {
        if (canAddEntry(row)) {
            entryForm.get().accept(row.guid(), environment.get());
        }
    }

    // Work done off the FX thread

    /** What a scan found, or why it could not be made. */
    private record Outcome(Optional<CoverageReport> report, String refusal) {
    }

    private Outcome scan(Path parameterFile, Workspace workspace, String env, long run) {
        Optional<ParameterFile> parameters = Optional.empty();
        if (Files.exists(parameterFile)) {
            ParameterValidation validation = validator.validate(parameterFile, Optional.of(env),
                    Optional.of(workspace.items()));
            if (validation.file().isEmpty()) {
                Problem first = validation.firstError().orElseThrow();
                return new Outcome(Optional.empty(), "fabric-cicd refuses " + parameterFile.getFileName() + " for "
                        + env + ", so nothing would be replaced: " + first.format(workspace.root()) + ". Fix it"
                        + " (see Problems), save, and check again.");
            }
            parameters = validation.file();
        }
        CoverageReport found = scanner.scan(parameters, workspace.items(), env, sentence -> toFx.post(() -> {
            if (run == generation) {
                status.set(sentence);
            }
        }));
        return new Outcome(Optional.of(found), "");
    }

    // FX-thread state changes

    private void apply(Outcome outcome) {
        report = outcome.report();
        if (report.isEmpty()) {
            groups.clear();
            notes.clear();
            summary.set("");
            state.set(CoverageViewState.FAILED);
            status.set(outcome.refusal());
            return;
        }
        CoverageReport found = report.get();
        notes.setAll(found.notes().stream().map(p -> p.format(found.repositoryDirectory())).toList());
        exclusions.set(LOGICAL_ID_NOTE + " " + found.excludedLogicalIds() + " left out.");
        state.set(CoverageViewState.READY);
        status.set("Checked " + found.filesScanned() + " item files for " + found.environment()
                + (found.parameterFileUsed() ? " with parameter.yml as saved." : "; the repository has no"
                + " parameter.yml."));
        show();
    }

    private void show() {
        if (report.isEmpty()) {
            return;
        }
        CoverageReport found = report.get();
        Map<String, List<CoverageRow>> byFile = new LinkedHashMap<>();
        Map<String, String> items = new LinkedHashMap<>();
        int hiddenTags = 0;
        for (GuidOccurrence o : found.occurrences()) {
            if (!o.uncovered() && !showCovered.get()) {
                continue;
            }
            if (o.kind() == GuidKind.MODEL_OBJECT_ID && hideModelObjectIds.get()) {
                hiddenTags++;
                continue;
            }
            byFile.computeIfAbsent(o.relativePath(), k -> new ArrayList<>()).add(row(o));
            items.putIfAbsent(o.relativePath(), o.item().label());
        }
        List<CoverageFileGroup> shown = new ArrayList<>();
        byFile.forEach((file, rows) -> shown.add(new CoverageFileGroup(file, items.get(file), rows)));
        groups.setAll(shown);
        summary.set(summaryOf(found, hiddenTags));
    }

    private static CoverageRow row(GuidOccurrence o) {
        return new CoverageRow(o.guid(), o.line(), o.column(), o.kind(), o.key().orElse(""), o.contextBefore(),
                o.contextAfter(), o.uncovered(), o.coveredBy().orElse(""), o.hints());
    }

    private String summaryOf(CoverageReport found, int hiddenTags) {
        List<GuidOccurrence> uncovered = found.uncovered().stream()
                .filter(o -> !(hideModelObjectIds.get() && o.kind() == GuidKind.MODEL_OBJECT_ID)).toList();
        long files = uncovered.stream().map(GuidOccurrence::relativePath).distinct().count();
        long byEntries = found.count(CoverageState.PARAMETER_ENTRY);
        long byFabric = found.count(CoverageState.FABRIC_CICD);
        StringBuilder text = new StringBuilder();
        text.append(uncovered.size()).append(uncovered.size() == 1 ? " GUID is" : " GUIDs are")
                .append(" not replaced for ").append(found.environment());
        if (!uncovered.isEmpty()) {
            text.append(" (").append(files).append(files == 1 ? " file)" : " files)");
        }
        text.append(" · ").append(byEntries).append(" replaced by parameter.yml entries · ").append(byFabric)
                .append(" by fabric-cicd itself (logicalId references, all-zero workspace ids)");
        if (hiddenTags > 0) {
            text.append(" · ").append(hiddenTags).append(" TMDL object id").append(hiddenTags == 1 ? "" : "s")
                    .append(" hidden (lineage tags and relationship names are the same in every workspace)");
        }
        return text.toString();
    }

    // Property accessors

    public ReadOnlyObjectProperty<CoverageViewState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One sentence: what is being waited for, or what the list shows. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Counts of unreplaced, entry-replaced and fabric-cicd-replaced GUIDs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the list leaves out on purpose, and how much of it. */
    public ReadOnlyStringProperty exclusionsProperty() {
        return exclusions.getReadOnlyProperty();
    }

    /** The environments of {@code dbb-console.yml}. */
    public ObservableList<String> environments() {
        return environmentsView;
    }

    /** The environment coverage is checked for; changing it starts a new check. */
    public ObjectProperty<String> environmentProperty() {
        return environment;
    }

    /** Whether TMDL object ids (lineage tags, relationship names), the same in every workspace, are left out. */
    public BooleanProperty hideModelObjectIdsProperty() {
        return hideModelObjectIds;
    }

    /** Whether replaced GUIDs are listed too, with what replaces them. */
    public BooleanProperty showCoveredProperty() {
        return showCovered;
    }

    /** The listed GUIDs, grouped by file in repository order. */
    public ObservableList<CoverageFileGroup> groups() {
        return groupsView;
    }

    /** What applying parameter.yml reported (entries that match nothing, unresolved variables…), as file:line. */
    public ObservableList<String> notes() {
        return notesView;
    }
}
