package org.dbb.console.core.workspace.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.StageGroup;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;

class StageLayoutsTest {

    @TempDir
    Path temp;

    private ConsoleSettings settings;
    private Pipeline master;
    private final StageLayouts layouts = new StageLayouts();

    @BeforeEach
    void exportSample() {
        Path root = temp.resolve("ws");
        new SampleWorkspace().exportTo(root);
        settings = new ConsoleSettingsReader().read(root);
        master = new PipelineReader().read(settings.repositoryDirectory()
                .resolve("orchestration_pipeline_DBB.DataPipeline/pipeline-content.json"), "orchestration_pipeline_DBB");
    }

    @Test
    void sampleGroupsGiveTheSixDbbStagesInRunOrder() {
        StageLayout layout = layouts.layout(master, settings.stages(), settings.file().orElseThrow());

        assertThat(layout.problems()).isEmpty();
        assertThat(layout.stages()).extracting(Stage::name).containsExactly("Initialisation", "Integration",
                "Transformation", "Monitoring", "Maintenance", "Semantic refresh");
        assertThat(layout.stage("Monitoring").orElseThrow().activities()).extracting(Activity::name)
                .containsExactlyInAnyOrder("Monitor load completeness", "Monitor threshold breaches");
        assertThat(layout.stageOf("Run transformation pipeline")).get().extracting(Stage::number).isEqualTo(3);
    }

    @Test
    void withoutGroupsEveryTopLevelActivityIsAStageInDependencyOrder() {
        StageLayout layout = layouts.layout(master, List.of(), Path.of("dbb-console.yml"));

        assertThat(layout.stages()).hasSize(master.activities().size());
        List<String> names = layout.stages().stream().map(Stage::name).toList();
        assertThat(names.indexOf("Run integration pipeline")).isLessThan(names.indexOf("Run transformation pipeline"));
        assertThat(names.get(names.size() - 1)).isEqualTo("Refresh semantic models");
    }

    @Test
    void unknownActivityAndUnstagedActivitiesAreErrorsAtTheStageLine() {
        List<StageGroup> groups = List.of(
                new StageGroup("Everything", List.of("Lookup environment", "No such activity"), 7, 5));

        StageLayout layout = layouts.layout(master, groups, Path.of("dbb-console.yml"));

        assertThat(layout.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'No such activity'").contains("not a top-level activity"))
                .anySatisfy(m -> assertThat(m).contains("belong to no stage").contains("Run integration pipeline"));
        assertThat(layout.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(7));
    }

    @Test
    void stagesOutOfDependencyOrderAreReported() {
        List<String> all = master.activities().stream().map(Activity::name).toList();
        List<String> rest = all.stream().filter(n -> !n.equals("Run integration pipeline")).toList();
        List<StageGroup> groups = List.of(new StageGroup("Most", rest, 3, 5),
                new StageGroup("Integration", List.of("Run integration pipeline"), 5, 5));

        StageLayout layout = layouts.layout(master, groups, Path.of("dbb-console.yml"));

        assertThat(layout.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("depends on 'Run integration pipeline'")
                        .contains("later stage 'Integration'"));
    }
}
