package org.dbb.console.core.workspace.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.variables.EnvironmentReferenceCheck;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.SettingReferences;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;

class WorkspaceValidatorTest {

    @TempDir
    Path temp;

    private Path root;
    private WorkspaceValidator validator;

    @BeforeEach
    void exportSample() {
        root = temp.resolve("ws");
        new SampleWorkspace().exportTo(root);
        PipelineReader pipelines = new PipelineReader();
        validator = new WorkspaceValidator(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments()),
                pipelines, new MasterStagesReader(pipelines, new StageLayouts()), new ParameterFileValidator(),
                new EnvironmentReferenceCheck(new SettingReferences(), name -> null));
    }

    private Path fabric(String relative) {
        return root.resolve("fabric").resolve(relative);
    }

    private void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void theSampleWorkspaceHasNoErrorsForAnyEnvironment() {
        for (String env : new String[] {"sandbox", "DEV", "TEST", "PROD"}) {
            WorkspaceReport report = validator.validate(root, Optional.of(env));
            assertThat(report.errors()).as(env).isEmpty();
        }
        assertThat(validator.validate(root, Optional.empty()).errors()).isEmpty();
    }

    @Test
    void aBrokenLogicalIdReferenceIsAnErrorAtTheActivity() throws IOException {
        Path master = fabric("orchestration_pipeline_DBB.DataPipeline/pipeline-content.json");
        replace(master, "805df0ce-0d8b-4ae1-8ac9-03b08d67a047", "805df0ce-0d8b-4ae1-8ac9-000000000000");

        WorkspaceReport report = validator.validate(root, Optional.empty());

        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(master);
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("Run integration pipeline").contains("no item in the repository");
        });
    }

    @Test
    void malformedPipelineJsonIsReportedWithLineAndColumn() throws IOException {
        Path file = fabric("integration_pipeline_DBB.DataPipeline/pipeline-content.json");
        Files.writeString(file, "{\n  \"properties\": {\n    \"activities\": [\n  }\n}\n");

        WorkspaceReport report = validator.validate(root, Optional.empty());

        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("not valid JSON").contains("line 3, column 19").doesNotContain("Source:");
        });
    }

    @Test
    void aStageNamingAnUnknownActivityIsAnErrorInTheSettings() throws IOException {
        replace(root.resolve("dbb-console.yml"), "activities: [Run integration pipeline]",
                "activities: [Run integration pipelines]");

        WorkspaceReport report = validator.validate(root, Optional.empty());

        assertThat(report.errors()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'Run integration pipelines'").contains("not a top-level"))
                .anySatisfy(m -> assertThat(m).contains("belongs to no stage"));
        assertThat(report.errors()).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void parameterFileErrorsFollowFabricCicdAndEnvironmentsMustAgree() throws IOException {
        replace(fabric("parameter.yml"), "is_regex: \"true\"", "is_regex: true");
        replace(root.resolve("dbb-console.yml"), "  TEST:\n", "  UAT:\n");

        WorkspaceReport report = validator.validate(root, Optional.of("PROD"));

        assertThat(report.errors()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("The provided 'is_regex' is not of type string"));
    }

    @Test
    void environmentsOfTheTwoFilesAreCrossChecked() throws IOException {
        replace(root.resolve("dbb-console.yml"), "  TEST:\n", "  UAT:\n");

        WorkspaceReport report = validator.validate(root, Optional.empty());

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("environment 'UAT' of dbb-console.yml"))
                .anySatisfy(m -> assertThat(m).contains("environment 'TEST', which dbb-console.yml does not define"));
    }

    @Test
    void anItemFolderWithoutPlatformIsReported() throws IOException {
        Files.delete(fabric("HR.SemanticModel/.platform"));

        WorkspaceReport report = validator.validate(root, Optional.empty());

        assertThat(report.warnings()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'HR.SemanticModel'").contains("has no .platform"));
    }

    @Test
    void aMissingPlatformTypeIsAnError() throws IOException {
        Path platform = fabric("nb_dbb_common.Notebook/.platform");
        replace(platform, "\"type\": \"Notebook\",", "");

        WorkspaceReport report = validator.validate(root, Optional.empty());

        assertThat(report.errors()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("displayName & type are required"));
    }
}
