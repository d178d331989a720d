package org.dbb.console.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.shell.ShellViewModel;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.SignInState;
import org.dbb.console.core.auth.SignInStatus;
import org.dbb.console.core.auth.SignInStatusBoard;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.files.UnifiedDiff;
import org.dbb.console.core.launch.ConnectionReport;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.config.edit.ConsoleSettingsEditor;
import org.dbb.console.core.workspace.config.edit.EnvironmentEdit;
import org.dbb.console.core.workspace.config.edit.EnvironmentField;
import org.dbb.console.core.workspace.config.edit.EnvironmentFilesEdit;
import org.dbb.console.core.workspace.config.edit.EnvironmentFilesEditor;
import org.dbb.console.core.workspace.config.edit.SettingsFileEdit;

/**
 * The environments of {@code dbb-console.yml}: a form per environment checked as typed with the messages
 * {@code dbb validate} gives, the webhook masked (a {@code $ENV:} reference shown with where it resolves from),
 * a connection test, sign-in and sign-out bound to the {@link SignInStatusBoard}, and every change (a form, adding,
 * removing or renaming an environment) reviewed as a diff before it is written with one audit entry; protected
 * environments need their name typed. Renaming or removing an environment changes its keys in {@code parameter.yml}
 * too: both files are shown in the review and saved together, or neither is. File, network and database work runs on the background executor; results
 * reach the FX executor through {@link FxBatcher}. Call commands and read properties on the FX thread.
 */
public final class EnvironmentSettingsViewModel {

    /** The sign-in methods in the order a form offers them. */
    public static final List<String> AUTH_METHODS = java.util.Arrays.stream(AuthMethod.values())
            .map(AuthMethod::spelling).toList();
    /** The monitoring stores a form offers; empty: as the top level of the file says. */
    public static final List<String> MONITORING_STORES = List.of("", "embedded", "warehouse");

    private final ConsoleSession session;
    private final ConsoleSettingsReader reader;
    private final ConsoleSettingsEditor editor;
    private final EnvironmentFilesEditor filesEditor;
    private final ConnectionTester tester;
    private final ShellViewModel.TokensSource tokens;
    private final InterventionRecorder interventions;
    private final Dialogs dialogs;
    private final ReferenceOrigins origins;
    private final Runnable afterSave;
    private final Executor background;
    private final FxBatcher<Runnable> toFx;
    private final FxBatcher<String> progressToFx;
    private final SignInStatusBoard board;
    private final AtomicInteger generation = new AtomicInteger();

