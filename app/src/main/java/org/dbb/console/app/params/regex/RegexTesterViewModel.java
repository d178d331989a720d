package org.dbb.console.app.params.regex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.params.ItemFilters;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.regex.FindValueTester;
import org.dbb.console.core.workspace.params.regex.FindValueTrial;
import org.dbb.console.core.workspace.params.regex.TrialFile;
import org.dbb.console.core.workspace.params.regex.TrialResult;

/**
 * The find-value tester of the Parameters page: for a {@code find_replace} entry (chosen here or selected in the
 * matrix) it shows the find value as written and lets the operator edit a trial copy, listing every match in the
 * files the entry's filters select with group 1 located, and what fabric-cicd would make of the pattern. Reading
 * {@code parameter.yml} and matching run on the background executor, a trial once typing pauses; results reach the
 * FX thread through one {@link FxBatcher}. Properties change, and commands must be called, on the FX executor's
 * thread.
 */
public final class RegexTesterViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RegexTesterViewModel.class);

    /** How long typing must pause before the trial runs. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final ParameterFileValidator validator;
    private final FindValueTester tester;
    private final ConsoleSession session;
    private final Executor background;
    private final DelayedExecutor delayed;
    private final FxBatcher<Runnable> toFx;

    private final ObservableList<TesterEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<TesterEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper written = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper filters = new ReadOnlyStringWrapper("");
    private final StringProperty trial = new SimpleStringProperty(this, "trial", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex", true);
    private final BooleanProperty ignoreCase = new SimpleBooleanProperty(this, "ignoreCase", false);
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a workspace to try its find"
            + " values.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<TesterMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<TrialFile> files = FXCollections.observableArrayList();
    private final ObservableList<TesterEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<TesterMessage> messagesView = FXCollections.unmodifiableObservableList(messages);
    private final ObservableList<TrialFile> filesView = FXCollections.unmodifiableObservableList(files);

    private Optional<ItemScan> items = Optional.empty();
    private long loadGeneration;
    private long trialGeneration;
    private int wanted = -1;

    /**
     * @param validator  reads {@code parameter.yml} as fabric-cicd 1.3.0 does
     * @param tester     matches find values in the item files
     * @param session    the open workspace
     * @param background runs reading and matching
     * @param delayed    waits for a pause in typing
     * @param fx         the FX thread (a direct executor in tests)
     */
    public RegexTesterViewModel(ParameterFileValidator validator, FindValueTester tester, ConsoleSession session,
                                Executor background, DelayedExecutor delayed, Executor fx) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.session = Objects.requireNonNull(session, "session");
        this.background = Objects.requireNonNull(background, "background");
        this.delayed = Objects.requireNonNull(delayed, "delayed");
        this.toFx = new FxBatcher<>(Objects.requireNonNull(fx, "fx"), batch -> batch.forEach(Runnable::run));
        session.workspaceProperty().addListener((obs, old, now) -> load());
        selected.addListener((obs, old, now) -> takeEntry(now));
        trial.addListener((obs, old, now) -> trySoon());
        regex.addListener((obs, old, now) -> trySoon());
        ignoreCase.addListener((obs, old, now) -> trySoon());
    }

    // Commands

    /** Reads the workspace's {@code parameter.yml} (as saved) and lists its find_replace entries. */
    public void load() {
        long generation = ++loadGeneration;
        Workspace workspace = session.workspace();
        if (workspace == null) {
            items = Optional.empty();
            entries.clear();
            selected.set(null);
            files.clear();
            messages.clear();
            status.set("Open a workspace to try its find values.");
            return;
        }
        items = Optional.of(workspace.items());
        Path file = workspace.parameterFile();
        running.set(true);
        status.set("Reading the find_replace entries of " + file.getFileName() + " …");
        background.execute(() -> {
            try {
                Optional<ParameterValidation> validation = Files.exists(file)
                        ? Optional.of(validator.validate(file, Optional.empty(), Optional.of(workspace.items())))
                        : Optional.empty();
                List<TesterEntry> found = validation.flatMap(ParameterValidation::file)
                        .map(p -> p.findReplace().stream().map(TesterEntry::new).toList()).orElse(List.of());
                String note = validation.isEmpty() ? "The repository has no " + file.getFileName()
                        + ": type a find value to try it on every item file."
                        : validation.get().file().isEmpty() ? "fabric-cicd refuses " + file.getFileName() + " ("
                        + validation.get().firstError().map(p -> p.format(workspace.root())).orElse("")
                        + "), so its entries cannot be listed; a find value typed here is tried on every item file."
                        : found.isEmpty() ? file.getFileName() + " has no find_replace entry: type a find value to"
                        + " try it on every item file."
                        : "Choose an entry, or click one of its cells in the matrix.";
                toFx.post(() -> {
                    if (generation == loadGeneration) {
                        showEntries(found, note);
                    }
                });
            } catch (RuntimeException e) {
                LOG.error("Reading find_replace entries failed", e);
                toFx.post(() -> {
                    running.set(false);
                    status.set("Could not read the entries: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                });
            }
        });
    }

    /**
     * Chooses the entry with that {@code find_replace} number (a matrix cell was selected); while the entries are
     * being read it is remembered, and a number the file does not have is ignored.
     */
    public void selectEntry(int number) {
        wanted = number;
        entries.stream().filter(e -> e.number() == number).findFirst().ifPresent(selected::set);
    }

    /** Puts the entry's own find value and flags back into the trial. */
    public void resetTrial() {
        TesterEntry entry = selected.get();
        if (entry != null) {
            regex.set(entry.entry().regex());
            ignoreCase.set(entry.entry().ignoreCase());
            trial.set(entry.entry().findValue());
        }
    }

    // FX-thread state changes

    private void showEntries(List<TesterEntry> found, String note) {
        running.set(false);
        int previous = wanted >= 0 ? wanted : selected.get() == null ? -1 : selected.get().number();
        entries.setAll(found);
        status.set(note);
        Optional<TesterEntry> again = found.stream().filter(e -> e.number() == previous).findFirst();
        Optional<TesterEntry> firstRegex = found.stream().filter(e -> e.entry().regex()).findFirst();
        selected.set(again.or(() -> firstRegex).orElse(found.isEmpty() ? null : found.get(0)));
        if (selected.get() == null) {
            takeEntry(null);
        }
    }

    private void takeEntry(TesterEntry entry) {
        written.set(entry == null ? "" : entry.entry().findValue());
        filters.set(entry == null ? "no entry: every item file in scope" : entry.filters());
        if (entry == null) {
            trySoon();
            return;
        }
        boolean same = trial.get().equals(entry.entry().findValue()) && regex.get() == entry.entry().regex()
                && ignoreCase.get() == entry.entry().ignoreCase();
        resetTrial();
        if (same) {
            trySoon();
        }
    }

    private void trySoon() {
        long generation = ++trialGeneration;
        TesterEntry entry = selected.get();
        edited.set(entry != null && (!trial.get().equals(entry.entry().findValue())
                || regex.get() != entry.entry().regex() || ignoreCase.get() != entry.entry().ignoreCase()));
        if (items.isEmpty()) {
            return;
        }
        ItemScan scan = items.get();
        FindValueTrial attempt = new FindValueTrial(trial.get(), regex.get(), ignoreCase.get(),
                entry == null ? ItemFilters.NONE : entry.entry().filters());
        running.set(true);
        status.set("Matching " + (attempt.regex() ? "the pattern" : "the literal") + " in the item files "
                + (entry == null ? "" : "find_replace " + entry.number() + " applies to ") + "…");
        delayed.schedule(() -> background.execute(() -> {
            if (generation != trialGeneration) {
                return;
            }
            try {
                TrialResult result = tester.run(attempt, scan);
                toFx.post(() -> {
                    if (generation == trialGeneration) {
                        show(result, attempt);
                    }
                });
            } catch (RuntimeException e) {
                LOG.error("Trying a find value failed", e);
                toFx.post(() -> {
                    if (generation == trialGeneration) {
                        running.set(false);
                        status.set("The trial failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                });
            }
        }), DEBOUNCE);
    }

    private void show(TrialResult result, FindValueTrial attempt) {
        running.set(false);
        messages.setAll(result.messages().stream()
                .map(m -> new TesterMessage(m.severity() == Severity.ERROR, m.text())).toList());
        files.setAll(result.files());
        if (!result.runnable()) {
            summary.set("");
        } else {
            summary.set(result.totalMatches() + " match" + (result.totalMatches() == 1 ? "" : "es") + " in "
                    + result.filesWithMatches() + " of " + result.files().size() + " file"
                    + (result.files().size() == 1 ? "" : "s") + " the filters select"
                    + (attempt.regex() && result.groups() >= 1 ? "; group 1 (highlighted) is what fabric-cicd"
                    + " replaces" : attempt.regex() ? "" : "; the highlighted text is what fabric-cicd replaces"));
        }
        status.set(edited.get() ? "Trial pattern — the entry in parameter.yml is unchanged."
                : selected.get() == null ? "Tried on every item file in scope." : "The entry as written.");
    }

    // Property accessors

    /** The find_replace entries of the saved file (templates merged). */
    public ObservableList<TesterEntry> entries() {
        return entriesView;
    }

    /** The entry being tried; choosing one puts its find value into the trial. */
    public ObjectProperty<TesterEntry> selectedProperty() {
        return selected;
    }

    /** The entry's find value exactly as written. */
    public ReadOnlyStringProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** The entry's filters in words. */
    public ReadOnlyStringProperty filtersProperty() {
        return filters.getReadOnlyProperty();
    }

    /** The find value being tried; editing it never changes parameter.yml. */
    public StringProperty trialProperty() {
        return trial;
    }

    /** Whether the trial is a regex ({@code is_regex: "true"}). */
    public BooleanProperty regexProperty() {
        return regex;
    }

    /** Whether the trial ignores case ({@code ignore_case: "true"}). */
    public BooleanProperty ignoreCaseProperty() {
        return ignoreCase;
    }

    /** Whether the trial differs from the entry as written. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One sentence: what is being waited for, or what the results are of. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Match and file counts. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Invalid pattern, no group 1, no match, empty group 1…, errors first. */
    public ObservableList<TesterMessage> messages() {
        return messagesView;
    }

    /** The files the filters select, those with matches first. */
    public ObservableList<TrialFile> files() {
        return filesView;
    }
}
