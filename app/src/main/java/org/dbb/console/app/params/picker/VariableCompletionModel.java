package org.dbb.console.app.params.picker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.picker.CompletionCandidate;
import org.dbb.console.core.workspace.params.picker.VariableCompletion;

/**
 * The completions offered under a replace value being typed: {@code $items.<Type>.<Name>.$attr} and
 * {@code $workspace.*} from the open workspace's items (computed by core's {@link VariableCompletion}). Plain
 * Java; call on the FX thread.
 */
public final class VariableCompletionModel {

    private final Supplier<Optional<ItemScan>> items;
    private final ObservableList<CompletionCandidate> candidates = FXCollections.observableArrayList();
    private final ObservableList<CompletionCandidate> candidatesView =
            FXCollections.unmodifiableObservableList(candidates);

    /** @param items the workspace's items at the time of typing; empty offers only {@code $workspace} variables */
    public VariableCompletionModel(Supplier<Optional<ItemScan>> items) {
        this.items = Objects.requireNonNull(items, "items");
    }

    /** Recomputes the completions for the text left of the caret. */
    public void update(String typed) {
        ItemScan scan = items.get().orElseGet(() -> new ItemScan(Path.of(""), List.of(), List.of()));
        candidates.setAll(VariableCompletion.complete(typed == null ? "" : typed, scan));
    }

    /** The text after choosing {@code candidate}; unusable candidates leave {@code typed} as it is. */
    public String choose(CompletionCandidate candidate, String typed) {
        if (!candidate.usable()) {
            return typed;
        }
        update(candidate.text());
        if (candidate.complete()) {
            candidates.clear();
        }
        return candidate.text();
    }

    public void clear() {
        candidates.clear();
    }

    /** The completions of what was typed last, usable or not. */
    public ObservableList<CompletionCandidate> candidates() {
        return candidatesView;
    }
}
