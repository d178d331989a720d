package org.dbb.console.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.SettingValue;

/** The sample's master pipeline changed the ways authors change it, and how the plan follows. */
class PlanVariationsTest {

    @TempDir
    static Path shared;
    private static EmulatorFixture fixture;
    private static EnvironmentCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Workspace repo = EmulatorFixture.sample(shared);
        fixture = EmulatorFixture.builder(repo).start();
        catalog = EnvironmentCatalogs.fetch(fixture.fabric(), repo.settings().environment("sandbox").orElseThrow(),
                "DBB Sandbox");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void needsExpressions() {
        ExpressionsAvailable.assume();
    }

    private RunPlan plan(Workspace repo) {
        return new PlanBuilder().build(repo, catalog, RunRequest.launch("sandbox", "ops"), 1.0);
    }

    @Test
    void anInactiveActivityIsLeftOutAndItsDependantsNoLongerWaitForIt() {
        RunPlan plan = plan(SampleEdits.withMaster(dir, root -> SampleEdits.activity(root, "Set load date")
                .put("state", "Inactive").put("onInactiveMarkAs", "Succeeded")));

        assertThat(plan.stage("Initialisation").orElseThrow().steps()).extracting(PlannedStep::name)
                .doesNotContain("Set load date");
        PlannedStep integration = plan.stage("Integration").orElseThrow().steps().get(0);
        assertThat(integration.dependsOn()).extracting(d -> d.activity()).containsExactly("Lookup item ids",
                "Lookup connection ids", "Set workspace id");
        assertThat(plan.warnings()).contains("activity 'Set load date' is inactive: it is left out of the run and"
                + " reports Succeeded to the activities that depend on it");
    }

    @Test
    void anInactiveActivityMarkedFailedSkipsWhatWaitsForItsSuccess() {
        RunPlan plan = plan(SampleEdits.withMaster(dir, root -> SampleEdits.activity(root,
                "Run transformation pipeline").put("state", "Inactive").put("onInactiveMarkAs", "Failed")));

        assertThat(plan.stage("Transformation").orElseThrow().steps()).isEmpty();
        assertThat(plan.stage("Monitoring").orElseThrow().steps()).isEmpty();
        assertThat(plan.warnings()).contains("activity 'Monitor load completeness' is left out of the run as"
                + " Skipped: it waits for 'Run transformation pipeline' to end Succeeded, but that activity is left"
                + " out and reports Failed");
        // Completed is not met by a skipped activity, so everything after monitoring is skipped as well
        assertThat(plan.stage("Semantic refresh").orElseThrow().steps()).isEmpty();
    }

    @Test
    void securestringParametersAreMaskedInTheDryRun() {
        Workspace repo = SampleEdits.withMaster(dir, root -> {
            ObjectNode declared = ((ObjectNode) root.path("properties").path("parameters")).putObject("api_key");
            declared.put("type", "securestring");
            declared.put("defaultValue", "s3cr3t-value");
        });

        RunPlan plan = plan(repo);
        String text = new PlanPrinter().print(plan);

        assertThat(plan.isSecure("api_key")).isTrue();
        assertThat(plan.parameters().get("api_key")).isEqualTo(TextNode.valueOf("s3cr3t-value"));
        assertThat(text).contains("  api_key                 " + SettingValue.MASK).doesNotContain("s3cr3t");
    }

    @Test
    void aForEachBecomesAFanOutWithItsBatchCount() {
        Workspace repo = SampleEdits.withMaster(dir, root -> {
            ObjectNode loop = SampleEdits.activities(root).addObject();
            loop.put("name", "Check each model");
            loop.put("type", "ForEach");
            loop.putArray("dependsOn").addObject().put("activity", "Refresh semantic models")
                    .putArray("dependencyConditions").add("Succeeded");
            ObjectNode properties = loop.putObject("typeProperties");
            properties.set("items", SampleEdits.expression("@pipeline().parameters.semantic_models"));
            properties.put("isSequential", false);
            properties.put("batchCount", 3);
            ArrayNode body = properties.putArray("activities");
            ObjectNode set = body.addObject();
            set.put("name", "Remember model");
            set.put("type", "SetVariable");
            set.putObject("typeProperties").put("variableName", "load_date")
                    .set("value", SampleEdits.expression("@string(item())"));
            ObjectNode pause = body.addObject();
            pause.put("name", "Breathe");
            pause.put("type", "Wait");
            pause.putArray("dependsOn").addObject().put("activity", "Remember model")
                    .putArray("dependencyConditions").add("Succeeded");
            pause.putObject("typeProperties").put("waitTimeInSeconds", 90);
        });
        RunPlan plan = plan(editSettings(repo, text -> text.replace("activities: [Refresh semantic models]",
                "activities: [Refresh semantic models, Check each model]")));

        PlannedStep loop = plan.stage("Semantic refresh").orElseThrow().steps().get(1);
        StepAction.FanOut fanOut = (StepAction.FanOut) loop.action();
        assertThat(fanOut.batchCount()).isEqualTo(3);
        assertThat(fanOut.items().text()).isEqualTo("@pipeline().parameters.semantic_models");
        assertThat(fanOut.steps()).extracting(PlannedStep::name).containsExactly("Remember model", "Breathe");
        assertThat(fanOut.steps().get(1).action()).isEqualTo(new StepAction.Pause(Duration.ofSeconds(90)));
        assertThat(new PlanPrinter().print(plan)).contains("    each item:\n      Remember model  [SetVariable]\n");
    }

    /** The repository reopened after {@code edit} changed its dbb-console.yml. */
    private static Workspace editSettings(Workspace repo, UnaryOperator<String> edit) {
        Path settings = repo.root().resolve("dbb-console.yml");
        try {
            Files.writeString(settings, edit.apply(Files.readString(settings)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SampleEdits.reopen(repo.root());
    }

    @Test
    void withoutStageGroupsEachTopLevelActivityIsAStage() {
        Workspace repo = editSettings(EmulatorFixture.sample(dir),
                // the monitoring rules name the groups' stages, so they go too
                text -> text.substring(0, text.indexOf("stages:")) + text.substring(text.indexOf("notifications:")));

        RunPlan plan = plan(repo);

        assertThat(plan.stages()).hasSize(11);
        assertThat(plan.stages().get(0).name()).isEqualTo("Lookup environment");
        assertThat(plan.stages().get(10).name()).isEqualTo("Refresh semantic models");
    }

    @Test
    void settingsConcurrencyCapsTheRefreshWhenTheLaunchDoesNot() {
        Workspace repo = editSettings(EmulatorFixture.sample(dir), text -> text.replace(
                "  defaultTargetMinutes: 30", "  concurrency: 2\n  defaultTargetMinutes: 30"));

        RunPlan plan = plan(repo);

        StepAction.SemanticRefresh refresh = (StepAction.SemanticRefresh) plan.stage("Semantic refresh")
                .orElseThrow().steps().get(0).action();
        assertThat(refresh.cap()).isEqualTo(2);
    }
}
