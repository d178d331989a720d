package org.dbb.console.app.retry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.database.DatabaseException;
import org.dbb.console.core.deploy.DefinitionPush;
import org.dbb.console.core.deploy.PushException;
import org.dbb.console.core.deploy.PushResult;
import org.dbb.console.core.files.UnifiedDiff;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.ActivityPolicyChange;
import org.dbb.console.core.workspace.pipeline.DbbRetryDefaults;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.pipeline.PolicyFileEdit;
import org.dbb.console.core.workspace.pipeline.PolicyFileEditor;
import org.dbb.console.core.workspace.pipeline.RetryPolicyLimits;
import org.dbb.console.core.workspace.pipeline.RetrySchedule;

/**
 * The retry policies of every activity of every pipeline in the open workspace, editable in place, with filters,
 * bulk edits, the attempt schedule of the selected activity, a reviewed save (diff per file, one atomic write per
 * file keeping a {@code .bak}, an audit entry per changed activity) and an optional push of a saved pipeline to an
 * environment. File and network work runs on the background executor; results reach the FX executor through
 * {@link FxBatcher}. Call commands and read properties on the FX thread.
 */
public final class RetryPolicyViewModel {

    /** Activities that orchestrate others and have no retry policy of their own in Fabric. */
    static final Set<String> CONTROL_TYPES = Set.of("ForEach", "IfCondition", "Switch", "Until", "SetVariable",
            "AppendVariable", "Wait", "Filter", "Fail");
    static final String ALL = "";
    private static final String CONTENT = "pipeline-content.json";

    private final ConsoleSession session;
    private final PipelineReader reader;
    private final PolicyFileEditor files;
    private final Supplier<AuditTrail> audit;
    private final Supplier<DefinitionPush> pusher;
    private final Supplier<SandboxOptions> sandbox;
    private final Dialogs dialogs;
    private final Clock clock;
    private final String actor;
    private final Executor background;
    private final FxBatcher<Runnable> toFx;
    private final FxBatcher<String> progressToFx;

