package org.dbb.console.core.fabricruns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.jobs.ActivityRunStatus;
import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.fabric.testing.TransportFixture;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayout;
import org.dbb.console.core.workspace.stages.StageLayouts;

/**
 * What the emulator never says, answered by a MockWebServer: the bare-array envelope of Query activity runs that
 * Fabric's documentation shows, {@code Retry-After} hints and refusals.
 */
class FabricRunWireTest {

    private static final Instant NOW = Instant.parse("2025-05-01T07:00:00Z");

    @TempDir
    Path temp;

    private final TransportFixture wire = new TransportFixture();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FabricRunHistory history = new FabricRunHistory(new FabricClient(wire.transport()), clock);
    private StageLayout layout;

    @BeforeEach
    void readLayout() {
        layout = new MasterStagesReader(new PipelineReader(), new StageLayouts())
                .read(EmulatorFixture.sample(temp)).layout();
    }

    @AfterEach
    void close() {
        wire.close();
    }

    @Test
    void theBareArrayEnvelopeIsReadForTheMasterAndTheChildRun() {
        wire.enqueue(200, instance("Completed", "Scheduled"));
        wire.enqueue(200, "[" + activity("Lookup environment", "Lookup", "Succeeded", "{}", "{}", "", "") + ","
                + activity("Run integration pipeline", "InvokePipeline", "Failed", "{}",
                "{\"pipelineRunId\":\"child-1\",\"pipelineName\":\"integration_pipeline_DBB\"}", "ChildFailed",
                "it failed") + "]");
        wire.enqueue(200, "[" + activity("Load bronze", "TridentNotebook", "Failed", "{}", "{}", "NotebookFailed",
                "boom") + "]");

        FabricRunDetail detail = history.detail("ws-1", "master-1", "job-1", layout);

        assertThat(detail.run().invokeType()).isEqualTo(InvokeType.SCHEDULED);
        assertThat(detail.stage("Initialisation").orElseThrow().status()).isEqualTo(FabricStageStatus.SUCCEEDED);
        FabricStageDetail integration = detail.stage("Integration").orElseThrow();
        assertThat(integration.status()).isEqualTo(FabricStageStatus.FAILED);
        assertThat(integration.error()).contains(new FabricRunError("ChildFailed", "it failed",
                java.util.Optional.empty()));
        FabricChildRun child = integration.activities().get(0).child().orElseThrow();
        assertThat(child.pipelineRunId()).isEqualTo("child-1");
        assertThat(child.pipelineName()).contains("integration_pipeline_DBB");
        assertThat(child.activities()).singleElement().satisfies(a -> {
            assertThat(a.activityName()).isEqualTo("Load bronze");
            assertThat(a.status()).isEqualTo(ActivityRunStatus.FAILED);
            assertThat(a.error().orElseThrow().errorCode()).isEqualTo("NotebookFailed");
        });
        assertThat(detail.stage("Transformation").orElseThrow().status()).isEqualTo(FabricStageStatus.SKIPPED);
        assertThat(wire.take().getPath()).isEqualTo("/v1/workspaces/ws-1/items/master-1/jobs/instances/job-1");
        assertThat(wire.take().getPath())
                .isEqualTo("/v1/workspaces/ws-1/datapipelines/pipelineruns/job-1/queryactivityruns");
        assertThat(wire.take().getPath())
                .isEqualTo("/v1/workspaces/ws-1/datapipelines/pipelineruns/child-1/queryactivityruns");
    }

    @Test
    void theValueEnvelopeIsReadToo() {
        wire.enqueue(200, instance("InProgress", "Manual"));
        wire.enqueue(200, "{\"value\":[" + activity("Lookup environment", "Lookup", "InProgress", "{}", "{}", "", "")
                + "]}");

        FabricRunDetail detail = history.detail("ws-1", "master-1", "job-1", layout);

        assertThat(detail.isTerminal()).isFalse();
        assertThat(detail.stage("Initialisation").orElseThrow().status()).isEqualTo(FabricStageStatus.IN_PROGRESS);
        assertThat(detail.stage("Integration").orElseThrow().status()).isEqualTo(FabricStageStatus.NOT_STARTED);
    }

