package org.dbb.console.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.workspace.Workspace;

/**
 * The refresh an environment runs by default, read from its plan: the cap comes from the master pipeline's
 * refresh_concurrency for the environment, else dbb-console.yml, else the refresh pipeline's ForEach.
 */
class RefreshDefaultsTest {

    private static final String PARAMETERS = "fabric/parameter.yml";
    private static final String REFRESH_PIPELINE = "fabric/refresh_semantic_models.DataPipeline/pipeline-content.json";

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

    private static RefreshDefaults defaults(Workspace repo) {
        return new PlanBuilder().refreshDefaults(repo, catalog, "ops", 1.0).orElseThrow();
    }

    @Test
    void theSampleSandboxRefreshesItsSixModelsTwoAtOnceAsItsMasterParameterSays() {
        RefreshDefaults defaults = defaults(EmulatorFixture.sample(dir));

        assertThat(defaults.stage()).isEqualTo("Semantic refresh");
        assertThat(defaults.stepPath()).isEqualTo("Refresh semantic models");
        assertThat(defaults.models()).extracting(ModelTarget::name).containsExactly("Sales", "Finance", "Inventory",
                "Customer360", "Operations", "HR");
        assertThat(defaults.model("Finance").orElseThrow().target()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.model("Customer360").orElseThrow().target()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.cap()).isEqualTo(2);
        assertThat(defaults.capSource()).isEqualTo(CapSource.MASTER_PARAMETER);
        assertThat(defaults.capacityId()).isEqualTo(catalog.capacityId());
    }

    @Test
    void theSettingsCapApplyWhenTheMasterParameterGivesNoUsableCap() {
        Workspace repo = edit(edit(EmulatorFixture.sample(dir), PARAMETERS, withoutSandboxParameterCap()),
                "dbb-console.yml", text -> text.replace("  defaultTargetMinutes: 30",
                        "  concurrency: 4\n  defaultTargetMinutes: 30"));

        RefreshDefaults defaults = defaults(repo);

        assertThat(defaults.cap()).isEqualTo(4);
        assertThat(defaults.capSource()).isEqualTo(CapSource.CONSOLE_SETTINGS);
    }

    @Test
    void aSequentialRefreshLoopRefreshesOneAtATimeWithoutParameterOrSettings() {
        Workspace repo = edit(EmulatorFixture.sample(dir), PARAMETERS, withoutSandboxParameterCap());

        RefreshDefaults defaults = defaults(repo);

        assertThat(defaults.cap()).isEqualTo(1);
        assertThat(defaults.capSource()).isEqualTo(CapSource.REFRESH_PIPELINE_LOOP);
    }

    @Test
    void aParallelRefreshLoopGivesItsBatchCount() {
        Workspace repo = edit(edit(EmulatorFixture.sample(dir), PARAMETERS, withoutSandboxParameterCap()),
                REFRESH_PIPELINE, text -> text.replace("\"isSequential\": true", "\"isSequential\": false"));

        RefreshDefaults defaults = defaults(repo);

        assertThat(defaults.cap()).isEqualTo(4);
        assertThat(defaults.capSource()).isEqualTo(CapSource.REFRESH_PIPELINE_LOOP);
    }

    /** parameter.yml gives the sandbox refresh_concurrency 0, which caps nothing. */
    private static UnaryOperator<String> withoutSandboxParameterCap() {
        return text -> {
            String written = "      \"sandbox\": 2\n      \"DEV\": 1";
            assertThat(text).contains(written);
            return text.replace(written, "      \"sandbox\": 0\n      \"DEV\": 1");
        };
    }

    private static Workspace edit(Workspace repo, String file, UnaryOperator<String> change) {
        Path path = repo.root().resolve(file);
        try {
            Files.writeString(path, change.apply(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SampleEdits.reopen(repo.root());
    }
}