    // Properties
    private final ReadOnlyObjectWrapper<RetryPageState> state = new ReadOnlyObjectWrapper<>(this, "state",
            RetryPageState.LOADING);
    private final ObservableList<PolicyRow> rows = FXCollections.observableArrayList(row -> new Observable[]{
            row.changedProperty(), row.errorProperty()});
    private final FilteredList<PolicyRow> filtered = new FilteredList<>(rows);
    private final ObservableList<String> pipelines = FXCollections.observableArrayList();
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final StringProperty pipelineFilter = new SimpleStringProperty(this, "pipelineFilter", ALL);
    private final StringProperty typeFilter = new SimpleStringProperty(this, "typeFilter", ALL);
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final BooleanProperty changedOnly = new SimpleBooleanProperty(this, "changedOnly");
    private final ObjectProperty<PolicyRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<PolicyRow> selection = FXCollections.observableArrayList();
    private final ObservableList<String> schedule = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper worstCase = new ReadOnlyStringWrapper(this, "worstCase", "");
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");
    private final ReadOnlyIntegerWrapper invalid = new ReadOnlyIntegerWrapper(this, "invalid");
    private final ReadOnlyStringWrapper pendingSummary = new ReadOnlyStringWrapper(this, "pendingSummary", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty bulkRetry = new SimpleStringProperty(this, "bulkRetry", "");
    private final StringProperty bulkInterval = new SimpleStringProperty(this, "bulkInterval", "");
    private final StringProperty bulkTimeout = new SimpleStringProperty(this, "bulkTimeout", "");
    private final ReadOnlyStringWrapper bulkError = new ReadOnlyStringWrapper(this, "bulkError", "");
    private final ReadOnlyBooleanWrapper canBulk = new ReadOnlyBooleanWrapper(this, "canBulk");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ObservableList<FileDiff> review = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final StringProperty pushEnvironment = new SimpleStringProperty(this, "pushEnvironment");
    private final ReadOnlyStringWrapper pushTarget = new ReadOnlyStringWrapper(this, "pushTarget", "");
    private final ReadOnlyBooleanWrapper canPush = new ReadOnlyBooleanWrapper(this, "canPush");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ObservableList<String> pushReport = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");

    private List<PolicyFileEdit> reviewed = List.of();

    /**
     * @param session    the open workspace (its changes reload the page) and the selected environment
     * @param audit      the audit trail, asked for on the background executor (opening it may touch the disk)
     * @param pusher     pushes definitions, asked for on the background executor
     * @param sandbox    how a push reaches the sandbox: its in-process emulator or one at a URL (called off the FX
     *                   thread)
     * @param actor      who the audit trail names, e.g. the OS user
     * @param background runs file and network work
     * @param fx         the FX executor ({@code FxExecutor}; a direct executor in tests)
     */
    public RetryPolicyViewModel(ConsoleSession session, PipelineReader reader, PolicyFileEditor files,
                                Supplier<AuditTrail> audit, Supplier<DefinitionPush> pusher, Supplier<SandboxOptions> sandbox,
                                Dialogs dialogs,
                                Clock clock, String actor, Executor background, Executor fx) {
        this.session = Objects.requireNonNull(session, "session");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.files = Objects.requireNonNull(files, "files");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.pusher = Objects.requireNonNull(pusher, "pusher");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.background = Objects.requireNonNull(background, "background");
        this.toFx = new FxBatcher<>(fx, batch -> batch.forEach(Runnable::run));
        this.progressToFx = new FxBatcher<>(fx, batch -> progress.set(batch.get(batch.size() - 1)));

        filtered.predicateProperty().bind(Bindings.createObjectBinding(this::filter, pipelineFilter, typeFilter,
                textFilter, changedOnly));
        rows.addListener((javafx.collections.ListChangeListener<PolicyRow>) c -> countPending());
        selected.addListener((o, a, b) -> showSchedule());
        bulkRetry.addListener((o, a, b) -> checkBulk());
        bulkInterval.addListener((o, a, b) -> checkBulk());
        bulkTimeout.addListener((o, a, b) -> checkBulk());
        state.addListener((o, a, b) -> countPending());
        session.workspaceProperty().addListener((o, a, b) -> reload());
        session.environmentProperty().addListener((o, a, b) -> {
            if (b != null && environments.contains(b)) {
                pushEnvironment.set(b);
            }
        });
        pushEnvironment.addListener((o, a, b) -> updatePushTarget());
        selected.addListener((o, a, b) -> updatePushTarget());
        checkBulk();
        reload();
    }

    // Commands

    /** Reads every pipeline of the open workspace again, dropping pending edits. */
    public void reload() {
        Workspace workspace = session.workspace();
        if (workspace == null) {
            rows.clear();
            state.set(RetryPageState.FAILED);
            say("No workspace is open.", false);
            return;
        }
        String keepPipeline = selected.get() == null ? null : selected.get().pipeline();
        String keepActivity = selected.get() == null ? null : selected.get().activity();
        state.set(RetryPageState.LOADING);
        say("Reading the pipelines of " + workspace.name() + " …", false);
        background.execute(() -> {
            Loaded loaded = load(workspace);
            toFx.post(() -> show(workspace, loaded, keepPipeline, keepActivity));
        });
    }

    /** Sets the bulk values (the non-empty ones) on the chosen rows; control activities are skipped. */
    public void applyBulk(BulkScope scope) {
        if (!canBulk.get()) {
            say(bulkError.get().isEmpty() ? "Enter retries, an interval or a timeout to set." : bulkError.get(),
                    true);
            return;
        }
        List<PolicyRow> targets = targets(scope);
        targets.forEach(row -> {
            setIfGiven(row.retryProperty(), bulkRetry.get());
            setIfGiven(row.intervalProperty(), bulkInterval.get());
            setIfGiven(row.timeoutProperty(), bulkTimeout.get());
        });
        say("Set " + describeBulk() + " on " + count(targets.size(), "activity", "activities")
                + (targets.isEmpty() ? " (no retryable activity in " + scopeWords(scope) + ")" : "") + ".", false);
    }

    /** Puts the DBB default (3 retries, 30 s apart; timeout kept) on the chosen rows. */
    public void resetToDefault(BulkScope scope) {
        List<PolicyRow> targets = targets(scope);
        targets.forEach(row -> {
            row.retryProperty().set(Integer.toString(DbbRetryDefaults.RETRY));
            row.intervalProperty().set(Integer.toString(DbbRetryDefaults.RETRY_INTERVAL_SECONDS));
        });
        say("Reset " + count(targets.size(), "activity", "activities") + " to the DBB default: "
                + DbbRetryDefaults.RETRY + " retries, " + DbbRetryDefaults.RETRY_INTERVAL_SECONDS + " s apart.",
                false);
    }

    /** Drops the pending edits of the chosen rows. */
    public void revert(BulkScope scope) {
        List<PolicyRow> targets = targets(scope).stream().filter(PolicyRow::isChanged).toList();
        targets.forEach(PolicyRow::revert);
        say("Reverted " + count(targets.size(), "activity", "activities") + " to the saved policy.", false);
    }

    /**
     * Computes the diff of every file the pending edits change and shows it for review; refuses, writing nothing,
     * while any pending edit is invalid.
     */
    public void review() {
        if (state.get() != RetryPageState.READY) {
            return;
        }
        if (invalid.get() > 0) {
            say("Nothing was written: " + count(invalid.get(), "pending edit is", "pending edits are")
                    + " invalid. " + problems.get(0), true);
            return;
        }
        Map<Path, List<PolicyRow>> byFile = changedByFile();
        if (byFile.isEmpty()) {
            say("There are no pending changes to save.", false);
            return;
        }
        Workspace workspace = session.workspace();
        Map<Path, List<ActivityPolicyChange>> changes = new LinkedHashMap<>();
        byFile.forEach((file, changed) -> changes.put(file, changed.stream()
                .map(r -> new ActivityPolicyChange(r.activity(), r.update())).toList()));
        state.set(RetryPageState.SAVING);
        say("Computing the changes to " + count(changes.size(), "file", "files") + " …", false);
        background.execute(() -> {
            try {
                List<PolicyFileEdit> edits = new ArrayList<>();
                changes.forEach((file, list) -> edits.add(files.preview(file, list)));
                List<FileDiff> diffs = edits.stream().filter(PolicyFileEdit::changed)
                        .map(e -> diff(workspace, e)).toList();
                toFx.post(() -> showReview(edits, diffs));
            } catch (InvalidInputException e) {
                toFx.post(() -> failAction("Nothing was written: " + formatted(workspace, e.problems())));
            }
        });
    }

    /** Leaves the review without writing. */
    public void cancelReview() {
        if (state.get() == RetryPageState.REVIEWING) {
            review.clear();
            reviewed = List.of();
            state.set(RetryPageState.READY);
            say("Not saved; the changes are still pending.", false);
        }
    }

    /** Writes the reviewed files, records one audit entry per changed activity and reloads. */
    public void confirmSave() {
        if (state.get() != RetryPageState.REVIEWING) {
            return;
        }
        Workspace workspace = session.workspace();
        List<PolicyFileEdit> edits = reviewed;
        Map<String, PolicyRow> rowsByKey = new LinkedHashMap<>();
        rows.forEach(r -> rowsByKey.put(key(r.file(), r.activity()), r));
        Map<String, String[]> descriptions = new LinkedHashMap<>();
        rowsByKey.forEach((k, r) -> descriptions.put(k, new String[]{r.pipeline(), r.describeLoaded(),
                r.describeTyped()}));
        String why = reason.get();
        state.set(RetryPageState.SAVING);
        say("Writing " + count(edits.size(), "file", "files") + " …", false);
        background.execute(() -> {
            List<String> written = new ArrayList<>();
            try {
                List<String> auditProblems = new ArrayList<>();
                for (PolicyFileEdit edit : edits) {
                    files.apply(edit);
                    written.add(relative(workspace, edit.file()));
                    for (var change : edit.changedEdits()) {
                        String[] d = descriptions.get(key(edit.file(), change.activityName()));
                        record(AuditEntry.of(clock.instant(), actor, "all", AuditAction.RETRY_POLICY_EDIT,
                                        d[0] + " / " + change.activityName()).withChange(d[1], d[2]).withReason(why),
                                auditProblems);
                    }
                }
                String note = auditProblems.isEmpty() ? "" : " Warning: " + auditProblems.get(0)
                        + " (the files were written).";
                toFx.post(() -> afterSave("Saved " + String.join(", ", written) + "; the previous version of each is"
                        + " kept as " + CONTENT + ".bak." + note, !auditProblems.isEmpty()));
            } catch (InvalidInputException e) {
                String done = written.isEmpty() ? "Nothing was written: "
                        : "Wrote " + String.join(", ", written) + ", then stopped: ";
                toFx.post(() -> afterSave(done + formatted(workspace, e.problems()), true));
            }
        });
    }

    /**
     * Pushes the selected activity's pipeline, as saved, to the chosen environment; a protected environment asks
     * for its name to be typed, others for a confirmation.
     */
    public void push() {
        if (!canPush.get()) {
            say(pushTarget.get(), true);
            return;
        }
        Workspace workspace = session.workspace();
        String pipeline = selected.get().pipeline();
        String environment = pushEnvironment.get();
        EnvironmentSettings env = workspace.settings().environment(environment).orElseThrow();
        String question = "Replace the definition of " + pipeline + " in " + environment + " with the saved "
                + CONTENT + ", parameterised with parameter.yml for " + environment + "?";
        boolean confirmed = env.protectedEnv()
                ? dialogs.confirmTypedName("Push to protected environment " + environment, question
                + " Type the environment's name to confirm.", environment)
                : dialogs.confirm("Push to " + environment, question, "Push " + pipeline);
        if (!confirmed) {
            say("Not pushed.", false);
            return;
        }
        String why = reason.get();
        pushReport.clear();
        state.set(RetryPageState.PUSHING);
        progress.set("Starting the push of " + pipeline + " to " + environment + " …");
        say("Pushing " + pipeline + " to " + environment + " …", false);
        background.execute(() -> {
            try {
                PushResult result = pusher.get().push(workspace, pipeline, environment, sandbox.get(), Map.of(),
                        progressToFx::post);
                List<String> auditProblems = new ArrayList<>();
                record(AuditEntry.of(clock.instant(), actor, environment, AuditAction.DEFINITION_PUSH, pipeline)
                        .withChange(null, "definition of " + pipeline + " as saved, " + result.replacements().size()
                                + " parameter.yml replacement(s), " + (result.verified() ? "verified"
                                : "NOT verified: " + String.join("; ", result.mismatches())))
                        .withReason(why), auditProblems);
                toFx.post(() -> afterPush(result, auditProblems));
            } catch (PushException e) {
                toFx.post(() -> {
                    state.set(RetryPageState.READY);
                    progress.set("");
                    say(e.getMessage(), true);
                });
            }
        });
    }

    // Work

    /** The pipelines read on the background executor. */
    private record Loaded(List<PolicyRow> rows, List<String> pipelines, List<Problem> problems) {
    }

    private Loaded load(Workspace workspace) {
        List<PolicyRow> loaded = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Problem> found = new ArrayList<>();
        String master = workspace.settings().masterPipeline();
        List<Item> items = workspace.items().ofType("DataPipeline").stream()
                .sorted(Comparator.comparing((Item i) -> !i.displayName().equals(master))
                        .thenComparing(Item::displayName))
                .toList();
        for (Item item : items) {
            Path file = item.folder().resolve(CONTENT);
            try {
                Pipeline pipeline = reader.read(file, item.displayName());
                names.add(item.displayName());
                addRows(pipeline, file, pipeline.activities(), "", loaded);
            } catch (InvalidInputException e) {
                found.addAll(e.problems());
            }
        }
        return new Loaded(loaded, names, found);
    }

    private static void addRows(Pipeline pipeline, Path file, List<Activity> level, String prefix,
                                List<PolicyRow> out) {
        for (Activity a : level) {
            String path = prefix + a.name();
            out.add(new PolicyRow(pipeline.name(), file, a.name(), path, a.type(), !CONTROL_TYPES.contains(a.type()),
                    !a.isActive(), a.effectivePolicy()));
            addRows(pipeline, file, a.children(), path + " › ", out);
        }
    }

    private void show(Workspace workspace, Loaded loaded, String keepPipeline, String keepActivity) {
        if (workspace != session.workspace()) {
            return;
        }
        rows.setAll(loaded.rows());
        pipelines.setAll(loaded.pipelines());
        types.setAll(loaded.rows().stream().map(PolicyRow::type).distinct().sorted().toList());
        environments.setAll(workspace.settings().environments().keySet());
        if (pushEnvironment.get() == null || !environments.contains(pushEnvironment.get())) {
            String current = session.environment();
            pushEnvironment.set(current != null && environments.contains(current) ? current
                    : environments.isEmpty() ? null : environments.get(0));
        }
        selected.set(rows.stream().filter(r -> r.pipeline().equals(keepPipeline) && r.activity().equals(keepActivity))
                .findFirst().orElse(null));
        review.clear();
        reviewed = List.of();
        if (loaded.rows().isEmpty() && !loaded.problems().isEmpty()) {
            state.set(RetryPageState.FAILED);
            say("No pipeline could be read: " + formatted(workspace, loaded.problems()), true);
            return;
        }
        state.set(RetryPageState.READY);
        if (!loaded.problems().isEmpty()) {
            say(count(loaded.problems().size(), "problem", "problems") + " while reading: "
                    + formatted(workspace, loaded.problems()), true);
        } else if (status.get().startsWith("Reading")) {
            say(count(rows.size(), "activity", "activities") + " in " + count(pipelines.size(), "pipeline",
                    "pipelines") + ".", false);
        }
    }

    private void showReview(List<PolicyFileEdit> edits, List<FileDiff> diffs) {
        reviewed = List.copyOf(edits.stream().filter(PolicyFileEdit::changed).toList());
        review.setAll(diffs);
        if (reviewed.isEmpty()) {
            state.set(RetryPageState.READY);
            say("The pending edits change nothing in the files.", false);
            return;
        }
        state.set(RetryPageState.REVIEWING);
        say("Review the changes to " + count(diffs.size(), "file", "files") + ", then write them.", false);
    }

    private FileDiff diff(Workspace workspace, PolicyFileEdit edit) {
        String relative = relative(workspace, edit.file());
        return new FileDiff(relative, UnifiedDiff.of(relative, edit.originalText(), edit.editedText()),
                edit.changedEdits().stream().map(e -> e.activityName()).toList());
    }

    private void failAction(String message) {
        state.set(RetryPageState.READY);
        say(message, true);
    }

    private void afterSave(String message, boolean error) {
        review.clear();
        reviewed = List.of();
        say(message, error);
        reload();
        // reload() replaces the status with "Reading …"; the outcome of the save is what the operator must see
        say(message, error);
    }

    private void afterPush(PushResult result, List<String> auditProblems) {
        state.set(RetryPageState.READY);
        progress.set("");
        List<String> report = new ArrayList<>();
        report.add("Target: " + result.workspace() + " on " + result.endpoint() + ", item " + result.itemId() + ".");
        if (result.replacements().isEmpty()) {
            report.add("parameter.yml replaced nothing in " + result.pipeline() + " for " + result.environment()
                    + ".");
        } else {
            report.add("parameter.yml for " + result.environment() + " replaced:");
            result.replacements().forEach(r -> report.add("  " + r));
        }
        report.add(result.verified()
                ? "Read back: the retry policies of all " + result.checked() + " activities match what was sent."
                : "Read back: " + result.mismatches().size() + " activities differ: "
                + String.join("; ", result.mismatches()));
        if (result.endpoint().contains("emulator") && sandbox.get().emulatorUrl().isEmpty()) {
            report.add("The in-process sandbox emulator stopped after the push; it is seeded from the saved files"
                    + " every time it starts, so sandbox runs already use the saved policies.");
        }
        auditProblems.forEach(p -> report.add("Warning: " + p + " (the push itself was done)."));
        pushReport.setAll(report);
        say("Pushed " + result.pipeline() + " to " + result.environment()
                + (result.verified() ? "; the policies read back match." : "; the read-back differs, see below."),
                !result.verified() || !auditProblems.isEmpty());
    }

    private void record(AuditEntry entry, List<String> problems) {
        try {
            audit.get().record(entry);
        } catch (DatabaseException e) {
            problems.add(e.getMessage());
        }
    }

    // Derived state

    private Predicate<PolicyRow> filter() {
        String pipeline = pipelineFilter.get() == null ? ALL : pipelineFilter.get();
        String type = typeFilter.get() == null ? ALL : typeFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(java.util.Locale.ROOT);
        boolean onlyChanged = changedOnly.get();
        return row -> (pipeline.isEmpty() || row.pipeline().equals(pipeline))
                && (type.isEmpty() || row.type().equals(type))
                && (text.isEmpty() || row.path().toLowerCase(java.util.Locale.ROOT).contains(text)
                || row.type().toLowerCase(java.util.Locale.ROOT).contains(text))
                && (!onlyChanged || row.isChanged());
    }

    private void countPending() {
        List<PolicyRow> changed = rows.stream().filter(PolicyRow::isChanged).toList();
        List<String> errors = changed.stream().filter(r -> !r.isValid()).map(r -> r.pipeline() + " / "
                + r.errorProperty().get()).toList();
        pending.set(changed.size());
        invalid.set(errors.size());
        problems.setAll(errors);
        pendingSummary.set(changed.isEmpty() ? "No pending changes"
                : count(changed.size(), "pending change", "pending changes")
                + (errors.isEmpty() ? "" : " · " + errors.size() + " invalid"));
        canSave.set(state.get() == RetryPageState.READY && !changed.isEmpty() && errors.isEmpty());
        showSchedule();
        updatePushTarget();
    }

    private void showSchedule() {
        PolicyRow row = selected.get();
        if (row == null) {
            schedule.clear();
            worstCase.set("Select an activity to see when its attempts run.");
            return;
        }
        if (!row.retryable()) {
            schedule.clear();
            worstCase.set(row.activity() + " is a " + row.type() + " activity: it has no retry policy; the"
                    + " activities inside it retry on their own.");
            return;
        }
        Optional<RetrySchedule> plan = row.schedule();
        if (plan.isEmpty()) {
            schedule.clear();
            worstCase.set("Fix the invalid value to see the schedule: " + row.errorProperty().get());
            return;
        }
        schedule.setAll(plan.get().attemptLines());
        worstCase.set(plan.get().worstCaseText());
    }

    private void checkBulk() {
        List<String> errors = new ArrayList<>();
        checkGiven(bulkRetry.get(), RetryPolicyLimits::retry, errors);
        checkGiven(bulkInterval.get(), RetryPolicyLimits::retryIntervalInSeconds, errors);
        checkGiven(bulkTimeout.get(), RetryPolicyLimits::timeout, errors);
        bulkError.set(String.join("; ", errors));
        canBulk.set(errors.isEmpty() && !(blank(bulkRetry.get()) && blank(bulkInterval.get())
                && blank(bulkTimeout.get())));
    }

    private void updatePushTarget() {
        PolicyRow row = selected.get();
        String env = pushEnvironment.get();
        String why = null;
        if (row == null) {
            why = "Select an activity of the pipeline to push.";
        } else if (env == null) {
            why = "Choose the environment to push to.";
        } else if (rows.stream().anyMatch(r -> r.pipeline().equals(row.pipeline()) && r.isChanged())) {
            why = row.pipeline() + " has unsaved changes; save them first, the push sends the file as saved.";
        } else if (state.get() != RetryPageState.READY) {
            why = "Wait until the page is ready.";
        }
        canPush.set(why == null);
        pushTarget.set(why != null ? why : "Push " + row.pipeline() + " to " + env);
    }

    private List<PolicyRow> targets(BulkScope scope) {
        List<PolicyRow> chosen = scope == BulkScope.SELECTED ? List.copyOf(selection) : List.copyOf(filtered);
        return chosen.stream().filter(PolicyRow::retryable).toList();
    }

    private Map<Path, List<PolicyRow>> changedByFile() {
        Map<Path, List<PolicyRow>> byFile = new LinkedHashMap<>();
        rows.stream().filter(PolicyRow::isChanged)
                .forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r));
        return byFile;
    }

    private String describeBulk() {
        List<String> parts = new ArrayList<>();
        if (!blank(bulkRetry.get())) {
            parts.add(bulkRetry.get().strip() + " retries");
        }
        if (!blank(bulkInterval.get())) {
            parts.add(bulkInterval.get().strip() + " s apart");
        }
        if (!blank(bulkTimeout.get())) {
            parts.add("timeout " + bulkTimeout.get().strip());
        }
        return String.join(", ", parts);
    }

    private void say(String message, boolean error) {
        status.set(message);
        statusIsError.set(error);
    }

    private static <T> void checkGiven(String text, Function<String, T> limit, List<String> errors) {
        if (!blank(text)) {
            try {
                limit.apply(text);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
    }

    private static void setIfGiven(StringProperty property, String text) {
        if (!blank(text)) {
            property.set(text.strip());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String scopeWords(BulkScope scope) {
        return scope == BulkScope.SELECTED ? "the selection" : "the filtered rows";
    }

    private static String key(Path file, String activity) {
        return file.toAbsolutePath().normalize() + "\u0000" + activity;
    }

    private static String relative(Workspace workspace, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = workspace.root().toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static String formatted(Workspace workspace, List<Problem> found) {
        Path root = workspace == null ? null : workspace.root().toAbsolutePath().normalize();
        return String.join("; ", found.stream().map(p -> p.format(root)).toList());
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    // Property accessors

    public ReadOnlyObjectProperty<RetryPageState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Every activity of every pipeline, master pipeline first. */
    public ObservableList<PolicyRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The rows the filters let through; the table shows these. */
    public ObservableList<PolicyRow> filteredRows() {
        return filtered;
    }

    /** The pipeline names, for the pipeline filter. */
    public ObservableList<String> pipelines() {
        return FXCollections.unmodifiableObservableList(pipelines);
    }

    /** The activity types present, for the type filter. */
    public ObservableList<String> types() {
        return FXCollections.unmodifiableObservableList(types);
    }

    /** The pipeline shown; empty for all. */
    public StringProperty pipelineFilterProperty() {
        return pipelineFilter;
    }

    /** The activity type shown; empty for all. */
    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    /** Text the activity path or type must contain (any case). */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** Whether only rows with pending edits are shown. */
    public BooleanProperty changedOnlyProperty() {
        return changedOnly;
    }

    /** The row whose schedule is shown and whose pipeline a push sends. */
    public ObjectProperty<PolicyRow> selectedProperty() {
        return selected;
    }

    /** The rows selected in the table, kept in step by the view, for bulk edits. */
    public ObservableList<PolicyRow> selection() {
        return selection;
    }

    /** One line per attempt of the selected activity. */
    public ObservableList<String> schedule() {
        return FXCollections.unmodifiableObservableList(schedule);
    }

    /** The worst case of the selected activity, or why there is none. */
    public ReadOnlyStringProperty worstCaseProperty() {
        return worstCase.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    /** {@code 2 pending changes · 1 invalid}. */
    public ReadOnlyStringProperty pendingSummaryProperty() {
        return pendingSummary.getReadOnlyProperty();
    }

    /** What is wrong with each invalid pending edit, {@code pipeline / activity: message}. */
    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public StringProperty bulkRetryProperty() {
        return bulkRetry;
    }

    public StringProperty bulkIntervalProperty() {
        return bulkInterval;
    }

    public StringProperty bulkTimeoutProperty() {
        return bulkTimeout;
    }

    /** What is wrong with the bulk values typed; empty when they are valid. */
    public ReadOnlyStringProperty bulkErrorProperty() {
        return bulkError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBulkProperty() {
        return canBulk.getReadOnlyProperty();
    }

    /** Whether there are pending edits, all valid, and nothing else is going on. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** The diffs under review. */
    public ObservableList<FileDiff> diffs() {
        return FXCollections.unmodifiableObservableList(review);
    }

    /** The reason for the audit trail (optional). */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** The environments a push can target. */
    public ObservableList<String> environments() {
        return FXCollections.unmodifiableObservableList(environments);
    }

    public StringProperty pushEnvironmentProperty() {
        return pushEnvironment;
    }

    /** {@code Push <pipeline> to <env>}, or why a push is not possible now. */
    public ReadOnlyStringProperty pushTargetProperty() {
        return pushTarget.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPushProperty() {
        return canPush.getReadOnlyProperty();
    }

    /** What a running push is doing or waiting for. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last push's target, parameter.yml replacements and read-back check. */
    public ObservableList<String> pushReport() {
        return FXCollections.unmodifiableObservableList(pushReport);
    }

    /** The outcome of the last command, or what is going on. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }
}
