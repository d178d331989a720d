package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.plan.LookupSource;
import org.dbb.console.core.plan.StepAction;

class FanOutAndLookupTest {

    @Test
    void aFanOutNeverRunsMoreItemsAtOnceThanItsBatchCount() {
        try (EngineHarness h = EngineHarness.neutral()) {
            RecordingListener events = new RecordingListener();
            List<String> tables = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
            RunOutcome outcome = h.run(h.plan().stage("Load", Plans.step("Load tables", new StepAction.FanOut(
                    TestExpression.literal(tables), 3, List.of(
                            Plans.step("Copy", Plans.pause(Duration.ofMillis(15))).build()))).build()).build(),
                    events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            Set<String> running = new HashSet<>();
            int most = 0;
            for (RunEvent.StepStateChanged e : events.of(RunEvent.StepStateChanged.class)) {
                if (!e.step().path().matches("Load tables/\\[\\d+] .")) {
                    continue;
                }
                if (e.state() == StepState.RUNNING) {
                    running.add(e.step().path());
                } else if (e.state().isTerminal()) {
                    running.remove(e.step().path());
                }
                most = Math.max(most, running.size());
            }
            assertThat(most).isEqualTo(3);
            assertThat(events.last("Load tables/[11] l")).contains(StepState.SUCCEEDED);
            assertThat(events.last("Load tables/[11] l/Copy")).contains(StepState.SUCCEEDED);
            assertThat(events.step("Load tables/[5] f").get(0).waitReason()).hasValueSatisfying(w -> {
                assertThat(w.kind()).isEqualTo(WaitReason.Kind.SLOT_HELD);
                assertThat(w.holders()).containsExactly("[0] a", "[1] b", "[2] c");
            });
        }
    }

    @Test
    void eachItemRunsItsJobWithTheItemAsParameterAndAFailedItemFailsTheFanOut() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5, failOnAttempts: [2]}
                """)) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan().stage("Load", Plans.step("Conform tables", new StepAction.FanOut(
                    TestExpression.literal(List.of("sales", "stock", "ledger")), 1, List.of(
                            Plans.step("Conform", Plans.notebook(h.notebook("nb_silver_conform"),
                                    Map.of("table", TestExpression.item()))).build()))).build()).build(), events);

            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(3);
            assertThat(events.last("Conform tables/[1] stock")).contains(StepState.FAILED);
            assertThat(events.last("Conform tables/[2] ledger")).contains(StepState.SUCCEEDED);
            assertThat(events.last("Conform tables")).contains(StepState.FAILED);
            assertThat(outcome.state()).isEqualTo(RunState.FAILED);
        }
    }

    @Test
    void lookupsAreAnsweredFromTheFabricApiInTheMetadataTablesShapes() {
        try (EngineHarness h = EngineHarness.neutral()) {
            RunOutcome outcome = h.run(h.plan().stage("Initialisation",
                    Plans.step("Lookup environment", Plans.lookup(LookupSource.ENVIRONMENT, true)).build(),
                    Plans.step("Lookup item ids", Plans.lookup(LookupSource.ITEMS, false)).build(),
                    Plans.step("Lookup connection ids", Plans.lookup(LookupSource.CONNECTIONS, false)).build(),
                    Plans.step("Set workspace id", Plans.set("workspace_id",
                            TestExpression.output("Lookup environment", "firstRow.workspace_id")))
                            .after("Lookup environment").build()).build(), RunListener.none());

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            RunRecord record = h.journal.find(outcome.runId()).orElseThrow();
            JsonNode environment = output(record, "Lookup environment").path("firstRow");
            assertThat(environment.path("environment_name").asText()).isEqualTo("sandbox");
            assertThat(environment.path("workspace_id").asText()).isEqualTo(h.workspaceId());
            assertThat(environment.path("workspace_name").asText()).isNotBlank();
            JsonNode items = output(record, "Lookup item ids");
            List<String> names = new ArrayList<>();
            items.path("value").forEach(row -> names.add(row.path("item_name").asText()));
            assertThat(items.path("count").asInt()).isEqualTo(names.size());
            assertThat(names).contains("nb_silver_conform", "orchestration_pipeline_DBB");
            assertThat(output(record, "Lookup connection ids").path("value").get(0).has("connection_id")).isTrue();
            assertThat(record.step(StepKey.of("Initialisation", "Set workspace id")).orElseThrow().variablesSet()
                    .get("workspace_id").asText()).isEqualTo(h.workspaceId());
        }
    }

    private static JsonNode output(RunRecord record, String step) {
        return record.step(StepKey.of("Initialisation", step)).orElseThrow().output().orElseThrow();
    }
}
