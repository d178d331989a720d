package org.dbb.console.app.params.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.JsonPathSyntax;
import org.dbb.console.core.workspace.params.picker.DefinitionNode;
import org.dbb.console.core.workspace.params.picker.FindKeyMatches;
import org.dbb.console.core.workspace.params.picker.ItemDefinitionFiles;

class JsonPathPickerViewModelTest {

    @TempDir
    Path temp;

    private Workspace workspace;
    private JsonPathPickerViewModel picker;

    @BeforeEach
    void openSample() {
        Path root = temp.resolve("sample");
        new SampleWorkspace().exportTo(root);
        workspace = new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments()))
                .open(root);
        picker = new JsonPathPickerViewModel(new ItemDefinitionFiles(), new FindKeyMatches(new JsonPathSyntax()),
                Runnable::run, Runnable::run);
    }

    private DefinitionNode node(String findKey) {
        return find(picker.treeProperty().get().root(), findKey);
    }

    private static DefinitionNode find(DefinitionNode node, String findKey) {
        if (node.findKey().equals(findKey)) {
            return node;
        }
        for (DefinitionNode child : node.children()) {
            DefinitionNode found = find(child, findKey);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void theEntrysFiltersNarrowTheItemsAndTheFirstItemsContentFileIsShown() {
        picker.itemTypeFilterProperty().set("DataPipeline");
        picker.itemNameFilterProperty().set("[\"refresh_semantic_models\", \"orchestration_pipeline_DBB\"]");
        picker.showItems(workspace.items());

        assertThat(picker.items()).extracting(Item::displayName)
                .containsExactlyInAnyOrder("refresh_semantic_models", "orchestration_pipeline_DBB");
        assertThat(picker.selectedFileProperty().get().getFileName().toString()).isEqualTo("pipeline-content.json");
        assertThat(picker.treeProperty().get()).isNotNull();
        assertThat(picker.files()).noneMatch(p -> p.getFileName().toString().equals(".platform"));
    }

    @Test
    void pickingALeafFillsItsPathAndCountsOneMatch() {
        picker.itemNameFilterProperty().set("orchestration_pipeline_DBB");
        picker.showItems(workspace.items());
        DefinitionNode concurrency = node("$.properties.parameters.refresh_concurrency.defaultValue");
        assertThat(concurrency).as("the sample master pipeline has the refresh_concurrency parameter").isNotNull();

        picker.pick(concurrency);

        assertThat(picker.findKeyProperty().get()).isEqualTo("$.properties.parameters.refresh_concurrency.defaultValue");
        assertThat(picker.matchSummaryProperty().get()).contains("matches 1 node");
        assertThat(picker.matchedPaths()).containsExactly(concurrency.canonicalPath());
        assertThat(picker.warningProperty().get()).isEmpty();
    }

    @Test
    void pickingAnObjectOrGivingAValueOfAnotherTypeWarns() {
        picker.itemNameFilterProperty().set("orchestration_pipeline_DBB");
        picker.showItems(workspace.items());

        picker.pick(node("$.properties.parameters.refresh_concurrency"));
        assertThat(picker.warningProperty().get()).contains("selects a whole object");

        picker.pick(node("$.properties.parameters.refresh_concurrency.defaultValue"));
        picker.sampleValueProperty().set("3");
        assertThat(picker.warningProperty().get()).contains("selects a JSON number but the replacement is a string");
        picker.sampleValueProperty().set(3);
        assertThat(picker.warningProperty().get()).isEmpty();
    }

    @Test
    void anExistingFilterPathShowsHowManyNodesItMatches() {
        picker.itemNameFilterProperty().set("orchestration_pipeline_DBB");
        picker.showItems(workspace.items());

        picker.findKeyProperty().set("$.properties.activities[*].name");

        assertThat(picker.matchedPaths()).hasSizeGreaterThan(1);
        assertThat(picker.matchSummaryProperty().get()).contains("matches " + picker.matchedPaths().size()
                + " nodes");
        picker.findKeyProperty().set("$.nope");
        assertThat(picker.matchSummaryProperty().get()).contains("matches nothing");
    }
}
