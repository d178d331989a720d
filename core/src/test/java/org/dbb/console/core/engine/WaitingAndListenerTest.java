package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WaitingAndListenerTest {

    @Test
    void throttledPollsShowTheStepWaitingThrottledUntilAnInstant() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 20}
                faults:
                  - route: GET /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances/{jobInstanceId}
                    kind: throttle
                    requests: [1, 2]
                    retryAfterSeconds: 30
                """)) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan().stage("Transformation",
                    Plans.step("Conform", Plans.notebook(h.notebook("nb_silver_conform"), Map.of())).build())
                    .build(), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            List<WaitReason> throttled = events.step("Conform").stream().flatMap(e -> e.waitReason().stream())
                    .filter(w -> w.kind() == WaitReason.Kind.THROTTLED).toList();
            assertThat(throttled).isNotEmpty();
            assertThat(throttled.get(0).until()).isPresent();
            assertThat(throttled.get(0).text()).contains("throttled");
            assertThat(events.last("Conform")).contains(StepState.SUCCEEDED);
        }
    }

    @Test
    void aJobFabricHasNotStartedShowsQueuedInFabric() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5, queueSeconds: 100}
                """)) {
            RecordingListener events = new RecordingListener();
            h.run(h.plan().stage("Transformation",
                    Plans.step("Conform", Plans.notebook(h.notebook("nb_silver_conform"), Map.of())).build())
                    .build(), events);

            assertThat(events.step("Conform")).anySatisfy(e -> assertThat(e.waitReason())
                    .hasValueSatisfying(w -> assertThat(w.kind()).isEqualTo(WaitReason.Kind.QUEUED_IN_FABRIC)));
            assertThat(events.last("Conform")).contains(StepState.SUCCEEDED);
        }
    }

    @Test
    void aListenerThatThrowsKeepsReceivingEventsAndTheRunCompletes() {
        try (EngineHarness h = EngineHarness.neutral()) {
            RecordingListener seen = new RecordingListener();
            AtomicInteger thrown = new AtomicInteger();
            RunListener failing = event -> {
                seen.onEvent(event);
                thrown.incrementAndGet();
                throw new IllegalStateException("listener bug");
            };
            RunOutcome outcome = h.run(h.plan()
                    .stage("One", Plans.step("Wait", Plans.pause(EngineHarness.ms(5))).build())
                    .stage("Two", Plans.step("Wait again", Plans.pause(EngineHarness.ms(5))).after("Wait").build())
                    .build(), failing);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            List<RunEvent> events = seen.all();
            assertThat(thrown.get()).isEqualTo(events.size());
            assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(RunEvent.RunStateChanged.class,
                    e -> assertThat(e.state()).isEqualTo(RunState.SUCCEEDED));
            assertThat(seen.last("Wait again")).contains(StepState.SUCCEEDED);
        }
    }

    @Test
    void eventsOfOneRunNeverOverlapAndComeInOrder() {
        try (EngineHarness h = EngineHarness.neutral()) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            RecordingListener seen = new RecordingListener();
            RunListener slow = event -> {
                if (inside.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                seen.onEvent(event);
                Thread.onSpinWait();
                inside.decrementAndGet();
            };
            h.run(h.plan().stage("Fan", Plans.step("Items", new org.dbb.console.core.plan.StepAction.FanOut(
                    TestExpression.literal(List.of(1, 2, 3, 4, 5, 6, 7, 8)), 4, List.of(
                            Plans.step("Wait", Plans.pause(EngineHarness.ms(2))).build()))).build()).build(), slow);

            assertThat(overlaps.get()).isZero();
            List<RunEvent> events = seen.all();
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).at()).isAfterOrEqualTo(events.get(i - 1).at());
            }
        }
    }
}
