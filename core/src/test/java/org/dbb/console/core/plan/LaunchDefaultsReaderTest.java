package org.dbb.console.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.workspace.Workspace;

/** What a launch form starts from, read from the sample workspace without the network. */
class LaunchDefaultsReaderTest {

    @TempDir
    static Path dir;
    private static Workspace repo;
    private static EmulatorFixture fixture;
    private final LaunchDefaultsReader reader = new LaunchDefaultsReader();

    @BeforeAll
    static void start() {
        repo = EmulatorFixture.sample(dir);
        fixture = EmulatorFixture.builder(repo).start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void needsExpressions() {
        ExpressionsAvailable.assume();
    }

    @Test
    void everyMasterParameterWithItsTypeItsDefaultForTheEnvironmentAndWhatTheLaunchOptionsDoWithIt() {
        LaunchDefaults prod = reader.read(repo, "PROD");

        assertThat(prod.parameters()).extracting(LaunchParameter::name).containsExactly("environment", "load_date",
                "run_maintenance", "full_refresh", "semantic_models", "refresh_concurrency", "row_drop_threshold_pct",
                "retention_days");
        assertThat(prod.parameter("environment").orElseThrow().role()).isEqualTo(ParameterRole.ENVIRONMENT);
        assertThat(prod.parameter("environment").orElseThrow().defaultText()).isEqualTo("PROD");
        assertThat(prod.parameter("run_maintenance").orElseThrow().defaultText()).isEqualTo("true");
        assertThat(prod.parameter("retention_days").orElseThrow().type()).isEqualTo("int");
        assertThat(prod.parameter("retention_days").orElseThrow().role()).isEqualTo(ParameterRole.PLAIN);
        assertThat(prod.parameter("semantic_models").orElseThrow().role()).isEqualTo(ParameterRole.MODELS);
        assertThat(prod.models()).containsExactly("Sales", "Finance", "Inventory", "Customer360", "Operations", "HR");
        assertThat(prod.cap()).isEqualTo(3);
        assertThat(prod.capSource()).isEqualTo("refresh_concurrency for PROD");
        assertThat(prod.maintenanceAvailable()).isTrue();

        LaunchDefaults test = reader.read(repo, "TEST");
        assertThat(test.models()).containsExactly("Sales", "Finance", "Inventory", "Operations");
        assertThat(test.cap()).isEqualTo(2);
        assertThat(test.parameter("run_maintenance").orElseThrow().defaultText()).isEqualTo("false");
    }

    @Test
    void anUnknownEnvironmentIsAPlanErrorNamingTheOnesThereAre() {
        assertThatThrownBy(() -> reader.read(repo, "QA")).isInstanceOf(PlanException.class)
                .hasMessageContaining("there is no environment 'QA'").hasMessageContaining("sandbox, DEV, TEST, PROD");
    }

    @Test
    void typedInputIsReadAsTheDeclaredTypeWithThePlansOwnMessage() {
        LaunchParameter days = reader.read(repo, "sandbox").parameter("retention_days").orElseThrow();

        assertThat(days.read(" 45 ").value()).contains(IntNode.valueOf(45));
        ParameterInput bad = days.read("forty");
        assertThat(bad.isValid()).isFalse();
        assertThatThrownBy(() -> plan(Map.of("retention_days", TextNode.valueOf("forty"))))
                .isInstanceOf(PlanException.class).hasMessageContaining(bad.problem().orElseThrow());
        assertThat(bad.problem()).contains("parameter 'retention_days' is declared int, so the launch value must be"
                + " an int (a whole number); \"forty\" is not one");
    }

    @Test
    void arraysAndObjectsAreReadAsJsonAndBooleansAsTrueOrFalse() {
        LaunchDefaults sandbox = reader.read(repo, "sandbox");
        LaunchParameter models = sandbox.parameter("semantic_models").orElseThrow();
        LaunchParameter full = sandbox.parameter("full_refresh").orElseThrow();

        assertThat(models.defaultText()).startsWith("[\"Sales\", {\"name\": \"Finance\"");
        assertThat(models.read(models.defaultText()).value()).isEqualTo(models.defaultValue());
        assertThat(models.read("Sales").problem().orElseThrow()).contains("must be an array");
        assertThat(full.read("TRUE").value().orElseThrow().booleanValue()).isTrue();
        assertThat(full.read("yes").problem().orElseThrow()).contains("a bool (true or false)");
    }

    private static RunPlan plan(Map<String, com.fasterxml.jackson.databind.JsonNode> parameters) {
        EnvironmentCatalog catalog = EnvironmentCatalogs.fetch(fixture.fabric(),
                repo.settings().environment("sandbox").orElseThrow(), "DBB Sandbox");
        RunRequest launch = RunRequest.launch("sandbox", "ops");
        return new PlanBuilder().build(repo, catalog, new RunRequest("sandbox", parameters, false,
                launch.models(), launch.concurrency(), launch.refreshMode(), "ops", launch.rerun()), 0.001);
    }
}
