package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.engine.RerunOutline.Fate;
import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.expr.ExpressionEvaluationException;
import org.dbb.console.core.plan.LookupSource;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

class RerunOutlineTest {

    /** Initialisation → Load (a fan-out whose "stock" item fails) → Monitoring. */
    private static RunPlan plan(EngineHarness h, AtomicBoolean stockBroken) {
        Expression check = TestExpression.of("@item()", context -> {
            String table = context.item().orElseThrow().asText();
            if (table.equals("stock") && stockBroken.get()) {
                throw new ExpressionEvaluationException("stock is broken");
            }
            return TextNode.valueOf(table);
        });
        return h.plan()
                .stage("Initialisation", Plans.step("Lookup environment",
                        Plans.lookup(LookupSource.ENVIRONMENT, true)).build())
                .stage("Load", Plans.step("Load tables", new StepAction.FanOut(
                        TestExpression.literal(List.of("sales", "stock", "ledger")), 2, List.of(
                                Plans.step("Check", Plans.set("last", check)).build()))).build())
                .stage("Monitoring", Plans.step("Report", Plans.pause(Duration.ofMillis(1))).build())
                .build();
    }

    private static List<Fate> fates(RerunOutline outline) {
        return outline.stages().stream().map(RerunOutline.StageFate::fate).toList();
    }

    @Test
    void eachModeReusesTheStagesBeforeItsStageAndRunsOrSkipsTheRestAsTheEngineWill() {
        try (EngineHarness h = EngineHarness.neutral()) {
            RunPlan plan = plan(h, new AtomicBoolean(true));
            RunOutcome first = h.run(plan, RunListener.none());
            RunRecord original = h.journal.find(first.runId()).orElseThrow();

            assertThat(fates(RerunOutline.of(new RerunRequest(first.runId(), RerunMode.STAGE_ONLY,
                    Optional.of("Load")), plan, original))).containsExactly(Fate.REUSED, Fate.RUNS, Fate.SKIPPED);
            assertThat(fates(RerunOutline.of(new RerunRequest(first.runId(), RerunMode.FROM_STAGE,
                    Optional.of("load")), plan, original))).containsExactly(Fate.REUSED, Fate.RUNS, Fate.RUNS);
            RerunOutline onlyFailed = RerunOutline.of(new RerunRequest(first.runId(), RerunMode.ONLY_FAILED,
                    Optional.empty()), plan, original);
            assertThat(fates(onlyFailed)).containsExactly(Fate.REUSED, Fate.RUNS_FAILED_ONLY, Fate.SKIPPED);
            assertThat(onlyFailed.fate("Initialisation")).contains(Fate.REUSED);
        }
    }

    @Test
    void failedItemsNameEachFailedFanOutItemOnceAndNothingForARunThatDidNotFail() {
        try (EngineHarness h = EngineHarness.neutral()) {
            AtomicBoolean broken = new AtomicBoolean(true);
            RunOutcome failed = h.run(plan(h, broken), RunListener.none());
            broken.set(false);
            RunOutcome healthy = h.run(plan(h, broken), RunListener.none());

            assertThat(RerunOutline.failedItems(h.journal.find(failed.runId()).orElseThrow()))
                    .containsExactly(new StepKey("Load", "Load tables/[1] stock"));
            assertThat(RerunOutline.failedItems(h.journal.find(healthy.runId()).orElseThrow())).isEmpty();
        }
    }

    @Test
    void aStageThePlanDoesNotHaveOrAnOnlyFailedReRunOfAHealthyRunIsRefused() {
        try (EngineHarness h = EngineHarness.neutral()) {
            RunPlan plan = plan(h, new AtomicBoolean(false));
            RunOutcome healthy = h.run(plan, RunListener.none());
            RunRecord original = h.journal.find(healthy.runId()).orElseThrow();

            assertThatThrownBy(() -> RerunOutline.of(new RerunRequest(healthy.runId(), RerunMode.STAGE_ONLY,
                    Optional.of("Publish")), plan, original)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the plan has no such stage");
            assertThatThrownBy(() -> RerunOutline.of(new RerunRequest(healthy.runId(), RerunMode.ONLY_FAILED,
                    Optional.empty()), plan, original)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("none of its stages failed");
        }
    }
}
