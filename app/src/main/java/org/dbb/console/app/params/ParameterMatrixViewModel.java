package org.dbb.console.app.params;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.edit.CommandLineValue;
import org.dbb.console.core.workspace.params.edit.EditResult;
import org.dbb.console.core.workspace.params.edit.MatrixCell;
import org.dbb.console.core.workspace.params.edit.MatrixRow;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;
import org.dbb.console.core.workspace.params.edit.ParameterMatrix;

/**
 * The parameter.yml matrix page: entries × environments of the open workspace's {@code fabric/parameter.yml},
 * edited cell by cell and column by column through the byte-preserving editor, checked with fabric-cicd 1.3.0's
 * rules (the validator {@code dbb params check} runs) as the operator types, previewed per environment, and saved
 * atomically with a backup and an audit entry. Reading, validating, previewing and saving run on the background
 * executor and come back through one {@link FxBatcher}; properties change and commands must be called on the FX
 * executor's thread.
 */
public final class ParameterMatrixViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterMatrixViewModel.class);

    /** How long typing must pause before the text is checked. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final ParameterEditing core;
    private final ConsoleSession session;
    private final InterventionRecorder audit;
    private final Dialogs dialogs;
    private final Executor background;
    private final DelayedExecutor delayed;
    private final FxBatcher<Runnable> toFx;

    // Properties
    private final ReadOnlyObjectWrapper<MatrixState> state = new ReadOnlyObjectWrapper<>(MatrixState.NO_WORKSPACE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a workspace to edit its"
            + " parameter.yml.");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final ObservableList<EntryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper validating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper inputProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper typingProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> pendingChanges = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<String> checkEnvironment = new SimpleObjectProperty<>(this, "checkEnvironment");
    private final ObjectProperty<String> previewEnvironment = new SimpleObjectProperty<>(this, "previewEnvironment");
    private final ObservableList<PreviewFile> previewFiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper();
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    // One read-only view each: listeners on a wrapper made per call would be lost with the wrapper.
    private final ObservableList<String> environmentsView = FXCollections.unmodifiableObservableList(environments);
    private final ObservableList<EntryRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ProblemRow> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<String> pendingChangesView =
            FXCollections.unmodifiableObservableList(pendingChanges);
    private final ObservableList<PreviewFile> previewFilesView =
            FXCollections.unmodifiableObservableList(previewFiles);

    // The document, touched on the FX thread only
    private Path file;
    private Optional<ItemScan> items = Optional.empty();
    private Map<String, Boolean> protectedEnvironments = Map.of();
    private byte[] savedBytes;
    private TextFile saved;
    private TextFile pending;
    private List<MatrixRow> savedRows = List.of();
    private List<MatrixRow> templateRows = List.of();
    private List<Problem> templateNotes = List.of();
    private final List<PendingEdit> edits = new ArrayList<>();
    private Set<String> pendingErrors = Set.of();
    private ParameterValidation savedCheck;
    private Optional<String> savedCheckRules = Optional.empty();
    private int introducedErrors;
    private String savedNote = "";
    private long loadGeneration;
    private long validationGeneration;
    private long previewGeneration;
    private long judgeGeneration;

    /**
     * @param core       the parameter services
     * @param session    the open workspace and selected environment; the page reloads when the workspace changes
     * @param audit      records saved edits in the audit trail
     * @param dialogs    confirmations and errors
     * @param background runs reading, checking, previewing and saving
     * @param delayed    waits for a pause in typing
     * @param fx         the FX thread (a direct executor in tests)
     */
    public ParameterMatrixViewModel(ParameterEditing core, ConsoleSession session, InterventionRecorder audit,
                                    Dialogs dialogs, Executor background, DelayedExecutor delayed, Executor fx) {
        this.core = Objects.requireNonNull(core, "core");
        this.session = Objects.requireNonNull(session, "session");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.delayed = Objects.requireNonNull(delayed, "delayed");
        this.toFx = new FxBatcher<>(fx, batch -> batch.forEach(Runnable::run));
        session.workspaceProperty().addListener((obs, old, now) -> load());
        checkEnvironment.addListener((obs, old, now) -> validateSoon());
        previewEnvironment.addListener((obs, old, now) -> refreshPreview());
    }

    // Commands

    /** Reads the session's workspace parameter file; without a workspace the page says so. */
    public void load() {
        Workspace workspace = session.workspace();
        if (workspace == null) {
            loadGeneration++;
            clear();
            state.set(MatrixState.NO_WORKSPACE);
            status.set("Open a workspace to edit its parameter.yml.");
            return;
        }
        Map<String, Boolean> guarded = new LinkedHashMap<>();
        for (EnvironmentSettings env : workspace.settings().environments().values()) {
            guarded.put(env.name(), env.protectedEnv());
        }
        open(workspace.parameterFile(), Optional.of(workspace.items()), guarded);
    }

    /**
     * Reads one parameter file, dropping pending edits.
     *
     * @param parameterFile         the file; its folder is fabric-cicd's repository directory
     * @param repositoryItems       the repository's items, for the filter and {@code $items} checks and the preview
     * @param protectedEnvironments environment name → whether saving a change to it needs typed confirmation
     */
    public void open(Path parameterFile, Optional<ItemScan> repositoryItems,
                     Map<String, Boolean> protectedEnvironments) {
        long generation = ++loadGeneration;
        Path target = parameterFile.toAbsolutePath().normalize();
        Optional<String> rulesFor = Optional.ofNullable(checkEnvironment.get());
        state.set(MatrixState.LOADING);
        status.set("Reading " + target.getFileName() + " and its extend templates …");
        fileName.set(target.toString());
        inBackground("reading " + target.getFileName(), () -> {
            Loaded loaded = read(target, repositoryItems, rulesFor);
            toFx.post(() -> {
                if (generation == loadGeneration) {
                    show(target, repositoryItems, Map.copyOf(protectedEnvironments), loaded);
                }
            });
        });
    }

    /**
     * Sets one environment's value of one entry from what the operator typed: find_replace text as typed, other
     * values as YAML ({@code true}, {@code 42}, {@code "text"}, {@code [a, b]}, {@code {type: Workspace, name: P}}).
     * For an entry that uses {@code _ALL_} the environment is its {@code _ALL_} key. A value the editor refuses is
     * not applied; {@link #inputProblemProperty()} then says why, in the validator's words where fabric-cicd would
     * refuse such a file.
     *
     * @return whether the value was applied (or already was the value)
     */
    public boolean commitCell(EntryKey key, String environment, String text) {
        Optional<MatrixRow> row = mainRow(key);
        if (row.isEmpty() || !row.get().editable()) {
            inputProblem.set(row.map(r -> r.template()
                    ? key.label() + " is written in the template " + r.source().getFileName() + "; edit it there"
                    : key.label() + " has no environment mapping to edit; add one by hand first")
                    .orElse(key.label() + " is not in the file"));
            return false;
        }
        Optional<MatrixCell> current = row.get().cell(environment);
        if (current.isPresent() && current.get().editText().equals(text)) {
            inputProblem.set("");
            return true;
        }
        Object value;
        try {
            value = parse(key.kind(), text);
        } catch (InvalidInputException e) {
            inputProblem.set(e.problems().get(0).message());
            return false;
        }
        ParameterFileEdit edit = edit(key, environment, value);
        return apply(new PendingEdit(edit, key.label() + " · " + environment + " = " + text, environment,
                current.map(MatrixCell::editText), Optional.of(text)));
    }

    /**
     * Checks what the operator is typing into a cell once typing pauses, against the same rules as
     * {@link #commitCell}, without changing anything; the outcome arrives in {@link #typingProblemProperty()}.
     */
    public void typing(EntryKey key, String environment, String text) {
        long generation = ++judgeGeneration;
        TextFile base = pending;
        if (base == null) {
            return;
        }
        Set<String> known = pendingErrors;
        Optional<String> rulesFor = Optional.ofNullable(checkEnvironment.get());
        Optional<ItemScan> scan = items;
        Path target = file;
        delayed.schedule(() -> inBackground("checking the value typed", () -> {
            String verdict = judgeTyping(target, base, key, environment, text, known, rulesFor, scan);
            toFx.post(() -> {
                if (generation == judgeGeneration) {
                    typingProblem.set(verdict);
                }
            });
        }), DEBOUNCE);
    }

    /** Forgets the check of what was being typed (the cell editor closed). */
    public void stopTyping() {
        judgeGeneration++;
        typingProblem.set("");
    }

    /**
     * Adds an environment column to every entry that does not use {@code _ALL_}, with each entry's value copied
     * from {@code copyFrom}, or else {@code valueText} (read as YAML) where there is nothing to copy.
     */
    public boolean addEnvironment(String name, Optional<String> copyFrom, Optional<String> valueText) {
        String environment = name == null ? "" : name.strip();
        Optional<String> source = copyFrom.filter(s -> !s.isBlank());
        Optional<String> typed = valueText.filter(s -> !s.isBlank());
        if (source.isEmpty() && typed.isEmpty()) {
            inputProblem.set("Give the new environment '" + environment + "' a value, or an environment to copy"
                    + " each entry's value from.");
            return false;
        }
        Optional<Object> value;
        try {
            value = typed.map(t -> CommandLineValue.parse(file, t));
        } catch (InvalidInputException e) {
            inputProblem.set(e.problems().get(0).message());
            return false;
        }
        return apply(new PendingEdit(new ParameterFileEdit.AddEnvironment(environment, source, value),
                "add environment " + environment + source.map(s -> " (copied from " + s + ")")
                        .orElse(" = " + typed.orElse("")), environment, Optional.empty(), Optional.empty()));
    }

    /** Renames an environment column everywhere it appears. */
    public boolean renameEnvironment(String from, String to) {
        String target = to == null ? "" : to.strip();
        return apply(new PendingEdit(new ParameterFileEdit.RenameEnvironment(from, target),
                "rename environment " + from + " → " + target, from, Optional.of(from), Optional.of(target)));
    }

    /** Removes an environment column from every entry, after the operator confirms. */
    public boolean removeEnvironment(String name) {
        long holders = rows.stream().filter(r -> r.all().isEmpty() && r.cells().stream()
                .anyMatch(c -> c.environment().equals(name) && c.state() != CellState.MISSING)).count();
        if (!dialogs.confirm("Remove environment " + name, "Remove the environment " + name + " and its value from "
                + holders + " entr" + (holders == 1 ? "y" : "ies") + "? Nothing is written until you save.",
                "Remove " + name)) {
            return false;
        }
        return apply(new PendingEdit(new ParameterFileEdit.RemoveEnvironment(name), "remove environment " + name,
                name, Optional.empty(), Optional.empty()));
    }

    /**
     * Applies a change made by one of the page's tools (an entry added or removed) exactly as a cell edit: through
     * the editor on the pending text, listed as pending, checked, previewed and saved with the others.
     *
     * @return whether it was applied; {@link #inputProblemProperty()} says why not
     */
    public boolean propose(PendingEdit change) {
        return apply(change);
    }

    /** The text with the pending edits and what checking a change against it needs; empty until a file is open. */
    public Optional<ParameterDraft> draft() {
        if (pending == null || state.get() != MatrixState.READY) {
            return Optional.empty();
        }
        return Optional.of(new ParameterDraft(file, pending, items, Optional.ofNullable(checkEnvironment.get()),
                pendingErrors));
    }

    /** Drops every pending edit. */
    public void discard() {
        if (saved == null) {
            return;
        }
        pending = saved;
        edits.clear();
        inputProblem.set("");
        afterChange();
    }

    /**
     * Writes the pending edits: replays them on the file as it is on disk, refuses when the file changed there
     * since it was read, writes atomically keeping {@code parameter.yml.bak}, records an audit entry with the
     * reason, and reads the file again. A change to a protected environment needs its name typed first.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Set<String> touched = edits.stream().flatMap(e -> e.touches().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String env : touched) {
            if (protectedEnvironments.getOrDefault(env, false) && !dialogs.confirmTypedName(
                    "Save changes to " + env, env + " is a protected environment. Type its name to save the"
                            + " parameter changes for it.", env)) {
                status.set("Not saved: the change to the protected environment " + env + " was not confirmed.");
                return;
            }
        }
        Path target = file;
        byte[] expected = savedBytes;
        String intended = pending.text();
        List<PendingEdit> replay = List.copyOf(edits);
        String why = reason.get();
        Optional<ItemScan> scan = items;
        Map<String, Boolean> guarded = protectedEnvironments;
        state.set(MatrixState.SAVING);
        status.set("Saving " + target.getFileName() + " (previous version kept as " + target.getFileName()
                + ".bak) …");
        inBackground("saving " + target.getFileName(), () -> {
            Optional<String> failure = write(target, expected, intended, replay, why);
            toFx.post(() -> {
                if (failure.isPresent()) {
                    state.set(MatrixState.READY);
                    status.set("Not saved: " + failure.get());
                    dialogs.showError("parameter.yml was not saved", failure.get());
                    return;
                }
                reason.set("");
                savedNote = "Saved " + replay.size() + " change" + (replay.size() == 1 ? "" : "s") + " to "
                        + target.getFileName() + "; the previous version is " + target.getFileName() + ".bak";
                open(target, scan, guarded);
            });
        });
    }

    // Work done off the FX thread

    /** What reading the file found. */
    private record Loaded(Optional<TextFile> text, byte[] bytes, Optional<ParameterMatrix> matrix,
                          ParameterValidation validation, ParameterValidation savedValidation,
                          Optional<String> rules) {
    }

    private Loaded read(Path target, Optional<ItemScan> scan, Optional<String> rulesFor) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(target);
        } catch (IOException e) {
            // The validator words a missing or unreadable file the way dbb params check does.
            bytes = null;
        }
        if (bytes == null) {
            ParameterValidation missing = core.validator().validate(target, rulesFor, scan);
            return new Loaded(Optional.empty(), new byte[0], Optional.empty(), missing, missing, rulesFor);
        }
        TextFile text;
        try {
            text = TextFile.decode(target, bytes);
        } catch (InvalidInputException e) {
            ParameterValidation unreadable = core.validator().validate(target, rulesFor, scan);
            return new Loaded(Optional.empty(), bytes, Optional.empty(), unreadable, unreadable, rulesFor);
        }
        Optional<ParameterMatrix> matrix;
        try {
            matrix = Optional.of(core.reader().readWithTemplates(text));
        } catch (InvalidInputException e) {
            matrix = Optional.empty();
        }
        ParameterValidation validation = core.validator().validate(target, text.text(), rulesFor, scan);
        return new Loaded(Optional.of(text), bytes, matrix, validation, validation, rulesFor);
    }

    private String judgeTyping(Path target, TextFile base, EntryKey key, String environment, String text,
                               Set<String> known, Optional<String> rulesFor, Optional<ItemScan> scan) {
        Object value;
        try {
            value = parse(key.kind(), text);
        } catch (InvalidInputException e) {
            return e.problems().get(0).message();
        }
        ParameterFileEdit edit = edit(key, environment, value);
        try {
            EditResult result = core.editor().edit(base, edit);
            ParameterValidation check = core.validator().validate(target, result.file().text(), rulesFor, scan);
            return firstNewError(check, known).map(this::formatted).orElse("");
        } catch (InvalidInputException e) {
            return explain(target, base, edit, e, known, rulesFor, scan);
        }
    }

    /**
     * Why the editor refused {@code edit}: the first error fabric-cicd's validation reports for the file as a hand
     * edit would leave it, when there is one, followed by the editor's own reason.
     */
    private String explain(Path target, TextFile base, ParameterFileEdit edit, InvalidInputException refusal,
                           Set<String> known, Optional<String> rulesFor, Optional<ItemScan> scan) {
        String editorReason = refusal.problems().get(0).message();
        Optional<Problem> worded = core.drafts().draft(base, edit)
                .flatMap(draft -> firstNewError(core.validator().validate(target, draft, rulesFor, scan), known));
        return worded.map(p -> formatted(p) + "\nNot changed: " + editorReason).orElse(editorReason);
    }

    private static Optional<Problem> firstNewError(ParameterValidation check, Set<String> known) {
        return check.errors().stream().filter(p -> !known.contains(p.message())).findFirst();
    }

    private Optional<String> write(Path target, byte[] expected, String intended, List<PendingEdit> replay,
                                   String why) {
        byte[] now;
        try {
            now = Files.readAllBytes(target);
        } catch (IOException e) {
            return Optional.of("cannot read " + target + " again before writing (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); nothing was written");
        }
        if (!Arrays.equals(now, expected)) {
            return Optional.of(target.getFileName() + " changed on disk since it was read (another program or a"
                    + " git pull); nothing was written. Discard your edits and reload to see the new file, then make"
                    + " them again.");
        }
        TextFile text = TextFile.decode(target, now);
        try {
            for (PendingEdit edit : replay) {
                text = core.editor().edit(text, edit.edit()).file();
            }
            if (!text.text().equals(intended)) {
                return Optional.of("replaying the edits on the file did not give the text shown; nothing was"
                        + " written, reload and make the edits again");
            }
            core.writer().write(target, text.toBytes());
        } catch (InvalidInputException e) {
            return Optional.of(e.problems().get(0).format(target.getParent()) + "; nothing was written");
        }
        AuditEntry entry = audit.parameterEdit(target, auditEnvironment(replay),
                replay.stream().map(PendingEdit::description).collect(Collectors.joining("; ")));
        if (replay.size() == 1 && replay.get(0).before().isPresent()) {
            entry = entry.withChange(replay.get(0).before().get(), replay.get(0).after().orElse(""));
        }
        audit.record(entry.withReason(why));
        return Optional.empty();
    }

    private static String auditEnvironment(List<PendingEdit> replay) {
        Set<String> envs = replay.stream().map(PendingEdit::environment).collect(Collectors.toSet());
        return envs.size() == 1 ? envs.iterator().next() : "all";
    }

    /**
     * Runs {@code task} on the background executor; a defect there must not leave the page waiting forever, so it
     * is logged and shown, and the page becomes usable again.
     */
    private void inBackground(String what, Runnable task) {
        background.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Parameter page failed while {}", what, e);
                toFx.post(() -> {
                    validating.set(false);
                    previewing.set(false);
                    if (state.get() == MatrixState.LOADING || state.get() == MatrixState.SAVING) {
                        state.set(pending == null ? MatrixState.UNREADABLE : MatrixState.READY);
                    }
                    status.set("Failed while " + what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + ". Nothing was written; reload the page, and report the problem if it persists.");
                    updateCanSave();
                });
            }
        });
    }

    // FX-thread state changes

    private void show(Path target, Optional<ItemScan> scan, Map<String, Boolean> guarded, Loaded loaded) {
        file = target;
        items = scan;
        protectedEnvironments = guarded;
        edits.clear();
        pendingChanges.clear();
        dirty.set(false);
        inputProblem.set("");
        typingProblem.set("");
        savedBytes = loaded.bytes();
        saved = loaded.text().orElse(null);
        pending = saved;
        templateRows = loaded.matrix().map(m -> m.rows().stream().filter(MatrixRow::template).toList())
                .orElse(List.of());
        templateNotes = loaded.matrix().map(ParameterMatrix::notes).orElse(List.of());
        savedCheck = loaded.savedValidation();
        savedCheckRules = loaded.rules();
        savedRows = loaded.matrix().map(m -> m.rows().stream().filter(r -> !r.template()).toList())
                .orElse(List.of());
        applyValidation(loaded.validation(), loaded.savedValidation());
        if (loaded.matrix().isEmpty()) {
            environments.clear();
            rows.clear();
            pendingChanges.clear();
            dirty.set(false);
            state.set(MatrixState.UNREADABLE);
            status.set(target.getFileName() + " cannot be shown as a matrix; fix the problems listed (file:line:col)"
                    + " and reload.");
            updateCanSave();
            return;
        }
        state.set(MatrixState.READY);
        showMatrix();
        if (previewEnvironment.get() != null && !environments.contains(previewEnvironment.get())) {
            previewEnvironment.set(null);
        } else {
            refreshPreview();
        }
    }

    /**
     * Starts previewing for the session's environment when the file uses it, else the first column; resolving
     * every item file costs a moment, so the preview starts when the operator opens it, not with the page.
     */
    public void previewSessionEnvironment() {
        if (previewEnvironment.get() != null || environments.isEmpty()) {
            return;
        }
        String chosen = session.environment();
        previewEnvironment.set(chosen != null && environments.contains(chosen) ? chosen : environments.get(0));
    }

    private boolean apply(PendingEdit change) {
        if (pending == null || state.get() != MatrixState.READY) {
            inputProblem.set("The file is not open for editing yet.");
            return false;
        }
        EditResult result;
        try {
            result = core.editor().edit(pending, change.edit());
        } catch (InvalidInputException e) {
            refuse(change.edit(), e);
            return false;
        }
        inputProblem.set(result.notes().isEmpty() ? ""
                : result.notes().stream().map(Problem::message).collect(Collectors.joining("\n")));
        if (!result.changed()) {
            return true;
        }
        pending = result.file();
        edits.add(change);
        savedNote = "";
        afterChange();
        return true;
    }

    /** Shows the editor's reason at once, then the validator's wording once the hand-edited draft is checked. */
    private void refuse(ParameterFileEdit edit, InvalidInputException refusal) {
        long generation = ++judgeGeneration;
        inputProblem.set(refusal.problems().get(0).message());
        Path target = file;
        TextFile base = pending;
        Set<String> known = pendingErrors;
        Optional<String> rulesFor = Optional.ofNullable(checkEnvironment.get());
        Optional<ItemScan> scan = items;
        inBackground("checking the refused value", () -> {
            String explained = explain(target, base, edit, refusal, known, rulesFor, scan);
            toFx.post(() -> {
                if (generation == judgeGeneration) {
                    inputProblem.set(explained);
                }
            });
        });
    }

    private void afterChange() {
        showMatrix();
        dirty.set(!edits.isEmpty());
        pendingChanges.setAll(edits.stream().map(PendingEdit::description).toList());
        validateSoon();
    }

    private void showMatrix() {
        ParameterMatrix main;
        try {
            main = core.reader().read(pending);
        } catch (InvalidInputException e) {
            // The editor only produces text it has parsed back, so this is the saved file being unreadable.
            return;
        }
        List<MatrixRow> all = new ArrayList<>(main.rows());
        all.addAll(templateRows);
        Set<String> columns = new LinkedHashSet<>(main.environments());
        for (MatrixRow row : templateRows) {
            row.cells().stream().filter(c -> !c.isAll()).forEach(c -> columns.add(c.environment()));
        }
        if (!environments.equals(new ArrayList<>(columns))) {
            environments.setAll(columns);
        }
        Path folder = file.getParent();
        List<EntryRow> shown = new ArrayList<>();
        for (MatrixRow row : all) {
            shown.add(entryRow(row, columns, folder));
        }
        rows.setAll(shown);
        int entries = main.rows().size();
        status.set((savedNote.isEmpty() ? "" : savedNote + " · ") + file.getFileName() + " · " + entries
                + " entr" + (entries == 1 ? "y" : "ies")
                + (templateRows.isEmpty() ? "" : " + " + templateRows.size() + " from templates") + " × "
                + columns.size() + " environment" + (columns.size() == 1 ? "" : "s")
                + (edits.isEmpty() ? "" : " · " + edits.size() + " pending change" + (edits.size() == 1 ? "" : "s"))
                + templateNotes.stream().map(n -> " · " + n.message()).collect(Collectors.joining()));
    }

    private EntryRow entryRow(MatrixRow row, Set<String> columns, Path folder) {
        EntryKey key = new EntryKey(row.kind(), row.number());
        Optional<MatrixRow> before = row.template() ? Optional.empty() : savedRows.stream()
                .filter(r -> r.kind() == row.kind() && r.number() == row.number()).findFirst();
        Optional<MatrixCellView> all = row.allCell().map(c -> cellView(row, c, before));
        List<MatrixCellView> cells = new ArrayList<>();
        if (all.isEmpty()) {
            for (String env : columns) {
                cells.add(row.cell(env).map(c -> cellView(row, c, before)).orElseGet(() -> new MatrixCellView(env,
                        "", "", row.editable() ? CellState.MISSING : CellState.READ_ONLY)));
            }
        }
        String where = (row.source().startsWith(folder) ? folder.relativize(row.source()) : row.source())
                .toString().replace('\\', '/') + ":" + row.line();
        return new EntryRow(key, row.label(), row.detail(), where, row.template(), row.editable(), all, cells);
    }

    private static MatrixCellView cellView(MatrixRow row, MatrixCell cell, Optional<MatrixRow> before) {
        CellState state;
        if (!row.editable()) {
            state = CellState.READ_ONLY;
        } else {
            boolean same = before.flatMap(b -> b.cell(cell.environment()))
                    .map(c -> c.editText().equals(cell.editText()) && c.pythonType().equals(cell.pythonType()))
                    .orElse(false);
            state = same ? CellState.SAVED : CellState.PENDING;
        }
        return new MatrixCellView(cell.environment(), cell.editText(), cell.pythonType(), state);
    }

    private void validateSoon() {
        if (pending == null) {
            return;
        }
        long generation = ++validationGeneration;
        validating.set(true);
        updateCanSave();
        Path target = file;
        String pendingText = pending.text();
        String savedText = saved.text();
        Optional<String> rulesFor = Optional.ofNullable(checkEnvironment.get());
        Optional<ItemScan> scan = items;
        Optional<ParameterValidation> known = rulesFor.equals(savedCheckRules) ? Optional.ofNullable(savedCheck)
                : Optional.empty();
        delayed.schedule(() -> inBackground("checking " + target.getFileName(), () -> {
            ParameterValidation now = core.validator().validate(target, pendingText, rulesFor, scan);
            ParameterValidation before = pendingText.equals(savedText) ? now
                    : known.orElseGet(() -> core.validator().validate(target, savedText, rulesFor, scan));
            toFx.post(() -> {
                if (generation == validationGeneration) {
                    savedCheck = before;
                    savedCheckRules = rulesFor;
                    applyValidation(now, before);
                    refreshPreview();
                }
            });
        }), DEBOUNCE);
    }

    private void applyValidation(ParameterValidation now, ParameterValidation before) {
        Path folder = file.getParent();
        problems.setAll(now.problems().stream().map(p -> new ProblemRow(p.isError(),
                (p.file().isAbsolute() && p.file().startsWith(folder) ? folder.relativize(p.file()) : p.file())
                        .toString().replace('\\', '/'), p.line(), p.column(), p.message())).toList());
        pendingErrors = now.errors().stream().map(Problem::message).collect(Collectors.toSet());
        Set<String> savedErrors = new HashSet<>();
        before.errors().forEach(p -> savedErrors.add(p.message()));
        introducedErrors = (int) now.errors().stream().filter(p -> !savedErrors.contains(p.message())).count();
        int errors = now.errors().size();
        int warnings = now.warnings().size();
        checkSummary.set(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + " (fabric-cicd 1.3.0 rules" + Optional.ofNullable(checkEnvironment
                .get()).map(e -> " for " + e).orElse(", no target environment") + ")"
                + (errors == 0 ? " — OK" : ""));
        validating.set(false);
        updateCanSave();
    }

    private void updateCanSave() {
        canSave.set(state.get() == MatrixState.READY && !edits.isEmpty() && !validating.get()
                && introducedErrors == 0);
    }

    private void refreshPreview() {
        String env = previewEnvironment.get();
        long generation = ++previewGeneration;
        if (env == null || items.isEmpty() || pending == null) {
            previewFiles.clear();
            previewing.set(false);
            previewStatus.set(items.isEmpty() ? "The preview needs the repository's items." : "Choose an environment"
                    + " to preview what parameter.yml changes in the item files.");
            return;
        }
        ItemScan scan = items.get();
        Path target = file;
        String pendingText = pending.text();
        String savedText = saved.text();
        boolean changed = !edits.isEmpty();
        previewing.set(true);
        previewStatus.set("Applying parameter.yml for " + env + " to the item files …");
        inBackground("previewing " + env, () -> {
            PreviewResult result = new PreviewBuilder(core, target, scan, env).build(savedText, pendingText, changed);
            toFx.post(() -> {
                if (generation == previewGeneration) {
                    previewFiles.setAll(result.files());
                    previewStatus.set(result.summary());
                    previewing.set(false);
                }
            });
        });
    }

    private void clear() {
        file = null;
        saved = null;
        pending = null;
        edits.clear();
        environments.clear();
        rows.clear();
        problems.clear();
        pendingChanges.clear();
        previewFiles.clear();
        dirty.set(false);
        checkSummary.set("");
        fileName.set("");
        updateCanSave();
    }

    private Optional<MatrixRow> mainRow(EntryKey key) {
        if (pending == null) {
            return Optional.empty();
        }
        try {
            return core.reader().read(pending).rows().stream()
                    .filter(r -> r.kind() == key.kind() && r.number() == key.number()).findFirst();
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private Object parse(ParameterKind kind, String text) {
        return kind == ParameterKind.FIND_REPLACE ? text : CommandLineValue.parse(file, text);
    }

    private static ParameterFileEdit edit(EntryKey key, String environment, Object value) {
        return key.kind() == ParameterKind.SEMANTIC_MODEL_BINDING
                ? new ParameterFileEdit.SetConnection(key.number(), environment, value)
                : new ParameterFileEdit.SetReplaceValue(key.kind(), key.number(), environment, value);
    }

    private String formatted(Problem problem) {
        Path folder = file.getParent();
        return problem.format(folder);
    }

    // Property accessors

    public ReadOnlyObjectProperty<MatrixState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One sentence: what is shown, or what is being waited for. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The parameter file's path. */
    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** The environment columns, in order of first use; {@code _ALL_} is not a column. */
    public ObservableList<String> environments() {
        return environmentsView;
    }

    /** The entries: the main file's, then the templates' (read-only). */
    public ObservableList<EntryRow> rows() {
        return rowsView;
    }

    /** Exactly what the validator reports for the text with the pending edits. */
    public ObservableList<ProblemRow> problems() {
        return problemsView;
    }

    public ReadOnlyBooleanProperty validatingProperty() {
        return validating.getReadOnlyProperty();
    }

    /** Error and warning counts of the last check, with the rules it applied. */
    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    /** Why the last input was refused (empty when it was applied). */
    public ReadOnlyStringProperty inputProblemProperty() {
        return inputProblem.getReadOnlyProperty();
    }

    /** What is wrong with the value being typed (empty when it would be accepted). */
    public ReadOnlyStringProperty typingProblemProperty() {
        return typingProblem.getReadOnlyProperty();
    }

    /** The pending changes, in the order made. */
    public ObservableList<String> pendingChanges() {
        return pendingChangesView;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Whether there are pending edits, the check is done, and they add no error fabric-cicd would refuse. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** The environment fabric-cicd's environment rules are checked for; null checks as without {@code --env}. */
    public ObjectProperty<String> checkEnvironmentProperty() {
        return checkEnvironment;
    }

    /** The environment the preview applies the file for. */
    public ObjectProperty<String> previewEnvironmentProperty() {
        return previewEnvironment;
    }

    /** The item files the pending change affects (every changed file when nothing is pending). */
    public ObservableList<PreviewFile> previewFiles() {
        return previewFilesView;
    }

    public ReadOnlyStringProperty previewStatusProperty() {
        return previewStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing.getReadOnlyProperty();
    }

    /** Why the change is made, recorded with it in the audit trail and the release note. */
    public StringProperty reasonProperty() {
        return reason;
    }
}
