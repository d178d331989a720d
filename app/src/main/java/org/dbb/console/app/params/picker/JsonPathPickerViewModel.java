package org.dbb.console.app.params.picker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

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

import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.FabricItemTypes;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.picker.DefinitionNode;
import org.dbb.console.core.workspace.params.picker.DefinitionTree;
import org.dbb.console.core.workspace.params.picker.FindKeyMatch;
import org.dbb.console.core.workspace.params.picker.FindKeyMatches;
import org.dbb.console.core.workspace.params.picker.ItemDefinitionFiles;
import org.dbb.console.core.workspace.params.picker.TargetRules;
import org.dbb.console.core.workspace.params.picker.TargetWarning;

/**
 * The JSONPath picker for a {@code key_value_replace} {@code find_key}: the workspace's items narrowed by the
 * entry's {@code item_type}/{@code item_name}, one item's JSON definition file as a tree, the path of the node the
 * operator picks, how many nodes the current {@code find_key} matches in that file, and warnings when the target
 * is not a leaf or the value would change its JSON type. Files are listed and read on the background executor and
 * come back through one {@link FxBatcher}; properties change and commands must be called on the FX thread.
 */
public final class JsonPathPickerViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(JsonPathPickerViewModel.class);

    private final ItemDefinitionFiles definitionFiles;
    private final FindKeyMatches matcher;
    private final Executor background;
    private final FxBatcher<Runnable> toFx;

    // Properties
    private final StringProperty findKey = new SimpleStringProperty(this, "findKey", "");
    private final StringProperty itemTypeFilter = new SimpleStringProperty(this, "itemTypeFilter", "");
    private final StringProperty itemNameFilter = new SimpleStringProperty(this, "itemNameFilter", "");
    private final ObjectProperty<Object> sampleValue = new SimpleObjectProperty<>(this, "sampleValue");
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Item> selectedItem = new SimpleObjectProperty<>(this, "selectedItem");
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObjectProperty<Path> selectedFile = new SimpleObjectProperty<>(this, "selectedFile");
    private final ReadOnlyObjectWrapper<DefinitionTree> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper matchSummary = new ReadOnlyStringWrapper(this, "matchSummary", "");
    private final ObservableList<String> matchedPaths = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyObjectWrapper<DefinitionNode> picked = new ReadOnlyObjectWrapper<>(this, "picked");
    private final ObservableList<Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ObservableList<Path> filesView = FXCollections.unmodifiableObservableList(files);
    private final ObservableList<String> matchedView = FXCollections.unmodifiableObservableList(matchedPaths);

    private ItemScan scan;
    private long filesGeneration;
    private long treeGeneration;

    /**
     * @param definitionFiles lists an item's JSON files
     * @param matcher         counts what a find_key selects
     * @param background      lists and reads files
     * @param fx              the FX thread (a direct executor in tests)
     */
    public JsonPathPickerViewModel(ItemDefinitionFiles definitionFiles, FindKeyMatches matcher, Executor background,
                                   Executor fx) {
        this.definitionFiles = Objects.requireNonNull(definitionFiles, "definitionFiles");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.background = Objects.requireNonNull(background, "background");
        this.toFx = new FxBatcher<>(fx, batch -> batch.forEach(Runnable::run));
        itemTypeFilter.addListener(o -> filterItems());
        itemNameFilter.addListener(o -> filterItems());
        selectedItem.addListener((obs, old, now) -> listFiles(now));
        selectedFile.addListener((obs, old, now) -> readFile(now));
        findKey.addListener(o -> evaluate());
        sampleValue.addListener(o -> evaluate());
    }

    // Commands

    /** Offers the items of {@code repository} (those fabric-cicd publishes), narrowed by the filters. */
    public void showItems(ItemScan repository) {
        scan = repository;
        filterItems();
    }

    /** Picks a node: its plain path becomes the find_key, and the warnings say what replacing it would do. */
    public void pick(DefinitionNode node) {
        picked.set(node);
        if (!findKey.get().equals(node.findKey())) {
            findKey.set(node.findKey());
        } else {
            evaluate();
        }
    }

    // Work

    private void filterItems() {
        List<String> types = commaList(itemTypeFilter.get());
        List<String> names = commaList(itemNameFilter.get());
        List<Item> shown = new ArrayList<>();
        if (scan != null) {
            for (Item item : scan.items()) {
                if (FabricItemTypes.isSupported(item.type()) && (types.isEmpty() || types.contains(item.type()))
                        && (names.isEmpty() || names.contains(item.displayName()))) {
                    shown.add(item);
                }
            }
        }
        Item chosen = selectedItem.get();
        items.setAll(shown);
        if (chosen == null || !shown.contains(chosen)) {
            selectedItem.set(shown.isEmpty() ? null : shown.get(0));
        }
        status.set(scan == null ? "The workspace's items are not known yet."
                : shown.isEmpty() ? "No item of this workspace matches the entry's item_type and item_name."
                : "");
    }

    private void listFiles(Item item) {
        long generation = ++filesGeneration;
        files.clear();
        selectedFile.set(null);
        if (item == null) {
            return;
        }
        loading.set(true);
        status.set("Listing the JSON files of " + item.label() + " …");
        inBackground("listing " + item.label(), () -> {
            List<Path> found = definitionFiles.of(item);
            toFx.post(() -> {
                if (generation != filesGeneration) {
                    return;
                }
                loading.set(false);
                files.setAll(found);
                status.set(found.isEmpty() ? item.label() + " has no JSON definition file to point into." : "");
                selectedFile.set(found.stream().filter(p -> p.getFileName().toString().endsWith("-content.json"))
                        .findFirst().orElse(found.isEmpty() ? null : found.get(0)));
            });
        });
    }

    private void readFile(Path file) {
        long generation = ++treeGeneration;
        tree.set(null);
        picked.set(null);
        evaluate();
        if (file == null) {
            return;
        }
        loading.set(true);
        status.set("Reading " + file.getFileName() + " …");
        inBackground("reading " + file.getFileName(), () -> {
            DefinitionTree parsed;
            String problem;
            try {
                parsed = DefinitionTree.parse(file, TextFile.read(file).text());
                problem = "";
            } catch (InvalidInputException e) {
                parsed = null;
                problem = e.problems().get(0).toString();
            }
            DefinitionTree result = parsed;
            String message = problem;
            toFx.post(() -> {
                if (generation != treeGeneration) {
                    return;
                }
                loading.set(false);
                tree.set(result);
                status.set(message);
                evaluate();
            });
        });
    }

    private void evaluate() {
        DefinitionTree current = tree.get();
        String key = findKey.get();
        if (current == null || key.isBlank()) {
            matchedPaths.clear();
            matchSummary.set(current == null ? "" : "Pick a value in the tree to use its path as find_key.");
            warning.set("");
            return;
        }
        FindKeyMatch match = matcher.evaluate(key, current);
        matchedPaths.setAll(match.paths());
        matchSummary.set(match.summary());
        Optional<Object> value = Optional.ofNullable(sampleValue.get());
        List<DefinitionNode> targets = new ArrayList<>();
        DefinitionNode chosen = picked.get();
        if (chosen != null && chosen.findKey().equals(key)) {
            targets.add(chosen);
        } else {
            match.paths().forEach(p -> current.find(p).ifPresent(targets::add));
        }
        warning.set(String.join("\n", TargetRules.check(key, targets, value).stream()
                .map(TargetWarning::message).toList()));
    }

    private void inBackground(String what, Runnable task) {
        background.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("The JSONPath picker failed while {}", what, e);
                toFx.post(() -> {
                    loading.set(false);
                    status.set("Failed while " + what + ": " + e.getMessage());
                });
            }
        });
    }

    private static List<String> commaList(String text) {
        List<String> out = new ArrayList<>();
        String inner = text == null ? "" : text.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        for (String part : inner.split(",")) {
            String s = part.strip();
            if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
                s = s.substring(1, s.length() - 1);
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    // Property accessors

    /** The find_key: filled by picking, or typed. */
    public StringProperty findKeyProperty() {
        return findKey;
    }

    /** The entry's item_type filter, comma-separated. */
    public StringProperty itemTypeFilterProperty() {
        return itemTypeFilter;
    }

    /** The entry's item_name filter, comma-separated. */
    public StringProperty itemNameFilterProperty() {
        return itemNameFilter;
    }

    /** The replacement value as it would be written, for the type check; null when not known. */
    public ObjectProperty<Object> sampleValueProperty() {
        return sampleValue;
    }

    /** The items to pick from. */
    public ObservableList<Item> items() {
        return itemsView;
    }

    public ObjectProperty<Item> selectedItemProperty() {
        return selectedItem;
    }

    /** The selected item's JSON files. */
    public ObservableList<Path> files() {
        return filesView;
    }

    public ObjectProperty<Path> selectedFileProperty() {
        return selectedFile;
    }

    /** The selected file as a tree; null while reading or when it is not JSON. */
    public ReadOnlyObjectProperty<DefinitionTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What is being read, or why there is nothing to show. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How many nodes the find_key matches in the file, or why it cannot be counted. */
    public ReadOnlyStringProperty matchSummaryProperty() {
        return matchSummary.getReadOnlyProperty();
    }

    /** The canonical paths of the matched nodes, for highlighting. */
    public ObservableList<String> matchedPaths() {
        return matchedView;
    }

    /** Not a leaf, or another JSON type: what fabric-cicd would silently do. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DefinitionNode> pickedProperty() {
        return picked.getReadOnlyProperty();
    }
}
