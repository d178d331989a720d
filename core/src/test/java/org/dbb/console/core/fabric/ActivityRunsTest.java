package org.dbb.console.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.jobs.ActivityRun;
import org.dbb.console.core.fabric.jobs.ActivityRunError;
import org.dbb.console.core.fabric.jobs.ActivityRunFilter;
import org.dbb.console.core.fabric.jobs.ActivityRunQuery;
import org.dbb.console.core.fabric.jobs.ActivityRunStatus;
import org.dbb.console.core.fabric.testing.TransportFixture;

class ActivityRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ActivityRunQuery WINDOW = ActivityRunQuery.between(Instant.parse("2025-05-01T00:00:00Z"),
            Instant.parse("2025-05-02T00:00:00Z"));

    private final TransportFixture fixture = new TransportFixture();
    private final FabricClient fabric = new FabricClient(fixture.transport());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void acceptsTheBareArrayTheDocumentationShows() throws Exception {
        fixture.enqueue(200, "[" + run("Wait1", "Wait", "Succeeded", "{}", "{\"errorCode\":\"\",\"message\":\"\"}")
                + "]");

        List<ActivityRun> runs = fabric.queryActivityRuns("w1", "job-1", WINDOW);

        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.activityName()).isEqualTo("Wait1");
            assertThat(r.status()).isEqualTo(ActivityRunStatus.SUCCEEDED);
            assertThat(r.start()).contains(Instant.parse("2025-05-01T06:35:00Z"));
            assertThat(r.durationMs()).isEqualTo(OptionalLong.of(1234));
            assertThat(r.error()).isEmpty();
        });
        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/workspaces/w1/datapipelines/pipelineruns/job-1/queryactivityruns");
        JsonNode body = JSON.readTree(request.getBody().readUtf8());
        assertThat(body.path("lastUpdatedAfter").asText()).isEqualTo("2025-05-01T00:00:00Z");
        assertThat(body.path("lastUpdatedBefore").asText()).isEqualTo("2025-05-02T00:00:00Z");
        assertThat(body.has("continuationToken")).isFalse();
    }

    @Test
    void acceptsTheValueEnvelopeAndFollowsItsContinuationToken() throws Exception {
        fixture.enqueue(200, "{\"value\":[" + run("Load", "Copy", "Succeeded",
                "{\"rowsRead\":100,\"rowsCopied\":98}", null) + "],\"continuationToken\":\"page-2\"}");
        fixture.enqueue(200, "{\"value\":[" + run("Transform", "TridentNotebook", "Failed",
                "{\"result\":{\"exitValue\":\"breach\"}}", "{\"errorCode\":\"2011\",\"message\":\"Notebook failed\","
                        + "\"failureType\":\"UserError\",\"target\":\"Transform\"}") + "],\"continuationToken\":null}");

        List<ActivityRun> runs = fabric.queryActivityRuns("w1", "job-1",
                WINDOW.withFilter(ActivityRunFilter.statusEquals("Failed")).newestFirst());

        assertThat(runs).extracting(ActivityRun::activityName).containsExactly("Load", "Transform");
        assertThat(runs.get(0).rowsRead()).isEqualTo(OptionalLong.of(100));
        assertThat(runs.get(0).rowsWritten()).isEqualTo(OptionalLong.of(98));
        assertThat(runs.get(1).exitValue()).contains("breach");
        assertThat(runs.get(1).error()).contains(new ActivityRunError("2011", "Notebook failed",
                Optional.of("UserError"), Optional.of("Transform")));
        JsonNode first = JSON.readTree(fixture.take().getBody().readUtf8());
        assertThat(first.path("filters")).isEqualTo(JSON.readTree(
                "[{\"operand\":\"Status\",\"operator\":\"Equals\",\"values\":[\"Failed\"]}]"));
        assertThat(first.path("orderBy")).isEqualTo(JSON.readTree(
                "[{\"orderBy\":\"ActivityRunStart\",\"order\":\"DESC\"}]"));
        JsonNode second = JSON.readTree(fixture.take().getBody().readUtf8());
        assertThat(second.path("continuationToken").asText()).isEqualTo("page-2");
    }

    @Test
    void unknownActivityStatusesAndMissingFieldsDoNotBreakTheQuery() {
        fixture.enqueue(200, "{\"value\":[{\"activityName\":\"Odd\",\"status\":\"Hibernating\",\"retryAttempt\":2,"
                + "\"output\":\"plain text\"}]}");

        ActivityRun run = fabric.queryActivityRuns("w1", "job-1", WINDOW).get(0);

        assertThat(run.status()).isEqualTo(ActivityRunStatus.UNKNOWN);
        assertThat(run.statusText()).isEqualTo("Hibernating");
        assertThat(run.retryAttempt()).isEqualTo(OptionalInt.of(2));
        assertThat(run.end()).isEmpty();
        assertThat(run.outputJson()).isEqualTo("\"plain text\"");
        assertThat(run.inputJson()).isEqualTo("null");
        assertThat(run.rowsRead()).isEmpty();
    }

    @Test
    void theChildRunOfAnExecuteOrInvokePipelineActivityIsLiftedFromItsOutput() {
        fixture.enqueue(200, "{\"value\":[" + run("Run child", "InvokePipeline", "Succeeded",
                "{\"pipelineName\":\"child\",\"pipelineRunId\":\"child-run-1\"}", null) + ","
                + run("Run legacy child", "ExecutePipeline", "InProgress", "{\"pipelineRunId\":\"child-run-2\"}", null)
                + "," + run("Copy", "Copy", "Succeeded", "{\"pipelineRunId\":\"not-a-child\"}", null) + "]}");

        List<ActivityRun> runs = fabric.queryActivityRuns("w1", "job-1", WINDOW);

        assertThat(runs).extracting(ActivityRun::childRunId).containsExactly(Optional.of("child-run-1"),
                Optional.of("child-run-2"), Optional.empty());
    }

    @Test
    void anEnvelopeWithoutValuesIsAnEmptyResult() {
        fixture.enqueue(200, "{}");

        assertThat(fabric.queryActivityRuns("w1", "job-1", WINDOW)).isEmpty();
    }

    private static String run(String name, String type, String status, String output, String error) {
        return "{\"pipelineName\":\"9b3c\",\"pipelineRunId\":\"job-1\",\"activityName\":\"" + name
                + "\",\"activityType\":\"" + type + "\",\"activityRunId\":\"ar-" + name + "\",\"status\":\"" + status
                + "\",\"activityRunStart\":\"2025-05-01T06:35:00Z\",\"activityRunEnd\":\"2025-05-01T06:35:01.234Z\","
                + "\"durationInMs\":1234,\"input\":{},\"output\":" + output
                + (error == null ? "" : ",\"error\":" + error) + ",\"iterationHash\":\"\",\"userProperties\":{}}";
    }
}