    // Properties
    private final ReadOnlyObjectWrapper<SettingsPageState> state = new ReadOnlyObjectWrapper<>(this, "state",
            SettingsPageState.LOADING);
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final ReadOnlyObjectWrapper<EnvironmentForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final ReadOnlyStringWrapper inheritedWebhook = new ReadOnlyStringWrapper(this, "inheritedWebhook", "");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper(this, "diff", "");
    private final ReadOnlyStringWrapper reviewTitle = new ReadOnlyStringWrapper(this, "reviewTitle", "");
    private final ReadOnlyStringWrapper writeText = new ReadOnlyStringWrapper(this, "writeText",
            "Write " + ConsoleSettings.FILE_NAME);
    private final ObservableList<String> reviewNotes = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final StringProperty newWorkspace = new SimpleStringProperty(this, "newWorkspace", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyBooleanWrapper testFailed = new ReadOnlyBooleanWrapper(this, "testFailed");
    private final ObservableList<String> missingItems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SignInState> signInState = new ReadOnlyObjectWrapper<>(this, "signInState");
    private final ReadOnlyStringWrapper signInText = new ReadOnlyStringWrapper(this, "signInText", "");
    private final ReadOnlyBooleanWrapper signInBusy = new ReadOnlyBooleanWrapper(this, "signInBusy");
    private final ReadOnlyBooleanWrapper canSignIn = new ReadOnlyBooleanWrapper(this, "canSignIn");
    private final ReadOnlyBooleanWrapper canSignOut = new ReadOnlyBooleanWrapper(this, "canSignOut");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");

    // State of the loaded file (FX thread only)
    private final Map<String, EnvironmentForm> forms = new LinkedHashMap<>();
    private final Map<String, SignInStatus> statuses = new HashMap<>();
    private final Map<String, Set<String>> groupNames = new HashMap<>();
    private TextFile original;
    private ConsoleSettings settings;
    private Optional<SettingsFileEdit> formPreview = Optional.empty();
    private Optional<EnvironmentFilesEdit> reviewed = Optional.empty();

    /**
     * @param session       the open workspace (a new one reloads the page)
     * @param filesEditor   saves reviewed changes, in parameter.yml too for a rename or removal
     * @param tester        tests a connection (blocking; run on {@code background})
     * @param tokens        opens an environment's sign-in (blocking; run on {@code background})
     * @param board         the sign-in status of every environment
     * @param osEnvironment where {@code $ENV:NAME} values not in a variable group come from (names only are read)
     * @param afterSave     told on the FX thread after the file was written, e.g. to reopen the workspace so
     *                      other pages see the new settings
     * @param background    runs file, network and database work
     * @param fx            the FX executor ({@code FxExecutor}; a direct executor in tests)
     */
    public EnvironmentSettingsViewModel(ConsoleSession session, ConsoleSettingsReader reader,
                                        ConsoleSettingsEditor editor, EnvironmentFilesEditor filesEditor,
                                        ConnectionTester tester,
                                        ShellViewModel.TokensSource tokens, SignInStatusBoard board,
                                        InterventionRecorder interventions, Dialogs dialogs,
                                        Function<String, String> osEnvironment, Runnable afterSave,
                                        Executor background, Executor fx) {
        this.session = Objects.requireNonNull(session, "session");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.editor = Objects.requireNonNull(editor, "editor");
        this.filesEditor = Objects.requireNonNull(filesEditor, "filesEditor");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.board = Objects.requireNonNull(board, "board");
        this.interventions = Objects.requireNonNull(interventions, "interventions");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.origins = new ReferenceOrigins(Objects.requireNonNull(osEnvironment, "osEnvironment"));
        this.afterSave = Objects.requireNonNull(afterSave, "afterSave");
        this.background = Objects.requireNonNull(background, "background");
        this.toFx = new FxBatcher<>(fx, batch -> batch.forEach(Runnable::run));
        this.progressToFx = new FxBatcher<>(fx, batch -> progress.set(batch.get(batch.size() - 1)));
        board.subscribe(s -> toFx.post(() -> {
            statuses.put(s.environment(), s);
            showSignIn();
        }));
        selected.addListener((o, was, now) -> select(now));
        state.addListener((o, was, now) -> {
            updateCanSave();
            showSignIn();
        });
        session.workspaceProperty().addListener((o, was, now) -> reload());
        reload();
    }

    // Commands

    /** Reads {@code dbb-console.yml} again, dropping unsaved edits. */
    public void reload() {
        Workspace workspace = session.workspace();
        int load = generation.incrementAndGet();
        if (workspace == null) {
            clear();
            state.set(SettingsPageState.FAILED);
            say("No workspace is open.", false);
            return;
        }
        Path file = workspace.root().resolve(ConsoleSettings.FILE_NAME);
        if (!java.nio.file.Files.isRegularFile(file)) {
            clear();
            state.set(SettingsPageState.FAILED);
            say(workspace.name() + " has no " + ConsoleSettings.FILE_NAME + ", so it runs on defaults (one sandbox"
                    + " environment); create the file (for example with `dbb open`) to define environments.", true);
            return;
        }
        state.set(SettingsPageState.LOADING);
        if (!statusIsError.get() && !status.get().startsWith("Saved")) {
            say("Reading " + ConsoleSettings.FILE_NAME + " …", false);
        }
        background.execute(() -> {
            try {
                TextFile text = TextFile.read(file);
                ConsoleSettings read = reader.readText(file, text.text());
                toFx.post(() -> show(load, text, read));
            } catch (InvalidInputException e) {
                String why = formatted(workspace, e.problems());
                toFx.post(() -> {
                    if (load == generation.get()) {
                        clear();
                        state.set(SettingsPageState.FAILED);
                        say(ConsoleSettings.FILE_NAME + " cannot be edited until its errors are fixed: " + why, true);
                    }
                });
            }
        });
    }

    /** Drops the unsaved edits of the shown environment. */
    public void revert() {
        EnvironmentForm shown = form.get();
        if (shown != null) {
            shown.revert();
            say("Reverted " + shown.name() + " to the saved settings.", false);
        }
    }

    /** Shows the diff of the shown environment's edits for review; refuses while they are invalid. */
    public void review() {
        EnvironmentForm shown = form.get();
        if (state.get() != SettingsPageState.READY || shown == null) {
            return;
        }
        if (!shown.validProperty().get()) {
            say("Nothing was written: fix the settings marked in red first.", true);
            return;
        }
        if (formPreview.isEmpty() || !formPreview.get().changed()) {
            say("There are no changes to save for " + shown.name() + ".", false);
            return;
        }
        showReview(settingsOnly(formPreview.get(), List.of()));
    }

    /** Reviews adding the environment named {@link #newNameProperty()} with {@link #newWorkspaceProperty()}. */
    public void reviewAdd() {
        if (state.get() != SettingsPageState.READY) {
            return;
        }
        Map<EnvironmentField, String> values = new LinkedHashMap<>();
        if (!newWorkspace.get().isBlank()) {
            values.put(EnvironmentField.WORKSPACE, newWorkspace.get().strip());
        }
        values.put(EnvironmentField.AUTH, AuthMethod.INTERACTIVE.spelling());
        preview(new EnvironmentEdit.Add(newName.get().strip(), values)).ifPresent(edit -> showReview(settingsOnly(
                edit, List.of("Add its values to parameter.yml too (Parameters page): fabric-cicd skips every entry"
                        + " without a value for an environment it deploys to."))));
    }

    /** Reviews removing the shown environment from dbb-console.yml and its values from parameter.yml. */
    public void reviewRemove() {
        EnvironmentForm shown = form.get();
        if (state.get() != SettingsPageState.READY || shown == null) {
            return;
        }
        reviewInBothFiles(new EnvironmentEdit.Remove(shown.name()));
    }

    /**
     * Reviews giving the shown environment the name in {@link #newNameProperty()}, in dbb-console.yml and in
     * parameter.yml.
     */
    public void reviewRename() {
        EnvironmentForm shown = form.get();
        if (state.get() != SettingsPageState.READY || shown == null) {
            return;
        }
        reviewInBothFiles(new EnvironmentEdit.Rename(shown.name(), newName.get().strip()));
    }

    /** Leaves the review without writing. */
    public void cancelReview() {
        if (state.get() == SettingsPageState.REVIEWING) {
            reviewed = Optional.empty();
            diff.set("");
            reviewNotes.clear();
            state.set(SettingsPageState.READY);
            say("Nothing was written.", false);
        }
    }

    /**
     * Writes the reviewed change; a protected environment (as saved) asks for its name to be typed, removing any
     * environment asks first.
     */
    public void write() {
        if (state.get() != SettingsPageState.REVIEWING || reviewed.isEmpty()) {
            return;
        }
        EnvironmentFilesEdit edit = reviewed.get();
        String env = edit.edit().environment();
        boolean protectedEnv = Optional.ofNullable(settings).flatMap(s -> s.environment(env))
                .map(EnvironmentSettings::protectedEnv).orElse(false);
        String files = String.join(" and ", edit.fileNames());
        String question = "Write this change to " + files + ": " + edit.edit().describe() + "?";
        boolean confirmed;
        if (protectedEnv) {
            confirmed = dialogs.confirmTypedName("Change protected environment " + env, question
                    + " Type the environment's name to confirm.", env);
        } else if (edit.edit() instanceof EnvironmentEdit.Remove) {
            confirmed = dialogs.confirm("Remove environment " + env, question, "Remove " + env);
        } else {
            confirmed = true;
        }
        if (!confirmed) {
            say("Not saved: the confirmation was not given.", false);
            return;
        }
        Workspace workspace = session.workspace();
        String why = reason.get();
        state.set(SettingsPageState.SAVING);
        say("Writing " + files + " …", false);
        background.execute(() -> {
            try {
                filesEditor.apply(edit);
                Optional<String> auditProblem = interventions.tryRecord(interventions.entry(env,
                                AuditAction.SETTINGS_EDIT, edit.subject())
                        .withChange(edit.beforeText(), edit.afterText()).withReason(why));
                List<String> backups = new ArrayList<>();
                backups.add(AtomicFileWriter.backupOf(edit.settings().file()).getFileName().toString());
                edit.parameterChange().ifPresent(p -> backups.add(AtomicFileWriter.backupOf(p.file()).getFileName()
                        .toString()));
                String saved = "Saved " + files + " (" + edit.edit().describe() + "); the previous "
                        + (backups.size() == 1 ? "version is" : "versions are") + " kept as "
                        + String.join(" and ", backups) + "."
                        + auditProblem.map(p -> " Warning: the audit trail was not written: " + p).orElse("");
                toFx.post(() -> saved(saved, auditProblem.isPresent(), selectionAfter(edit)));
            } catch (InvalidInputException e) {
                String message = "Nothing was written: " + formatted(workspace, e.problems());
                toFx.post(() -> {
                    reviewed = Optional.empty();
                    state.set(SettingsPageState.READY);
                    say(message, true);
                });
            }
        });
    }

    /**
     * Tests the shown environment as typed (saved or not): signs in when needed, resolves its workspace and
     * compares its items with the repository's.
     */
    public void testConnection() {
        EnvironmentForm shown = form.get();
        Workspace workspace = session.workspace();
        if (state.get() != SettingsPageState.READY || shown == null || workspace == null) {
            return;
        }
        if (!shown.validProperty().get()) {
            testFailed(shown.name(), "Fix the settings marked in red first; the test uses the values as typed.");
            return;
        }
        ConsoleSettings candidate = formPreview.filter(SettingsFileEdit::changed).map(SettingsFileEdit::after)
                .orElse(settings);
        Workspace tested = new Workspace(workspace.root(), candidate, workspace.items());
        String env = shown.name();
        state.set(SettingsPageState.TESTING);
        testResult.set("");
        testFailed.set(false);
        missingItems.clear();
        progress.set("Starting the connection test of " + env + " …");
        background.execute(() -> {
            try {
                ConnectionReport report = tester.test(tested, env, progressToFx::post);
                toFx.post(() -> tested(report));
            } catch (SignInException e) {
                failTest(env, "The sign-in to " + env + " failed: " + e.getMessage());
            } catch (InvalidInputException e) {
                // a PlanException too: the workspace is not found, with the names the account can see
                failTest(env, String.join("; ", e.problems().stream().map(Problem::message).toList()));
            } catch (FabricApiException e) {
                failTest(env, e.getMessage() + " — check the workspace setting, and that the signed-in account"
                        + " can see that workspace.");
            } catch (RuntimeException e) {
                failTest(env, "The connection test stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
    }

    /** Signs in to the shown environment in the background (a browser or device code may be needed). */
    public void signIn() {
        signInOrOut(true);
    }

    /** Forgets the shown environment's tokens and remembered account. */
    public void signOut() {
        signInOrOut(false);
    }

    // Work

    private void signInOrOut(boolean in) {
        EnvironmentForm shown = form.get();
        Workspace workspace = session.workspace();
        if (shown == null || workspace == null || settings == null || (in ? !canSignIn.get() : !canSignOut.get())) {
            return;
        }
        EnvironmentSettings env = settings.environment(shown.name()).orElseThrow();
        signInBusy.set(true);
        signInText.set((in ? "Signing in to " : "Signing out of ") + env.name() + " … "
                + (in && env.auth() == AuthMethod.INTERACTIVE ? "finish the sign-in in the browser window" : ""));
        updateSignInButtons();
        background.execute(() -> {
            Optional<String> failure = Optional.empty();
            try {
                if (in) {
                    tokens.open(workspace, env).signIn();
                } else {
                    tokens.open(workspace, env).signOut();
                }
            } catch (SignInException | IllegalStateException e) {
                failure = Optional.of(e.getMessage());
            }
            Optional<String> failed = failure;
            toFx.post(() -> {
                signInBusy.set(false);
                failed.ifPresent(message -> statuses.put(env.name(), new SignInStatus(env.name(),
                        SignInState.FAILED, Optional.empty(), Optional.empty(), Optional.of(message),
                        org.dbb.console.core.auth.TokenStorage.NONE, Optional.empty())));
                showSignIn();
            });
        });
    }

    private Optional<SettingsFileEdit> preview(EnvironmentEdit edit) {
        try {
            return Optional.of(editor.preview(original, edit));
        } catch (InvalidInputException e) {
            say("Not possible: " + formatted(session.workspace(), e.problems()), true);
            return Optional.empty();
        }
    }

    /**
     * Computes a rename or removal over both files in the background (the parameter file is read, and its
     * templates for its validation), then shows it for review.
     */
    private void reviewInBothFiles(EnvironmentEdit edit) {
        Workspace workspace = session.workspace();
        TextFile settingsText = original;
        if (workspace == null || settingsText == null) {
            return;
        }
        int load = generation.get();
        state.set(SettingsPageState.CHECKING);
        say("Checking " + ConsoleSettings.FILE_NAME + " and parameter.yml for " + edit.describe() + " …", false);
        background.execute(() -> {
            try {
                Path parameters = workspace.parameterFile();
                Optional<TextFile> parameterText = java.nio.file.Files.isRegularFile(parameters)
                        ? Optional.of(TextFile.read(parameters)) : Optional.empty();
                EnvironmentFilesEdit previewed = filesEditor.preview(workspace.root(), settingsText, parameterText,
                        edit);
                toFx.post(() -> {
                    if (load == generation.get()) {
                        showReview(previewed);
                    }
                });
            } catch (InvalidInputException e) {
                String why = "Not possible: " + formatted(workspace, e.problems());
                toFx.post(() -> {
                    if (load == generation.get()) {
                        state.set(SettingsPageState.READY);
                        say(why, true);
                    }
                });
            }
        });
    }

    private EnvironmentFilesEdit settingsOnly(SettingsFileEdit edit, List<String> notes) {
        return new EnvironmentFilesEdit(session.workspace().root(), edit, Optional.empty(), notes);
    }

    private void showReview(EnvironmentFilesEdit edit) {
        reviewed = Optional.of(edit);
        List<String> lines = new ArrayList<>(UnifiedDiff.of(edit.name(edit.settings().file()),
                edit.settings().originalText(), edit.settings().editedText()));
        edit.parameterChange().ifPresent(p -> {
            lines.add("");
            lines.addAll(UnifiedDiff.of(edit.name(p.file()), p.original().text(), p.edited().text()));
        });
        diff.set(String.join("\n", lines));
        reviewTitle.set("Review: " + edit.edit().describe());
        writeText.set("Write " + String.join(" and ", edit.fileNames()));
        List<String> all = new ArrayList<>(edit.notes());
        edit.settings().warnings().forEach(w -> all.add(w.format(session.workspace().root())));
        reviewNotes.setAll(all);
        state.set(SettingsPageState.REVIEWING);
        say("Review the change to " + String.join(" and ", edit.fileNames()) + ", then write it.", false);
    }

    private void saved(String message, boolean error, String keepSelected) {
        reviewed = Optional.empty();
        diff.set("");
        reviewNotes.clear();
        reason.set("");
        newName.set("");
        newWorkspace.set("");
        say(message, error);
        selected.set(keepSelected);
        reload();
        afterSave.run();
    }

    private static String selectionAfter(EnvironmentFilesEdit edit) {
        if (edit.edit() instanceof EnvironmentEdit.Rename rename) {
            return rename.newName();
        }
        if (edit.edit() instanceof EnvironmentEdit.Remove) {
            return null;
        }
        return edit.edit().environment();
    }

    private void show(int load, TextFile text, ConsoleSettings read) {
        if (load != generation.get()) {
            return;
        }
        String keep = selected.get();
        original = text;
        settings = read;
        forms.clear();
        read.environments().values().forEach(env -> {
            EnvironmentForm f = new EnvironmentForm(env);
            for (EnvironmentField field : EnvironmentField.values()) {
                if (field == EnvironmentField.PROTECTED) {
                    f.protectedProperty().addListener((o, a, b) -> check(f));
                } else {
                    f.valueProperty(field).addListener((o, a, b) -> typed(f, field, b));
                }
            }
            forms.put(env.name(), f);
            check(f);
        });
        read.environments().keySet().forEach(name -> board.latest(name).ifPresent(s -> statuses.put(name, s)));
        environments.setAll(read.environments().keySet());
        inheritedWebhook.set(read.notifications().webhook()
                .map(w -> "Without a webhook of its own an environment uses the top-level one: " + w.display())
                .orElse("Without a webhook of its own an environment sends no notifications (none is set at the"
                        + " top level)."));
        String choice = keep != null && forms.containsKey(keep) ? keep
                : session.environment() != null && forms.containsKey(session.environment()) ? session.environment()
                : environments.isEmpty() ? null : environments.get(0);
        if (Objects.equals(choice, selected.get())) {
            select(choice);
        } else {
            selected.set(choice);
        }
        state.set(SettingsPageState.READY);
        if (status.get().startsWith("Reading")) {
            say(environments.size() + " environment" + (environments.size() == 1 ? "" : "s") + " in "
                    + ConsoleSettings.FILE_NAME + ".", false);
        }
    }

    private void select(String name) {
        form.set(name == null ? null : forms.get(name));
        testResult.set("");
        testFailed.set(false);
        missingItems.clear();
        progress.set("");
        EnvironmentForm shown = form.get();
        if (shown != null) {
            check(shown);
        }
        showSignIn();
    }

    /** A pasted URL in a secret field is taken off the screen at once; everything else is checked as typed. */
    private void typed(EnvironmentForm f, EnvironmentField field, String value) {
        if (field.secret() && value != null && value.contains("://")) {
            f.valueProperty(field).set(f.saved(field));
            check(f);
            String where = field.settingOf(f.name());
            Map<EnvironmentField, String> errors = new EnumMap<>(EnvironmentField.class);
            errors.put(field, ConsoleSettings.FILE_NAME + ": error: " + where + " was not saved: "
                    + (field == EnvironmentField.WEBHOOK ? "a webhook URL" : "a client secret") + " is a secret, and "
                    + ConsoleSettings.FILE_NAME + " is committed to Git, so the console never writes it there. Put"
                    + " it in the environment's variable group (as a secret variable) or in an OS environment"
                    + " variable, and enter a reference to it here, e.g. $ENV:"
                    + (field == EnvironmentField.WEBHOOK ? "DBB_TEAMS_WEBHOOK" : "DBB_CLIENT_SECRET") + ".");
            f.showErrors(errors, List.of());
            say("The pasted URL was not kept: reference it as $ENV:NAME instead.", true);
            return;
        }
        check(f);
    }

    /** Validates a form by computing its edit, exactly as a save would, and shows each problem at its setting. */
    private void check(EnvironmentForm f) {
        Map<EnvironmentField, Optional<String>> changes = f.changes();
        f.setDirty(!changes.isEmpty());
        Optional<SettingsFileEdit> preview = Optional.empty();
        if (!changes.isEmpty() && original != null) {
            try {
                preview = Optional.of(editor.preview(original, new EnvironmentEdit.Update(f.name(), changes)));
                f.showErrors(Map.of(), List.of());
            } catch (InvalidInputException e) {
                showProblems(f, e.problems());
            }
        } else {
            f.showErrors(Map.of(), List.of());
        }
        if (f == form.get()) {
            formPreview = preview;
            updateCanSave();
        }
        showWebhook(f, preview.map(SettingsFileEdit::after).orElse(settings));
    }

    private void showProblems(EnvironmentForm f, List<Problem> problems) {
        Map<EnvironmentField, String> byField = new EnumMap<>(EnvironmentField.class);
        List<String> general = new ArrayList<>();
        Path root = session.workspace() == null ? null : session.workspace().root();
        for (Problem p : problems) {
            String text = p.format(root);
            Optional<EnvironmentField> field = fieldOf(f.name(), p.message());
            if (field.isPresent()) {
                byField.merge(field.get(), text, (a, b) -> a + "\n" + b);
            } else {
                general.add(text);
            }
        }
        f.showErrors(byField, general);
    }

    /** The setting a validator message is about: the longest setting path it names. */
    private static Optional<EnvironmentField> fieldOf(String environment, String message) {
        EnvironmentField best = null;
        for (EnvironmentField field : EnvironmentField.values()) {
            if (message.contains(field.settingOf(environment)) && (best == null
                    || field.path().length() > best.path().length())) {
                best = field;
            }
        }
        if (best == null) {
            for (EnvironmentField field : EnvironmentField.values()) {
                if (field.section().isPresent()
                        && message.contains("environments." + environment + "." + field.section().get() + " ")) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private void showWebhook(EnvironmentForm f, ConsoleSettings shownSettings) {
        String typed = f.value(EnvironmentField.WEBHOOK);
        Optional<EnvironmentSettings> env = Optional.ofNullable(shownSettings).flatMap(s -> s.environment(f.name()))
                .or(() -> Optional.ofNullable(settings).flatMap(s -> s.environment(f.name())));
        if (env.isEmpty()) {
            f.setWebhookDisplay("");
            return;
        }
        Optional<Set<String>> names = Optional.ofNullable(groupNames.get(f.name()));
        if (!typed.isEmpty()) {
            f.setWebhookDisplay(origins.display(env.get(), SettingValue.secret(typed), names));
            return;
        }
        Optional<SettingValue> inherited = shownSettings == null ? Optional.empty()
                : shownSettings.notifications().webhook();
        f.setWebhookDisplay(inherited.map(w -> "not set here; uses the top-level webhook "
                + origins.display(env.get(), w, names)).orElse("not set; " + f.name() + " sends no notifications"));
    }

    private void tested(ConnectionReport report) {
        state.set(SettingsPageState.READY);
        progress.set("");
        report.groupVariables().ifPresent(names -> groupNames.put(report.environment(), names));
        missingItems.setAll(report.missing());
        String who = report.account().map(a -> " as " + a).orElse("");
        String items = report.missing().isEmpty()
                ? "every item of the repository is there."
                : report.missing().size() + " item" + (report.missing().size() == 1 ? " of the repository is" :
                "s of the repository are") + " missing there (listed below): deploy them (fabric-cicd) before"
                + " running " + report.environment() + ".";
        testResult.set("Connected to " + report.endpoint() + who + ": workspace '" + report.workspaceName() + "' ("
                + report.workspaceId() + ") holds " + report.itemCount() + " item"
                + (report.itemCount() == 1 ? "" : "s") + "; " + items);
        testFailed.set(!report.missing().isEmpty());
        EnvironmentForm shown = forms.get(report.environment());
        if (shown != null) {
            check(shown);
        }
    }

    private void failTest(String environment, String message) {
        toFx.post(() -> {
            state.set(SettingsPageState.READY);
            progress.set("");
            testFailed(environment, message);
        });
    }

    private void testFailed(String environment, String message) {
        testResult.set("Connection test of " + environment + " failed: " + message);
        testFailed.set(true);
    }

    private void clear() {
        original = null;
        settings = null;
        forms.clear();
        environments.clear();
        form.set(null);
        formPreview = Optional.empty();
        reviewed = Optional.empty();
    }

    private void updateCanSave() {
        EnvironmentForm shown = form.get();
        canSave.set(state.get() == SettingsPageState.READY && shown != null && shown.validProperty().get()
                && formPreview.map(SettingsFileEdit::changed).orElse(false));
    }

    private void showSignIn() {
        EnvironmentForm shown = form.get();
        Optional<EnvironmentSettings> env = shown == null || settings == null ? Optional.empty()
                : settings.environment(shown.name());
        if (env.isEmpty()) {
            signInState.set(null);
            signInText.set("");
        } else if (env.get().emulator()) {
            signInState.set(SignInState.NOT_NEEDED);
            signInText.set("Sandbox · no sign-in needed");
        } else if (!signInBusy.get()) {
            SignInStatus s = statuses.get(env.get().name());
            SignInState now = s == null ? SignInState.SIGNED_OUT : s.state();
            signInState.set(now);
            signInText.set(switch (now) {
                case SIGNED_IN -> "Signed in" + s.account().map(a -> " as " + a).orElse("");
                case SIGNING_IN -> "Signing in …";
                case EXPIRED -> "The sign-in expired; sign in again.";
                case FAILED -> "Sign-in failed: " + s.message().orElse("see the log");
                case NOT_NEEDED -> "No sign-in needed";
                case SIGNED_OUT -> "Signed out" + (s == null ? "" : s.account().map(a -> " (last: " + a + ")")
                        .orElse(""));
            });
        }
        updateSignInButtons();
    }

    private void updateSignInButtons() {
        SignInState now = signInState.get();
        boolean idle = !signInBusy.get() && state.get() != SettingsPageState.TESTING;
        canSignIn.set(idle && now != null && now != SignInState.NOT_NEEDED && now != SignInState.SIGNED_IN
                && now != SignInState.SIGNING_IN);
        canSignOut.set(idle && (now == SignInState.SIGNED_IN || now == SignInState.EXPIRED));
    }

    private void say(String message, boolean error) {
        status.set(message);
        statusIsError.set(error);
    }

    private static String formatted(Workspace workspace, List<Problem> problems) {
        Path root = workspace == null ? null : workspace.root();
        return String.join("; ", problems.stream().map(p -> p.format(root)).toList());
    }

    // Property accessors

    public ReadOnlyObjectProperty<SettingsPageState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The environment names, in file order. */
    public ObservableList<String> environments() {
        return FXCollections.unmodifiableObservableList(environments);
    }

    /** The environment whose form is shown. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** The shown environment's form; null when none is selected. */
    public ReadOnlyObjectProperty<EnvironmentForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    /** What an environment without a webhook of its own uses. */
    public ReadOnlyStringProperty inheritedWebhookProperty() {
        return inheritedWebhook.getReadOnlyProperty();
    }

    /** Whether the shown form has valid changes and nothing else is going on. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** The unified diff under review. */
    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewTitleProperty() {
        return reviewTitle.getReadOnlyProperty();
    }

    /** The label of the write command: the files the change under review writes. */
    public ReadOnlyStringProperty writeTextProperty() {
        return writeText.getReadOnlyProperty();
    }

    /** What the operator should know about the change under review (other files, the validator's warnings). */
    public ObservableList<String> reviewNotes() {
        return FXCollections.unmodifiableObservableList(reviewNotes);
    }

    /** The reason the audit trail records (optional). */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** The name for a new environment, or the new name of the shown one. */
    public StringProperty newNameProperty() {
        return newName;
    }

    /** The workspace of a new environment. */
    public StringProperty newWorkspaceProperty() {
        return newWorkspace;
    }

    /** What a running connection test waits for. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The outcome of the last connection test of the shown environment. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** Whether the last connection test failed or found items missing. */
    public ReadOnlyBooleanProperty testFailedProperty() {
        return testFailed.getReadOnlyProperty();
    }

    /** The repository's items the tested workspace lacks, as {@code Type 'name'}. */
    public ObservableList<String> missingItems() {
        return FXCollections.unmodifiableObservableList(missingItems);
    }

    public ReadOnlyObjectProperty<SignInState> signInStateProperty() {
        return signInState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signInTextProperty() {
        return signInText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSignInProperty() {
        return canSignIn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSignOutProperty() {
        return canSignOut.getReadOnlyProperty();
    }

    /** The outcome of the last command, or what is going on. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    /** The environments' sign-in statuses as last published (FX thread), for tests and the list's badges. */
    Optional<SignInStatus> signInStatus(String environment) {
        return Optional.ofNullable(statuses.get(environment));
    }
}
