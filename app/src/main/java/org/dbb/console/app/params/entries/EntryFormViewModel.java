package org.dbb.console.app.params.entries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.params.EntryKey;
import org.dbb.console.app.params.EntryRow;
import org.dbb.console.app.params.MatrixCellView;
import org.dbb.console.app.params.CellState;
import org.dbb.console.app.params.ParameterDraft;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.app.params.ParameterMatrixViewModel;
import org.dbb.console.app.params.PendingEdit;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.SparkPoolTarget;
import org.dbb.console.core.workspace.params.edit.CommandLineValue;
import org.dbb.console.core.workspace.params.edit.EntryFilters;
import org.dbb.console.core.workspace.params.edit.NewEntry;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;

/**
 * Adding and removing parameter.yml entries on the parameter page. "Add entry" opens a form with the chosen
 * kind's required fields (and its optional filters); what is typed is checked, once typing pauses and again on
 * Add, with the same rules and messages as {@code dbb params check}, and an accepted entry joins the page's
 * pending edits (diff preview, save with backup and audit). "Remove entry" asks through {@link Dialogs} first.
 * Checks run on the background executor and come back through one {@link FxBatcher}; properties change and
 * commands must be called on the FX executor's thread.
 */
public final class EntryFormViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EntryFormViewModel.class);

    /** The kinds an entry can be added for, in the order the form offers them. */
    public static final List<ParameterKind> KINDS = List.of(ParameterKind.FIND_REPLACE,
            ParameterKind.KEY_VALUE_REPLACE, ParameterKind.SPARK_POOL, ParameterKind.SEMANTIC_MODEL_BINDING);

    private static final String ALL = "_ALL_";

    private final ParameterMatrixViewModel matrix;
    private final EntryCheck checker;
    private final Dialogs dialogs;
    private final Executor background;
    private final DelayedExecutor delayed;
    private final FxBatcher<Runnable> toFx;

    // Properties
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ObjectProperty<ParameterKind> kind =
            new SimpleObjectProperty<>(this, "kind", ParameterKind.FIND_REPLACE);
    private final StringProperty findValue = new SimpleStringProperty(this, "findValue", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final BooleanProperty ignoreCase = new SimpleBooleanProperty(this, "ignoreCase");
    private final StringProperty findKey = new SimpleStringProperty(this, "findKey", "");
    private final StringProperty instancePoolId = new SimpleStringProperty(this, "instancePoolId", "");
    private final StringProperty modelNames = new SimpleStringProperty(this, "modelNames", "");
    private final StringProperty itemType = new SimpleStringProperty(this, "itemType", "");
    private final StringProperty itemName = new SimpleStringProperty(this, "itemName", "");
    private final StringProperty filePath = new SimpleStringProperty(this, "filePath", "");
    private final BooleanProperty useAll = new SimpleBooleanProperty(this, "useAll");
    private final StringProperty allValue = new SimpleStringProperty(this, "allValue", "");
    private final ObservableList<EnvironmentValue> values = FXCollections.observableArrayList(
            v -> new Observable[] {v.textProperty()});
    private final ReadOnlyObjectWrapper<Object> sampleValue = new ReadOnlyObjectWrapper<>(this, "sampleValue");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper(this, "warnings", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper awaitedEnvironment = new ReadOnlyStringWrapper(this, "awaitedEnvironment");
    private final ObservableList<EnvironmentValue> valuesView = FXCollections.unmodifiableObservableList(values);

    private long generation;
    private boolean resetting;

    /**
     * @param matrix     the page whose pending text entries are added to and removed from
     * @param core       the editor and validator {@code dbb params check} uses
     * @param dialogs    asks before an entry is removed
     * @param background runs the checks
     * @param delayed    waits for a pause in typing
     * @param fx         the FX thread (a direct executor in tests)
     */
    public EntryFormViewModel(ParameterMatrixViewModel matrix, ParameterEditing core, Dialogs dialogs,
                              Executor background, DelayedExecutor delayed, Executor fx) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.checker = new EntryCheck(Objects.requireNonNull(core, "core"));
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.delayed = Objects.requireNonNull(delayed, "delayed");
        this.toFx = new FxBatcher<>(fx, batch -> batch.forEach(Runnable::run));
        for (Observable field : List.of(kind, findValue, regex, ignoreCase, findKey, instancePoolId, modelNames,
                itemType, itemName, filePath, useAll, allValue, values)) {
            field.addListener(o -> changed());
        }
    }

    // Commands

    /** Opens an empty form for {@code entryKind} with one value field per environment column. */
    public void start(ParameterKind entryKind) {
        if (!KINDS.contains(entryKind)) {
            throw new IllegalArgumentException("entries of " + entryKind + " cannot be added");
        }
        resetting = true;
        try {
            kind.set(entryKind);
            for (StringProperty text : List.of(findValue, findKey, instancePoolId, modelNames, itemType, itemName,
                    filePath, allValue)) {
                text.set("");
            }
            regex.set(false);
            ignoreCase.set(false);
            useAll.set(false);
            values.setAll(matrix.environments().stream().map(EnvironmentValue::new).toList());
            awaitedEnvironment.set(null);
        } finally {
            resetting = false;
        }
        generation++;
        problem.set("");
        warnings.set("");
        checking.set(false);
        sampleValue.set(null);
        open.set(true);
    }

    /**
     * Opens the form for a {@code find_replace} entry that finds {@code text} literally (e.g. a GUID the coverage
     * list found unreplaced) and waits for the value of {@code environment}, giving it a field when
     * {@code parameter.yml} has no column for it yet. Nothing is checked until the value is typed.
     */
    public void startFindReplace(String text, String environment) {
        start(ParameterKind.FIND_REPLACE);
        resetting = true;
        try {
            findValue.set(Objects.requireNonNull(text, "text"));
            if (values.stream().noneMatch(v -> v.environment().equals(environment))) {
                values.add(new EnvironmentValue(environment));
            }
            awaitedEnvironment.set(environment);
        } finally {
            resetting = false;
        }
    }

    /** Closes the form without adding anything. */
    public void cancel() {
        generation++;
        checking.set(false);
        open.set(false);
    }

    /**
     * Checks the entry as {@code dbb params check} would and, when it adds no error, makes it a pending edit and
     * closes the form; otherwise {@link #problemProperty()} gives the validator's message(s).
     */
    public void add() {
        judge(true);
    }

    /**
     * Removes an entry of the main file after the operator confirms; like any edit it is pending until saved.
     *
     * @return whether it became a pending edit
     */
    public boolean remove(EntryRow row) {
        if (row.template()) {
            return false;
        }
        EntryKey key = row.key();
        String what = key.kind() == ParameterKind.SEMANTIC_MODEL_BINDING && key.number() == 0
                ? "the default connection of semantic_model_binding"
                : key.label() + (row.label().isBlank() ? "" : " (" + row.label() + ")");
        if (!dialogs.confirm("Remove entry", "Remove " + what + ", written at " + row.source()
                + ", from parameter.yml? The comment lines directly above it go with it. Nothing is written until"
                + " you save.", "Remove entry")) {
            return false;
        }
        Set<String> touches = row.all().isPresent() ? new LinkedHashSet<>(matrix.environments())
                : row.cells().stream().filter(c -> c.state() != CellState.MISSING).map(MatrixCellView::environment)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        return matrix.propose(new PendingEdit(new ParameterFileEdit.RemoveEntry(key.kind(), key.number()),
                "remove " + what, environmentLabel(touches), Optional.empty(), Optional.empty(), touches));
    }

    // Work

    private void changed() {
        if (resetting || !open.get()) {
            return;
        }
        sampleValue.set(firstValue().orElse(null));
        judge(false);
    }

    private void judge(boolean addWhenAccepted) {
        long current = ++generation;
        NewEntry entry;
        try {
            entry = entry();
        } catch (FormProblem e) {
            problem.set(e.getMessage());
            warnings.set("");
            checking.set(false);
            return;
        }
        Optional<ParameterDraft> draft = matrix.draft();
        if (draft.isEmpty()) {
            problem.set("The parameter file is not open for editing yet.");
            return;
        }
        checking.set(true);
        Runnable work = () -> inBackground(() -> {
            EntryCheck.Verdict verdict = checker.judge(draft.get(), entry);
            toFx.post(() -> {
                if (current != generation) {
                    return;
                }
                checking.set(false);
                problem.set(String.join("\n", verdict.errors()));
                warnings.set(String.join("\n", verdict.warnings()));
                if (addWhenAccepted && verdict.accepted()) {
                    propose(entry);
                }
            });
        });
        if (addWhenAccepted) {
            work.run();
        } else {
            delayed.schedule(work, ParameterMatrixViewModel.DEBOUNCE);
        }
    }

    private void propose(NewEntry entry) {
        Set<String> touches = entry.replaceValue().containsKey(ALL)
                ? new LinkedHashSet<>(matrix.environments()) : new LinkedHashSet<>(entry.replaceValue().keySet());
        String description = "add " + entry.kind().key() + " entry " + summary(entry) + " ("
                + String.join(", ", entry.replaceValue().keySet()) + ")";
        if (matrix.propose(new PendingEdit(new ParameterFileEdit.AddEntry(entry), description,
                environmentLabel(touches), Optional.empty(), Optional.empty(), touches))) {
            open.set(false);
        } else {
            problem.set(matrix.inputProblemProperty().get());
        }
    }

    private void inBackground(Runnable task) {
        background.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Checking the new parameter entry failed", e);
                toFx.post(() -> {
                    checking.set(false);
                    problem.set("The entry could not be checked: " + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ". Nothing was changed.");
                });
            }
        });
    }

    /** The entry the form describes. */
    NewEntry entry() {
        Map<String, Object> byEnvironment = environmentValues();
        return switch (kind.get()) {
            case FIND_REPLACE -> {
                require(!findValue.get().isEmpty(), "find_value is required: the text (or regex) to find.");
                Map<String, String> texts = new LinkedHashMap<>();
                byEnvironment.forEach((env, value) -> texts.put(env, (String) value));
                yield new NewEntry.FindReplace(findValue.get(), texts, regex.get(), ignoreCase.get(), filters());
            }
            case KEY_VALUE_REPLACE -> {
                require(!findKey.get().isBlank(), "find_key is required: the JSONPath of the value to set, e.g."
                        + " $.properties.parameters.env.defaultValue (pick it from an item below).");
                yield new NewEntry.KeyValueReplace(findKey.get().strip(), byEnvironment, filters());
            }
            case SPARK_POOL -> {
                require(!instancePoolId.get().isBlank(), "instance_pool_id is required: the pool id written in the"
                        + " Environment's Setting/Sparkcompute.yml.");
                Map<String, SparkPoolTarget> pools = new LinkedHashMap<>();
                byEnvironment.forEach((env, value) -> pools.put(env, pool(env, value)));
                yield new NewEntry.SparkPool(instancePoolId.get().strip(), pools, list(itemName.get()));
            }
            case SEMANTIC_MODEL_BINDING -> {
                List<String> names = list(modelNames.get());
                require(!names.isEmpty(), "semantic_model_name is required: one or more semantic model names.");
                yield new NewEntry.ModelBinding(names, byEnvironment);
            }
        };
    }

    /** A typed {@code {type: Workspace, name: Pool}}; the editor checks type and name with fabric-cicd's rules. */
    private static SparkPoolTarget pool(String environment, Object value) {
        if (value instanceof Map<?, ?> map && map.get("type") instanceof String type
                && map.get("name") instanceof String name && map.size() == 2) {
            return new SparkPoolTarget(type, name);
        }
        throw new FormProblem(environment + ": a spark_pool value is {type: Capacity|Workspace, name: <pool name>}"
                + " (got " + value + ")");
    }

    private Map<String, Object> environmentValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (useAll.get()) {
            require(!allValue.get().isBlank(), "Give the value for every environment (_ALL_).");
            out.put(ALL, parse(ALL, allValue.get()));
            return out;
        }
        for (EnvironmentValue value : values) {
            if (!value.textProperty().get().isBlank()) {
                out.put(value.environment(), parse(value.environment(), value.textProperty().get()));
            }
        }
        require(!out.isEmpty(), "Give a value for at least one environment; fabric-cicd skips the entry in an"
                + " environment it has no value for.");
        return out;
    }

    private Object parse(String environment, String text) {
        if (kind.get() == ParameterKind.FIND_REPLACE) {
            return text;
        }
        try {
            return CommandLineValue.parse(file(), text);
        } catch (InvalidInputException e) {
            throw new FormProblem(environment + ": " + e.problems().get(0).message());
        }
    }

    private Optional<Object> firstValue() {
        try {
            if (useAll.get()) {
                return allValue.get().isBlank() ? Optional.empty() : Optional.of(parse(ALL, allValue.get()));
            }
            for (EnvironmentValue value : values) {
                if (!value.textProperty().get().isBlank()) {
                    return Optional.of(parse(value.environment(), value.textProperty().get()));
                }
            }
        } catch (FormProblem e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Path file() {
        return matrix.draft().map(ParameterDraft::file).orElse(Path.of("parameter.yml"));
    }

    private EntryFilters filters() {
        return new EntryFilters(list(itemType.get()), list(itemName.get()), list(filePath.get()));
    }

    /** Comma-separated values as typed; brackets and quotes around them are allowed and dropped. */
    static List<String> list(String text) {
        String inner = text.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(inner.split(",")).map(String::strip).map(EntryFormViewModel::unquote)
                .filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String summary(NewEntry entry) {
        if (entry instanceof NewEntry.FindReplace e) {
            return "'" + e.findValue() + "'";
        }
        if (entry instanceof NewEntry.KeyValueReplace e) {
            return e.findKey();
        }
        if (entry instanceof NewEntry.SparkPool e) {
            return e.instancePoolId();
        }
        return String.join(", ", ((NewEntry.ModelBinding) entry).semanticModelName());
    }

    private static String environmentLabel(Set<String> touches) {
        return touches.size() == 1 ? touches.iterator().next() : "all";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new FormProblem(message);
        }
    }

    /** A form field that cannot become part of an entry, with what to do about it. */
    private static final class FormProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormProblem(String message) {
            super(message, null, false, false);
        }
    }

    // Property accessors

    /** Whether the form is shown. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ObjectProperty<ParameterKind> kindProperty() {
        return kind;
    }

    public StringProperty findValueProperty() {
        return findValue;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty ignoreCaseProperty() {
        return ignoreCase;
    }

    public StringProperty findKeyProperty() {
        return findKey;
    }

    public StringProperty instancePoolIdProperty() {
        return instancePoolId;
    }

    /** Semantic model names, comma-separated. */
    public StringProperty modelNamesProperty() {
        return modelNames;
    }

    /** The item_type filter, comma-separated; blank for none. */
    public StringProperty itemTypeProperty() {
        return itemType;
    }

    /** The item_name filter, comma-separated; blank for none. */
    public StringProperty itemNameProperty() {
        return itemName;
    }

    /** The file_path filter, comma-separated; blank for none. */
    public StringProperty filePathProperty() {
        return filePath;
    }

    /** Whether one value applies to every environment ({@code _ALL_}). */
    public BooleanProperty useAllProperty() {
        return useAll;
    }

    public StringProperty allValueProperty() {
        return allValue;
    }

    /** One value per environment column. */
    public ObservableList<EnvironmentValue> values() {
        return valuesView;
    }

    /** The first value typed, as it would be written (for the picker's type check); null when none. */
    public ReadOnlyObjectProperty<Object> sampleValueProperty() {
        return sampleValue.getReadOnlyProperty();
    }

    /** Why the entry cannot be added yet, in the validator's words; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What fabric-cicd's check warns about on the new entry's lines. */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The environment whose value the form waits for, the one to type first; null when none in particular. */
    public ReadOnlyStringProperty awaitedEnvironmentProperty() {
        return awaitedEnvironment.getReadOnlyProperty();
    }
}
