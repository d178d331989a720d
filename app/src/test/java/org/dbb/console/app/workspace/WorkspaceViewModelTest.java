package org.dbb.console.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;

class WorkspaceViewModelTest {

    @TempDir
    Path temp;

    private WorkspaceViewModel model() {
        WorkspaceLoader loader = new WorkspaceLoader(new ConsoleSettingsReader(),
                new ItemDiscovery(new JsonDocuments()));
        return new WorkspaceViewModel(loader, new MasterStagesReader(new PipelineReader(), new StageLayouts()),
                org.dbb.console.app.testing.TestServices.validator(),
                Runnable::run, Runnable::run);
    }

    @Test
    void openingTheSampleListsItsItemsAndEnvironments() {
        Path root = temp.resolve("sample");
        new SampleWorkspace().exportTo(root);
        WorkspaceViewModel model = model();

        model.open(root);

        assertThat(model.stateProperty().get()).isEqualTo(LoadState.READY);
        assertThat(model.environments()).extracting(EnvironmentRow::name)
                .containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(model.environments()).filteredOn(EnvironmentRow::protectedEnv).extracting(EnvironmentRow::name)
                .containsExactly("PROD");
        assertThat(model.selectedEnvironmentProperty().get().name()).isEqualTo("sandbox");
        assertThat(model.items()).extracting(ItemRow::displayName).contains("orchestration_pipeline_DBB",
                "integration_pipeline_DBB", "transformation_pipeline_DBB", "refresh_semantic_models");
        assertThat(model.items()).filteredOn(i -> i.type().equals("SemanticModel")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(model.problems()).noneMatch(p -> p.contains(": error: "));
        assertThat(model.masterPipelineProperty().get()).isEqualTo("orchestration_pipeline_DBB");
        assertThat(model.stages()).extracting(StageRow::name).containsExactly("Initialisation", "Integration",
                "Transformation", "Monitoring", "Maintenance", "Semantic refresh");
        ActivityRow transformation = model.stages().get(2).activities().get(0);
        assertThat(transformation.retries()).isEqualTo("2 retries · up to 3 attempts");
        assertThat(transformation.interval()).isEqualTo("120 s");
        assertThat(model.statusProperty().get()).contains("items").contains("4 environments").contains("0 errors");
    }

    @Test
    void aMissingFolderFailsWithAProblemNamingIt() {
        WorkspaceViewModel model = model();
        Path missing = temp.resolve("nope");

        model.open(missing);

        assertThat(model.stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(model.problems()).singleElement().asString().contains("nope").contains("does not exist");
    }
}
