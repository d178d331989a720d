package org.dbb.console.app.params.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.picker.CompletionCandidate;

class VariableCompletionModelTest {

    private static final Path ROOT = Path.of("/repo").toAbsolutePath();
    private static final ItemScan ITEMS = new ItemScan(ROOT, List.of(
            new Item(ROOT.resolve("lh.Lakehouse"), "Lakehouse", "lh_bronze", "1", Optional.empty()),
            new Item(ROOT.resolve("bad.Notebook"), "Notebook", "nb.v2", "2", Optional.empty())), List.of());

    private final VariableCompletionModel model = new VariableCompletionModel(() -> Optional.of(ITEMS));

    @Test
    void choosingAStepOffersTheNextAndAFinishedVariableEndsTheList() {
        model.update("$it");
        CompletionCandidate items = model.candidates().get(0);
        assertThat(model.choose(items, "$it")).isEqualTo("$items.");
        assertThat(model.candidates()).extracting(CompletionCandidate::text)
                .containsExactly("$items.Lakehouse.", "$items.Notebook.");

        String typed = model.choose(model.candidates().get(0), "$items.");
        assertThat(typed).isEqualTo("$items.Lakehouse.");
        typed = model.choose(model.candidates().get(0), typed);
        assertThat(typed).isEqualTo("$items.Lakehouse.lh_bronze.$");
        assertThat(model.candidates()).extracting(CompletionCandidate::label)
                .containsExactly("$id", "$sqlendpoint", "$sqlendpointid");

        typed = model.choose(model.candidates().get(1), typed);
        assertThat(typed).isEqualTo("$items.Lakehouse.lh_bronze.$sqlendpoint");
        assertThat(model.candidates()).isEmpty();
    }

    @Test
    void anUnusableCandidateLeavesTheTextAsItWas() {
        model.update("$items.Notebook.");
        CompletionCandidate dotted = model.candidates().get(0);
        assertThat(dotted.usable()).isFalse();

        assertThat(model.choose(dotted, "$items.Notebook.")).isEqualTo("$items.Notebook.");
    }

    @Test
    void withoutAWorkspaceOnlyTheWorkspaceVariablesAreOffered() {
        VariableCompletionModel none = new VariableCompletionModel(Optional::empty);
        none.update("$");
        assertThat(none.candidates()).extracting(CompletionCandidate::text)
                .containsExactly("$items.", "$workspace.$id", "$workspace.$name", "$workspace.$name_encoded");
        none.update("$items.");
        assertThat(none.candidates()).isEmpty();
    }
}