    @Test
    void nextPollFollowsTheJobInstancesRetryAfter() {
        wire.enqueue(200, instance("InProgress", "Scheduled"), "Retry-After", "7");
        wire.enqueue(200, "[]");

        history.detail("ws-1", "master-1", "job-1", layout);

        assertThat(history.nextPoll()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void withoutAnyHintNextPollIsTheDefault() {
        assertThat(history.nextPoll()).isEqualTo(FabricRunHistory.LIVE_POLLING.defaultInterval());
    }

    @Test
    void aThrottledReadHoldsTheNextPollBackUntilTheThrottlingEnds() {
        for (int i = 0; i < 5; i++) {
            wire.enqueue(429, "{\"errorCode\":\"RequestBlocked\",\"message\":\"slow down\"}", "Retry-After", "90");
        }

        assertThatThrownBy(() -> history.recent("ws-1", "master-1", 5)).isInstanceOf(FabricApiException.class);

        assertThat(history.nextPoll()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void recentListsNewestFirstWithTheFailureReasonAndItsRequestId() {
        wire.enqueue(200, "{\"value\":["
                + "{\"id\":\"old\",\"itemId\":\"master-1\",\"jobType\":\"Pipeline\",\"invokeType\":\"Scheduled\","
                + "\"status\":\"Failed\",\"startTimeUtc\":\"2025-05-01T05:00:00.0000000\","
                + "\"endTimeUtc\":\"2025-05-01T05:10:00.0000000\",\"failureReason\":{\"errorCode\":\"JobInstanceStatusFailed\","
                + "\"message\":\"Operation on target X failed\",\"requestId\":\"req-9\"}},"
                + "{\"id\":\"new\",\"itemId\":\"master-1\",\"jobType\":\"Pipeline\",\"invokeType\":\"Manual\","
                + "\"status\":\"InProgress\",\"startTimeUtc\":\"2025-05-01T06:30:00.0000000\"},"
                + "{\"id\":\"queued\",\"itemId\":\"master-1\",\"jobType\":\"Pipeline\",\"invokeType\":\"Scheduled\","
                + "\"status\":\"NotStarted\"}]}");

        java.util.List<FabricRunSummary> recent = history.recent("ws-1", "master-1", 5);

        assertThat(recent).extracting(FabricRunSummary::jobInstanceId).containsExactly("queued", "new", "old");
        assertThat(recent.get(2).failure()).contains(new FabricRunError("JobInstanceStatusFailed",
                "Operation on target X failed", java.util.Optional.of("req-9")));
        assertThat(recent.get(2).duration()).contains(Duration.ofMinutes(10));
        assertThat(recent.get(1).isTerminal()).isFalse();
    }

    private static String instance(String status, String invokeType) {
        boolean ended = !status.equals("InProgress") && !status.equals("NotStarted");
        return "{\"id\":\"job-1\",\"itemId\":\"master-1\",\"jobType\":\"Pipeline\",\"invokeType\":\"" + invokeType
                + "\",\"status\":\"" + status + "\",\"startTimeUtc\":\"2025-05-01T06:35:00.0000000\","
                + (ended ? "\"endTimeUtc\":\"2025-05-01T06:41:00.0000000\"," : "") + "\"failureReason\":null}";
    }

    private static String activity(String name, String type, String status, String input, String output,
            String errorCode, String message) {
        boolean ended = !status.equals("InProgress");
        return "{\"pipelineName\":\"p\",\"pipelineRunId\":\"job-1\",\"activityName\":\"" + name
                + "\",\"activityType\":\"" + type + "\",\"activityRunId\":\"run-" + name.hashCode()
                + "\",\"status\":\"" + status + "\",\"activityRunStart\":\"2025-05-01T06:35:01.0000000Z\","
                + "\"activityRunEnd\":" + (ended ? "\"2025-05-01T06:36:01.0000000Z\"" : "null")
                + ",\"durationInMs\":60000,\"input\":" + input + ",\"output\":" + output
                + ",\"error\":{\"errorCode\":\"" + errorCode + "\",\"message\":\"" + message
                + "\",\"failureType\":\"\",\"target\":\"" + name + "\"}}";
    }
}
