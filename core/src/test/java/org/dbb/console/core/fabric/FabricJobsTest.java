package org.dbb.console.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.http.ServiceError;
import org.dbb.console.core.fabric.jobs.CancelOutcome;
import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.jobs.JobCancellation;
import org.dbb.console.core.fabric.jobs.JobIdSource;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.jobs.JobInstanceRef;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.fabric.jobs.JobTypes;
import org.dbb.console.core.fabric.jobs.NotebookConfiguration;
import org.dbb.console.core.fabric.jobs.NotebookParameter;
import org.dbb.console.core.fabric.testing.TransportFixture;

class FabricJobsTest {

    private static final String JOB_ID = "f2d65699-dd22-4889-980c-15226deb0e1b";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TransportFixture fixture = new TransportFixture();
    private final FabricClient fabric = new FabricClient(fixture.transport());

    @AfterEach
    void close() {
        fixture.close();
    }

    private static void assertJson(RecordedRequest request, String expected) throws Exception {
        assertThat(JSON.readTree(request.getBody().readUtf8())).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void runsAPipelineWithFlatParametersAndTakesTheIdFromTheLastLocationSegment() throws Exception {
        fixture.enqueue(202, null, "Location", "https://api.fabric.microsoft.com/v1/workspaces/w1/items/p1/jobs/"
                + "instances/" + JOB_ID, "Retry-After", "30");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("runDate", "2025-01-31");
        parameters.put("fullLoad", true);
        parameters.put("models", List.of("Sales", "Finance"));

        JobInstanceRef ref = fabric.runJob("w1", "p1", JobRequest.pipeline(parameters));

        assertThat(ref).isEqualTo(new JobInstanceRef("w1", "p1", JOB_ID, Optional.of(Duration.ofSeconds(30)),
                JobIdSource.LOCATION));
        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/workspaces/w1/items/p1/jobs/instances?jobType=Pipeline");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertJson(request, "{\"executionData\":{\"parameters\":{\"runDate\":\"2025-01-31\",\"fullLoad\":true,"
                + "\"models\":[\"Sales\",\"Finance\"]}}}");
    }

    @Test
    void runsANotebookWithTypedParametersAndConfiguration() throws Exception {
        fixture.enqueue(202, null, "Location", "/v1/workspaces/w1/items/n1/jobs/instances/" + JOB_ID);
        Map<String, NotebookParameter> parameters = new LinkedHashMap<>();
        parameters.put("run_date", NotebookParameter.of("2025-01-31"));
        parameters.put("batch_size", NotebookParameter.of(500L));
        parameters.put("threshold", NotebookParameter.of(0.25));
        parameters.put("dry_run", NotebookParameter.of(false));
        NotebookConfiguration configuration = NotebookConfiguration.builder().sparkConf("spark.conf1", "value")
                .defaultLakehouse("l1", "lh_bronze").useStarterPool(false).build();

        fabric.runJob("w1", "n1", JobRequest.notebook(parameters, configuration));

        RecordedRequest request = fixture.take();
        assertThat(request.getPath()).endsWith("jobs/instances?jobType=RunNotebook");
        assertJson(request, "{\"executionData\":{\"parameters\":{"
                + "\"run_date\":{\"value\":\"2025-01-31\",\"type\":\"string\"},"
                + "\"batch_size\":{\"value\":500,\"type\":\"int\"},"
                + "\"threshold\":{\"value\":0.25,\"type\":\"float\"},"
                + "\"dry_run\":{\"value\":false,\"type\":\"bool\"}},"
                + "\"configuration\":{\"conf\":{\"spark.conf1\":\"value\"},"
                + "\"defaultLakehouse\":{\"name\":\"lh_bronze\",\"id\":\"l1\"},\"useStarterPool\":false}}}");
    }

    @Test
    void jobTypesAreConfigurablePerItemTypeAndPerRequest() throws Exception {
        FabricClient custom = new FabricClient(fixture.transport(), JobTypes.defaults().with("DataPipeline",
                "Execute"), Polling.DEFAULTS);
        for (int i = 0; i < 3; i++) {
            fixture.enqueue(202, null, "Location", "/v1/x/jobs/instances/" + JOB_ID);
        }

        custom.runJob("w1", "p1", JobRequest.pipeline(Map.of()));
        fabric.runJob("w1", "s1", JobRequest.of("SparkJobDefinition", Map.of("commandLineArguments", "--full")));
        fabric.runJob("w1", "p1", JobRequest.pipeline(Map.of()).withJobType("Execute"));

        RecordedRequest first = fixture.take();
        assertThat(first.getPath()).endsWith("?jobType=Execute");
        assertThat(first.getBodySize()).isZero();
        assertThat(fixture.take().getPath()).endsWith("?jobType=sparkjob");
        assertThat(fixture.take().getPath()).endsWith("?jobType=Execute");
        assertThatThrownBy(() -> fabric.runJob("w1", "x", JobRequest.of("Report", Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no job type is configured for item type Report");
    }

    @Test
    void takesTheIdFromALocationWithoutV1() {
        fixture.enqueue(202, null, "Location",
                "https://api.fabric.microsoft.com/workspaces/w1/items/p1/jobs/instances/" + JOB_ID);

        assertThat(fabric.runJob("w1", "p1", JobRequest.pipeline(Map.of())).jobInstanceId()).isEqualTo(JOB_ID);
    }

    @Test
    void findsTheNewestManualInstanceWhenLocationCarriesNoId() {
        Instant now = Instant.now();
        String newest = "11111111-2222-3333-4444-555555555555";
        fixture.enqueue(202, null, "Location",
                "https://api.fabric.microsoft.com/v1/workspaces/w1/items/p1/jobs/instances?jobType=Execute",
                "Retry-After", "15");
        fixture.enqueue(200, "{\"value\":["
                + instanceJson("aaaaaaaa-0000-0000-0000-000000000001", "Manual", "Completed", "2024-01-01T00:00:00")
                + "," + instanceJson("aaaaaaaa-0000-0000-0000-000000000002", "Scheduled", "InProgress",
                        local(now.plusSeconds(2)))
                + "," + instanceJson(newest, "Manual", "NotStarted", local(now.plusSeconds(1)))
                + "," + instanceJson("aaaaaaaa-0000-0000-0000-000000000003", "Manual", "InProgress", local(now))
                + "]}");

        JobInstanceRef ref = fabric.runJob("w1", "p1", JobRequest.pipeline(Map.of()));

        assertThat(ref.jobInstanceId()).isEqualTo(newest);
        assertThat(ref.idSource()).isEqualTo(JobIdSource.INSTANCE_LIST);
        assertThat(ref.retryAfter()).contains(Duration.ofSeconds(15));
        fixture.take();
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1/items/p1/jobs/instances");
    }

    @Test
    void saysNotToResubmitWhenAnAcceptedJobCannotBeFound() {
        fixture.enqueue(202, null, "Location", "/v1/workspaces/w1/items/p1/jobs/instances?jobType=Pipeline",
                "RequestId", "r-202");
        fixture.enqueue(200, "{\"value\":[]}");

        assertThatThrownBy(() -> fabric.runJob("w1", "p1", JobRequest.pipeline(Map.of())))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("JobInstanceIdUnknown");
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.requestId()).contains("r-202");
                });
    }

    @Test
    void aDroppedSubmissionIsReportedAsOutcomeUnknownNotResent() {
        fixture.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        assertThatThrownBy(() -> fabric.runJob("w1", "p1", JobRequest.pipeline(Map.of())))
                .isInstanceOfSatisfying(FabricApiException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void runsAsynchronously() throws Exception {
        fixture.enqueue(429, "{\"errorCode\":\"TooManyRequestsForJobs\",\"message\":\"wait\"}", "Retry-After", "0");
        fixture.enqueue(202, null, "Location", "/v1/workspaces/w1/items/p1/jobs/instances/" + JOB_ID);

        JobInstanceRef ref = fabric.runJobAsync("w1", "p1", JobRequest.pipeline(Map.of()))
                .get(2, TimeUnit.SECONDS);

        assertThat(ref.jobInstanceId()).isEqualTo(JOB_ID);
        assertThat(fixture.waits.reasons()).singleElement().asString().startsWith("throttled by Fabric until ");
    }

    @Test
    void readsAJobInstanceWithUtcTimesFailureReasonAndRetryAfter() {
        fixture.enqueue(200, "{\"id\":\"" + JOB_ID + "\",\"itemId\":\"p1\",\"jobType\":\"Pipeline\","
                + "\"invokeType\":\"Manual\",\"status\":\"Failed\",\"rootActivityId\":\"8c2e\","
                + "\"startTimeUtc\":\"2024-06-22T06:35:00.7812154\",\"endTimeUtc\":\"2024-06-22T06:41:12.1\","
                + "\"failureReason\":{\"errorCode\":\"ActivityFailed\",\"message\":\"Notebook failed\","
                + "\"requestId\":\"r-7\"}}", "Retry-After", "20");

        JobInstance job = fabric.getJobInstance("w1", "p1", JOB_ID);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.isTerminal()).isTrue();
        assertThat(job.invokeType()).isEqualTo(InvokeType.MANUAL);
        assertThat(job.startTime()).contains(Instant.parse("2024-06-22T06:35:00.7812154Z"));
        assertThat(job.endTime()).contains(Instant.parse("2024-06-22T06:41:12.100Z"));
        assertThat(job.failureReason()).contains(new ServiceError("ActivityFailed", "Notebook failed",
                Optional.of("r-7"), List.of()));
        assertThat(job.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1/items/p1/jobs/instances/" + JOB_ID);
    }

    @Test
    void anUnknownJobStatusIsUnknownAndNotTerminal() throws Exception {
        fixture.enqueue(200, "{\"id\":\"" + JOB_ID + "\",\"status\":\"Paused\",\"invokeType\":\"Robot\","
                + "\"failureReason\":null}");

        JobInstance job = fabric.getJobInstanceAsync("w1", "p1", JOB_ID).get(2, TimeUnit.SECONDS);

        assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(job.statusText()).isEqualTo("Paused");
        assertThat(job.isTerminal()).isFalse();
        assertThat(job.invokeType()).isEqualTo(InvokeType.UNKNOWN);
        assertThat(job.itemId()).isEqualTo("p1");
        assertThat(job.endTime()).isEmpty();
        assertThat(job.failureReason()).isEmpty();
    }

    @Test
    void pollsAJobUntilItEndsNeverFasterThanTheMinimumIntervalEvenWhenToldRetryAfter0() {
        FabricClient polling = new FabricClient(fixture.transport(), JobTypes.defaults(),
                new Polling(Duration.ofMillis(40), Duration.ofMillis(100), Duration.ofSeconds(5)));
        fixture.enqueue(200, instanceJson(JOB_ID, "Manual", "NotStarted", "2025-05-01T06:00:00"), "Retry-After", "0");
        fixture.enqueue(200, instanceJson(JOB_ID, "Manual", "InProgress", "2025-05-01T06:00:00"), "Retry-After", "0");
        fixture.enqueue(200, instanceJson(JOB_ID, "Manual", "InProgress", "2025-05-01T06:00:00"));
        fixture.enqueue(200, instanceJson(JOB_ID, "Manual", "Completed", "2025-05-01T06:00:00"));
        long started = System.nanoTime();

        JobInstance done = polling.awaitJob(new JobInstanceRef("w1", "p1", JOB_ID, Optional.of(Duration.ZERO),
                JobIdSource.LOCATION));

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(220));
        assertThat(fixture.waits.all()).extracting(w -> w.delay().toMillis()).containsExactly(40L, 40L, 40L, 100L);
        assertThat(fixture.waits.all()).allSatisfy(w -> assertThat(w.cause()).isEqualTo(WaitCause.JOB_RUNNING));
        assertThat(fixture.waits.reasons().get(2)).matches("Fabric job " + JOB_ID
                + " is InProgress, next check at \\d\\d:\\d\\d:\\d\\d");
        assertThat(fixture.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void cancellingTheWaitForAJobStopsPolling() throws Exception {
        FabricClient polling = new FabricClient(fixture.transport(), JobTypes.defaults(),
                new Polling(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(5)));
        for (int i = 0; i < 50; i++) {
            fixture.enqueue(200, instanceJson(JOB_ID, "Manual", "InProgress", "2025-05-01T06:00:00"));
        }

        CompletableFuture<JobInstance> waiting = polling.awaitJobAsync(new JobInstanceRef("w1", "p1", JOB_ID,
                Optional.empty(), JobIdSource.LOCATION));
        fixture.take();
        waiting.cancel(true);
        int afterCancel = fixture.server.getRequestCount();
        Thread.sleep(200);

        assertThat(waiting).isCancelled();
        assertThat(fixture.server.getRequestCount()).isLessThanOrEqualTo(afterCancel + 1);
    }

    @Test
    void aFailingStatusReadEndsTheWaitWithItsFailure() {
        fixture.enqueue(404, "{\"errorCode\":\"ItemNotFound\",\"message\":\"gone\"}");
        FabricClient polling = new FabricClient(fixture.transport(), JobTypes.defaults(),
                new Polling(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(5)));

        assertThatThrownBy(() -> polling.awaitJob(new JobInstanceRef("w1", "p1", JOB_ID, Optional.of(Duration.ZERO),
                JobIdSource.LOCATION)))
                .isInstanceOfSatisfying(FabricApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("ItemNotFound"));
    }

    @Test
    void readsANotebookRunsExitValueFromTheNotebookEndpoint() {
        fixture.enqueue(200, "{\"id\":\"" + JOB_ID + "\",\"itemId\":\"n1\",\"jobType\":\"RunNotebook\","
                + "\"invokeType\":\"Manual\",\"status\":\"Completed\",\"properties\":{\"exitValue\":"
                + "\"{\\\"breaches\\\":[]}\",\"compute\":\"Spark\"}}");

        JobInstance run = fabric.getNotebookJobInstance("w1", "n1", JOB_ID);

        assertThat(run.exitValue()).contains("{\"breaches\":[]}");
        assertThat(fixture.take().getPath())
                .isEqualTo("/v1/workspaces/w1/notebooks/n1/jobs/execute/instances/" + JOB_ID + "?beta=true");
    }

    @Test
    void listsJobInstancesAcrossPages() {
        fixture.enqueue(200, "{\"value\":[" + instanceJson("aaaaaaaa-0000-0000-0000-000000000001", "Manual",
                "Deduped", "2025-05-01T06:00:00") + "],\"continuationToken\":\"next\"}");
        fixture.enqueue(200, "{\"value\":[" + instanceJson("aaaaaaaa-0000-0000-0000-000000000002", "Scheduled",
                "Cancelled", "2025-05-01T05:00:00") + "]}");

        List<JobInstance> jobs = fabric.listJobInstances("w1", "p1");

        assertThat(jobs).extracting(JobInstance::status).containsExactly(JobStatus.DEDUPED, JobStatus.CANCELLED);
        fixture.take();
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1/items/p1/jobs/instances?continuationToken=next");
    }

    @Test
    void cancelsAJobAndPassesOnRetryAfter() {
        fixture.enqueue(202, null, "Location", "/v1/workspaces/w1/items/p1/jobs/instances/" + JOB_ID,
                "Retry-After", "60");

        JobCancellation cancel = fabric.cancelJobInstance("w1", "p1", JOB_ID);

        assertThat(cancel.outcome()).isEqualTo(CancelOutcome.REQUESTED);
        assertThat(cancel.job().retryAfter()).contains(Duration.ofSeconds(60));
        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/workspaces/w1/items/p1/jobs/instances/" + JOB_ID + "/cancel");
    }

    @Test
    void cancellingAFinishedJobIsReportedNotThrown() {
        fixture.enqueue(400, "{\"errorCode\":\"JobAlreadyCompleted\",\"message\":\"cancellation can not be "
                + "processed as job instance run has completed\"}");

        assertThat(fabric.cancelJobInstance("w1", "p1", JOB_ID).outcome()).isEqualTo(CancelOutcome.ALREADY_COMPLETED);
    }

    @Test
    void otherCancelFailuresAreThrown() {
        fixture.enqueue(403, "{\"errorCode\":\"InsufficientPrivileges\",\"message\":\"no\"}");

        assertThatThrownBy(() -> fabric.cancelJobInstance("w1", "p1", JOB_ID))
                .isInstanceOfSatisfying(FabricApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InsufficientPrivileges"));
    }

    private static String instanceJson(String id, String invokeType, String status, String startUtc) {
        return "{\"id\":\"" + id + "\",\"itemId\":\"p1\",\"jobType\":\"Pipeline\",\"invokeType\":\"" + invokeType
                + "\",\"status\":\"" + status + "\",\"startTimeUtc\":\"" + startUtc + "\"}";
    }

    private static String local(Instant instant) {
        String iso = instant.toString();
        return iso.substring(0, iso.length() - 1);
    }
}
