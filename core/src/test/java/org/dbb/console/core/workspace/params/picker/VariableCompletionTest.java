package org.dbb.console.core.workspace.params.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.junit.jupiter.api.Test;

class VariableCompletionTest {

    private static final Path ROOT = Path.of("/repo").toAbsolutePath();
    private static final ItemScan ITEMS = new ItemScan(ROOT, List.of(
            item("Lakehouse", "lh_bronze"), item("Lakehouse", "lh_silver"), item("Warehouse", "wh_gold"),
            item("Eventhouse", "EH_Telemetry"), item("Notebook", "nb_load"), item("Notebook", "nb.v2"),
            item("SemanticModel", "Sales"), item("NotAFabricType", "x")), List.of());

    private static Item item(String type, String name) {
        return new Item(ROOT.resolve(name + "." + type), type, name, "00000000-0000-0000-0000-000000000001",
                Optional.empty());
    }

    private static List<String> texts(String typed) {
        return VariableCompletion.complete(typed, ITEMS).stream().map(CompletionCandidate::text).toList();
    }

    @Test
    void aDollarOffersItemsAndTheWorkspaceVariablesTheDocumentationLists() {
        assertThat(texts("$")).containsExactly("$items.", "$workspace.$id", "$workspace.$name",
                "$workspace.$name_encoded");
        assertThat(texts("$w")).containsExactly("$workspace.$id", "$workspace.$name", "$workspace.$name_encoded");
        assertThat(texts("$workspace.$n")).containsExactly("$workspace.$name", "$workspace.$name_encoded");
        assertThat(texts("plain text")).isEmpty();
        assertThat(texts("")).isEmpty();
    }

    @Test
    void afterItemsComeTheFabricTypesPresentInTheWorkspaceInOrder() {
        assertThat(texts("$items.")).containsExactly("$items.Eventhouse.", "$items.Lakehouse.", "$items.Notebook.",
                "$items.SemanticModel.", "$items.Warehouse.");
        assertThat(VariableCompletion.complete("$items.la", ITEMS)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("$items.Lakehouse.");
            assertThat(c.detail()).isEqualTo("2 items in this workspace");
            assertThat(c.complete()).isFalse();
        });
    }

    @Test
    void afterATypeComeItsItemNamesSpelledExactly() {
        assertThat(texts("$items.Lakehouse.")).containsExactly("$items.Lakehouse.lh_bronze.$",
                "$items.Lakehouse.lh_silver.$");
        assertThat(texts("$items.lakehouse.LH_S")).containsExactly("$items.Lakehouse.lh_silver.$");
    }

    @Test
    void aTypeWithOnlyTheIdAttributeCompletesTheWholeVariableAtOnce() {
        assertThat(VariableCompletion.complete("$items.SemanticModel.S", ITEMS)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("$items.SemanticModel.Sales.$id");
            assertThat(c.complete()).isTrue();
        });
    }

    @Test
    void onlyTheAttributesFabricCicdSupportsForTheTypeAreOffered() {
        assertThat(texts("$items.Lakehouse.lh_bronze.$")).containsExactly("$items.Lakehouse.lh_bronze.$id",
                "$items.Lakehouse.lh_bronze.$sqlendpoint", "$items.Lakehouse.lh_bronze.$sqlendpointid");
        assertThat(texts("$items.Warehouse.wh_gold.$")).containsExactly("$items.Warehouse.wh_gold.$id",
                "$items.Warehouse.wh_gold.$sqlendpoint");
        assertThat(texts("$items.Eventhouse.EH_Telemetry.$q"))
                .containsExactly("$items.Eventhouse.EH_Telemetry.$queryserviceuri");
        assertThat(texts("$items.Lakehouse.missing.$")).isEmpty();
    }

    @Test
    void aNameWithADotIsShownButNotOfferedBecauseFabricCicdCannotReferenceIt() {
        assertThat(VariableCompletion.complete("$items.Notebook.nb.", ITEMS)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("$items.Notebook.nb.v2.$id");
            assertThat(c.usable()).isFalse();
            assertThat(c.problem().orElseThrow()).contains("cannot be referenced");
        });
    }

    @Test
    void typesFabricCicdDoesNotPublishAreNotOffered() {
        assertThat(texts("$items.N")).containsExactly("$items.Notebook.");
        assertThat(texts("$items.NotAFabricType.")).isEmpty();
    }
}
