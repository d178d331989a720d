package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.plan.EnvironmentCatalog;
import org.dbb.console.core.plan.EnvironmentCatalogs;
import org.dbb.console.core.plan.PlanBuilder;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;

/**
 * The sample workspace's own monitoring rules, planned from its dbb-console.yml and checked on sandbox runs: the
 * default scenario (sped up) breaches none of them, and a failing integration pipeline that copies too few orders
 * breaches two.
 */
class SampleMonitoringRulesTest {

    private static final double SCALE = 0.002;

    private static RunPlan plan(EngineHarness h) {
        EnvironmentCatalog catalog = EnvironmentCatalogs.fetch(h.fabric.fabric(),
                h.repository().settings().environment("sandbox").orElseThrow(), h.fabric.sandbox().displayName());
        return new PlanBuilder().build(h.repository(), catalog, new RunRequest("sandbox", Map.of(), false,
                Optional.empty(), OptionalInt.empty(), RefreshMode.POWER_BI_API, "ops", Optional.empty()), SCALE);
    }

    private static RunOutcome run(EngineHarness h, RunPlan plan, RunListener listener) throws Exception {
        return h.engine.start(plan, listener).completion().get(90, TimeUnit.SECONDS);
    }

    private static String defaultScenario() throws IOException {
        try (InputStream in = ScenarioReader.class.getResourceAsStream(ScenarioReader.DEFAULT_RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("timeScale: 0.03\n");
            return text.replace("timeScale: 0.03\n", "timeScale: " + SCALE + "\n");
        }
    }

    @Test
    void theDefaultSandboxRunHoldsToEverySampleRule() throws Exception {
        try (EngineHarness h = EngineHarness.scenario(defaultScenario())) {
            RunPlan plan = plan(h);
            assertThat(plan.monitoringRules()).hasSize(3);
            RecordingListener events = new RecordingListener();

            RunOutcome outcome = run(h, plan, events);

            assertThat(outcome.state()).as(() -> events.all().toString()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.rows.rows()).filteredOn(r -> r.activity().startsWith("Copy ")).hasSize(5);
            assertThat(h.rows.rows(MonitoringStatus.INCOMPLETE_LOAD)).isEmpty();
            // the default scenario's threshold-breach notebook reports one breach of its own, and nothing else does
            assertThat(h.rows.rows(MonitoringStatus.THRESHOLD_BREACH)).singleElement()
                    .satisfies(r -> assertThat(r.activity()).isEqualTo("Monitor threshold breaches"));
            assertThat(events.of(RunEvent.BreachesFound.class)).extracting(e -> e.step().path())
                    .containsExactly("Monitor threshold breaches");
        }
    }

    @Test
    void aFailingLoadThatCopiesTooFewOrdersBreachesTheSampleRulesOnItsPipelineStep() throws Exception {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  integration_pipeline_DBB:
                    failOnAttempts: [1, 2, 3, 4]
                    failure: {activity: Copy HR extract, errorCode: UserErrorFileNotFound, message: "no HR file"}
                    rows: {Copy ERP sales orders: 250}
                """)) {
            RecordingListener events = new RecordingListener();

            RunOutcome outcome = run(h, plan(h), events);

            assertThat(outcome.state()).isEqualTo(RunState.FAILED);
            assertThat(h.rows.rows()).filteredOn(r -> r.status() == MonitoringStatus.INCOMPLETE_LOAD
                            || r.status() == MonitoringStatus.THRESHOLD_BREACH)
                    .extracting(MonitoringRow::stage, r -> r.errorMessage().orElseThrow()).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Integration", "Copy HR extract: incomplete-load ="
                                    + " last run Failed (threshold a Succeeded run)"),
                            org.assertj.core.groups.Tuple.tuple("Integration", "Copy ERP sales orders:"
                                    + " rows-below-minimum = 250 rows copied (threshold 1000 rows)"));
            assertThat(events.of(RunEvent.BreachesFound.class)).singleElement().satisfies(e -> {
                assertThat(e.step()).isEqualTo(StepKey.of("Integration", "Run integration pipeline"));
                assertThat(e.breaches()).hasSize(2);
            });
            assertThat(h.jobsStarted("integration_pipeline_DBB")).isEqualTo(4);
            assertThat(h.jobsStarted("transformation_pipeline_DBB")).as("later stages are skipped").isZero();
        }
    }
}
