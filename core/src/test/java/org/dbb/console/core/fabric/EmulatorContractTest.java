package org.dbb.console.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.EmulatedItem;
import org.dbb.console.core.emulator.EmulatedWorkspace;
import org.dbb.console.core.emulator.MutableClock;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.fabric.devops.GroupVariable;
import org.dbb.console.core.fabric.devops.VariableGroup;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.http.Waiting;
import org.dbb.console.core.fabric.jobs.ActivityRun;
import org.dbb.console.core.fabric.jobs.ActivityRunQuery;
import org.dbb.console.core.fabric.jobs.ActivityRunStatus;
import org.dbb.console.core.fabric.jobs.CancelOutcome;
import org.dbb.console.core.fabric.jobs.JobIdSource;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.jobs.JobInstanceRef;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.fabric.jobs.NotebookParameter;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;

/**
 * The Fabric and Azure DevOps clients against the emulator seeded from the sample workspace: every call the clients
 * make, answered by the emulator's contract instead of scripted MockWebServer responses. The emulator runs on a
 * hand-moved clock at time scale 0.001 and every status poll moves it one real second on, so runs finish in a few
 * polls whatever the machine's load.
 */
@Timeout(20)
class EmulatorContractTest {

    private static final String MASTER = "orchestration_pipeline_DBB";
    private static final String SCENARIO = """
            version: 1
            timeScale: 0.001
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 40, pollSeconds: 5, operationSeconds: 3}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1]
                failure:
                  activity: Build gold with dbt
                  errorCode: DbtRunFailed
                  message: "dbt run failed: 1 of 10 models errored"
              integration_pipeline_DBB:
                dedupeOnAttempts: [1]
              nb_monitor_threshold_breaches:
                exitValue: {breaches: [{table: fct_sales, value: 31.4}]}
              nb_dbb_common:
                seconds: 100000
            """;

    @TempDir
    static Path shared;

    private static Workspace repository;
    private static Scenario scenario;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T06:00:00Z"));
    private EmulatorFixture fixture;

    @BeforeAll
    static void exportSample() {
        repository = EmulatorFixture.sample(shared);
        scenario = EmulatorFixture.scenarioFile(shared.resolve("contract.yml"), SCENARIO);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private EmulatorFixture start(int pageSize, String clientHost) {
        fixture = EmulatorFixture.builder(repository).scenario(scenario).pageSize(pageSize).clientHost(clientHost)
                .clock(clock, Duration.ofSeconds(1)).start();
        return fixture;
    }

    private EmulatorFixture start() {
        return start(100, "127.0.0.1");
    }

    @Test
    void listsFollowTheContinuationUriPageByPage() {
        start(2, "127.0.0.1");
        FabricClient fabric = fixture.fabric();
        EmulatedWorkspace sandbox = fixture.sandbox();

        List<org.dbb.console.core.fabric.Workspace> workspaces = fabric.listWorkspaces();
        List<Item> items = fabric.listItems(sandbox.id().toString());
        List<Connection> connections = fabric.listConnections();

        assertThat(workspaces).extracting(org.dbb.console.core.fabric.Workspace::id)
                .containsExactlyElementsOf(fixture.emulator.workspaces().stream().map(w -> w.id().toString())
                        .toList());
        assertThat(items).extracting(Item::id)
                .containsExactlyElementsOf(sandbox.items().stream().map(i -> i.id().toString()).toList());
        assertThat(items).allSatisfy(i -> assertThat(i.workspaceId()).isEqualTo(sandbox.id().toString()));
        assertThat(connections).hasSizeGreaterThan(2);
        // 4 environments in pages of 2, so two requests; nothing asked twice
        assertThat(fixture.stats().requests("GET /v1/workspaces")).isEqualTo(2);
        assertThat(fixture.stats().requests("GET /v1/workspaces/{workspaceId}/items"))
                .isEqualTo((sandbox.items().size() + 1) / 2);
    }

    @Test
    void listsFallBackToTheContinuationTokenWhenTheNextPageIsNamedOnAnotherHost() {
        start(3, "localhost");
        FabricClient fabric = fixture.fabric();
        EmulatedWorkspace sandbox = fixture.sandbox();

        List<Item> models = fabric.listItems(sandbox.id().toString(), "SemanticModel");
        List<org.dbb.console.core.fabric.Workspace> workspaces = fabric.listWorkspaces();

        assertThat(models).extracting(Item::displayName)
                .containsExactlyInAnyOrder("Sales", "Finance", "Inventory", "Customer360", "Operations", "HR");
        assertThat(models).allSatisfy(m -> assertThat(m.type()).isEqualTo("SemanticModel"));
        assertThat(workspaces).hasSize(fixture.emulator.workspaces().size());
        assertThat(fixture.stats().requests("GET /v1/workspaces/{workspaceId}/items")).isEqualTo(2);
    }

    @Test
    void getsAWorkspaceAndAnItemAsListed() {
        start();
        FabricClient fabric = fixture.fabric();
        EmulatedWorkspace sandbox = fixture.sandbox();
        EmulatedItem master = sandbox.item("DataPipeline", MASTER).orElseThrow();

        org.dbb.console.core.fabric.Workspace workspace = fabric.getWorkspace(sandbox.id().toString());
        Item item = fabric.getItem(sandbox.id().toString(), master.id().toString());

        assertThat(workspace.displayName()).isEqualTo(sandbox.displayName()).isEqualTo("DBB Sandbox");
        assertThat(workspace.capacityRegion()).isPresent();
        assertThat(item.displayName()).isEqualTo(MASTER);
        assertThat(item.type()).isEqualTo("DataPipeline");
        assertThat(item.workspaceId()).isEqualTo(sandbox.id().toString());
    }

    @Test
    void theMasterPipelineRunsToCompletionWithActivityRunsMatchingItsJson() {
        start();
        FabricClient fabric = fixture.fabric();
        String ws = fixture.sandboxId();
        String masterId = fixture.itemId("DataPipeline", MASTER);

        JobInstanceRef ref = fabric.runJob(ws, masterId, JobRequest.pipeline(Map.of("environment", "sandbox")));
        JobInstance done = fabric.awaitJob(ref);
        List<ActivityRun> runs = fabric.queryActivityRuns(ws, ref.jobInstanceId(),
                ActivityRunQuery.forRunStartedAt(done.startTime().orElseThrow(), done.endTime().orElseThrow()));

        assertThat(ref.idSource()).isEqualTo(JobIdSource.LOCATION);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.id()).isEqualTo(ref.jobInstanceId());
        Pipeline json = new PipelineReader().read(repository.pipeline(MASTER).orElseThrow().folder()
                .resolve("pipeline-content.json"), MASTER);
        Map<String, String> typeByName = json.activities().stream()
                .collect(Collectors.toMap(Activity::name, Activity::type));
        assertThat(runs).extracting(ActivityRun::activityName).containsAll(typeByName.keySet());
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.activityType()).isEqualTo(typeByName.get(r.activityName()));
            assertThat(r.pipelineRunId()).isEqualTo(ref.jobInstanceId());
            assertThat(r.end()).isPresent();
        });
        // the maintenance branch is not requested, so its notebooks never run
        assertThat(runs).extracting(ActivityRun::activityName).doesNotContain("Clean up retained files");
        assertThat(fixture.waits.all().stream().filter(w -> w.cause() == WaitCause.JOB_RUNNING))
                .isNotEmpty()
                .allSatisfy(w -> assertThat(w.delay()).isGreaterThanOrEqualTo(EmulatorFixture.FAST_POLLING
                        .minInterval()));
    }

    @Test
    void aChildPipelineThatFailsOnItsFirstAttemptIsRetriedByItsParentAndEachChildRunCanBeRead() {
        start();
        FabricClient fabric = fixture.fabric();
        String ws = fixture.sandboxId();

        JobInstanceRef ref = fabric.runJob(ws, fixture.itemId("DataPipeline", MASTER), JobRequest.pipeline(Map.of()));
        JobInstance done = fabric.awaitJob(ref);
        List<ActivityRun> invocations = fabric.queryActivityRuns(ws, ref.jobInstanceId(),
                ActivityRunQuery.forRunStartedAt(done.startTime().orElseThrow(), done.endTime().orElseThrow())).stream()
                .filter(r -> r.activityName().equals("Run transformation pipeline")).toList();

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(invocations).extracting(ActivityRun::status)
                .containsExactly(ActivityRunStatus.FAILED, ActivityRunStatus.SUCCEEDED);
        assertThat(invocations.get(0).retryAttempt()).isEmpty();
        assertThat(invocations.get(1).retryAttempt()).hasValue(1);
        assertThat(invocations.get(0).error()).hasValueSatisfying(e -> assertThat(e.message()).contains("dbt"));
        String transformation = fixture.itemId("DataPipeline", "transformation_pipeline_DBB");
        String firstChild = invocations.get(0).childRunId().orElseThrow();
        String secondChild = invocations.get(1).childRunId().orElseThrow();
        assertThat(firstChild).isNotEqualTo(secondChild);
        JobInstance failed = fabric.getJobInstance(ws, transformation, firstChild);
        JobInstance retried = fabric.getJobInstance(ws, transformation, secondChild);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(f -> {
            assertThat(f.errorCode()).isEqualTo("JobInstanceStatusFailed");
            assertThat(f.message()).contains("Build gold with dbt");
        });
        assertThat(retried.status()).isEqualTo(JobStatus.COMPLETED);
        List<ActivityRun> childRuns = fabric.queryActivityRuns(ws, firstChild,
                ActivityRunQuery.forRunStartedAt(failed.startTime().orElseThrow(), failed.endTime().orElseThrow()));
        // the scripted activity fails on every attempt its own retry policy makes within the failing child run
        assertThat(childRuns).filteredOn(r -> r.activityName().equals("Build gold with dbt")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.error()).hasValueSatisfying(
                        e -> assertThat(e.errorCode()).isEqualTo("DbtRunFailed")));
        assertThat(fixture.stats().jobsStarted("sandbox", MASTER)).isEqualTo(1);
        assertThat(fixture.stats().jobsStarted("sandbox", "transformation_pipeline_DBB")).isEqualTo(2);
        assertThat(fixture.stats().jobsStarted("sandbox", "refresh_semantic_models")).isEqualTo(1);
    }

    @Test
    void onTheRealClockAJobIsPolledNoCloserThanTheMinimumIntervalThoughFabricSaysRetryAfter0() {
        fixture = EmulatorFixture.builder(repository).scenario(scenario).start();
        FabricClient fabric = fixture.fabric();
        String ws = fixture.sandboxId();
        long started = System.nanoTime();

        JobInstance done = fabric.awaitJob(fabric.runJob(ws, fixture.itemId("Notebook", "nb_silver_conform"),
                JobRequest.notebook(Map.of())));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        List<Waiting> polls = fixture.waits.all().stream().filter(w -> w.cause() == WaitCause.JOB_RUNNING).toList();
        assertThat(polls).isNotEmpty().allSatisfy(w -> {
            assertThat(w.retryAfter()).contains(Duration.ZERO);
            assertThat(w.delay()).isEqualTo(EmulatorFixture.FAST_POLLING.minInterval());
        });
        long reads = fixture.stats().requests("GET /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances/"
                + "{jobInstanceId}");
        assertThat(reads).isEqualTo(polls.size())
                .isLessThanOrEqualTo(took.toMillis() / EmulatorFixture.FAST_POLLING.minInterval().toMillis() + 1);
    }

    @Test
    void aPipelineScriptedToFailOnItsFirstAttemptFailsThenSucceedsWhenRunAgain() {
        start();
        FabricClient fabric = fixture.fabric();
        String ws = fixture.sandboxId();
        String transformation = fixture.itemId("DataPipeline", "transformation_pipeline_DBB");

        JobInstance first = fabric.awaitJob(fabric.runJob(ws, transformation, JobRequest.pipeline(Map.of())));
        JobInstance second = fabric.awaitJob(fabric.runJob(ws, transformation, JobRequest.pipeline(Map.of())));

        assertThat(first.status()).isEqualTo(JobStatus.FAILED);
        assertThat(first.failureReason()).hasValueSatisfying(f -> assertThat(f.message()).contains("dbt run failed"));
        assertThat(second.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(second.failureReason()).isEmpty();
        assertThat(fabric.listJobInstances(ws, transformation)).extracting(JobInstance::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(fixture.stats().jobsStarted("sandbox", "transformation_pipeline_DBB")).isEqualTo(2);
    }

    @Test
    void aJobScriptedToBeDedupedEndsDeduped() {
        start();
        FabricClient fabric = fixture.fabric();
        String ws = fixture.sandboxId();

        JobInstance deduped = fabric.awaitJob(fabric.runJob(ws, fixture.itemId("DataPipeline",
                "integration_pipeline_DBB"), JobRequest.pipeline(Map.of())));

        assertThat(deduped.status()).isEqualTo(JobStatus.DEDUPED);
        assertThat(deduped.isTerminal()).isTrue();
        assertThat(deduped.failureReason()).isEmpty();
    }

    @Test
    void aNotebookJobCompletesAndItsExitValueIsReadFromTheNotebookEndpoint() {
        start();
        FabricClient fabric = fixture.fabric();
        String ws = fixture.sandboxId();
        String notebook = fixture.itemId("Notebook", "nb_monitor_threshold_breaches");

        JobInstanceRef ref = fabric.runJob(ws, notebook, JobRequest.notebook(Map.of(
                "row_drop_threshold_pct", NotebookParameter.of(25.0))));
        JobInstance done = fabric.awaitJob(ref);
        JobInstance read = fabric.getNotebookJobInstance(ws, notebook, ref.jobInstanceId());

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.jobType()).isEqualTo("RunNotebook");
        assertThat(done.exitValue()).isEmpty();
        assertThat(read.exitValue()).hasValueSatisfying(v -> assertThat(v).contains("fct_sales").contains("31.4"));
        assertThat(fixture.stats().jobsStarted("sandbox", "nb_monitor_threshold_breaches")).isEqualTo(1);
    }

    @Test
    void aRunningJobIsCancelledAndASecondCancelSaysItAlreadyEnded() {
        start();
        FabricClient fabric = fixture.fabric();
        String ws = fixture.sandboxId();
        String notebook = fixture.itemId("Notebook", "nb_dbb_common");

        JobInstanceRef ref = fabric.runJob(ws, notebook, JobRequest.notebook(Map.of()));
        var cancel = fabric.cancelJobInstance(ws, notebook, ref.jobInstanceId());
        JobInstance cancelled = fabric.awaitJob(cancel.job());
        var again = fabric.cancelJobInstance(ws, notebook, ref.jobInstanceId());

        assertThat(cancel.outcome()).isEqualTo(CancelOutcome.REQUESTED);
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(again.outcome()).isEqualTo(CancelOutcome.ALREADY_COMPLETED);
    }

    @Test
    void aDefinitionIsReadAndReplacedThroughLongRunningOperations() {
        start();
        FabricClient fabric = fixture.fabric();
        String ws = fixture.sandboxId();
        String transformation = fixture.itemId("DataPipeline", "transformation_pipeline_DBB");

        ItemDefinition before = fabric.getItemDefinition(ws, transformation);
        String json = before.part("pipeline-content.json").orElseThrow().text()
                .replaceFirst("\"DBB transformation:", "\"Changed by the contract test. DBB transformation:");
        fabric.updateItemDefinition(ws, transformation, ItemDefinition.of(List.of(
                DefinitionPart.ofText("pipeline-content.json", json))));
        ItemDefinition after = fabric.getItemDefinition(ws, transformation);

        assertThat(before.part(".platform")).isPresent();
        assertThat(after.part("pipeline-content.json").orElseThrow().text()).contains("Changed by the contract test.");
        assertThat(fixture.waits.all()).filteredOn(w -> w.cause() == WaitCause.OPERATION_RUNNING)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(fixture.stats().requests("GET /v1/operations/{operationId}")).isGreaterThanOrEqualTo(3);
        assertThat(fixture.stats().requests("GET /v1/operations/{operationId}/result")).isEqualTo(2);
    }

    @Test
    void theVariableGroupListsSecretsWithoutValues() {
        start();
        EmulatedWorkspace sandbox = fixture.sandbox();
        var ref = sandbox.variableGroup();

        VariableGroup group = fixture.devOps().getVariableGroup(ref.organization(), ref.project(), ref.groupId());

        assertThat(group.id()).isEqualTo(ref.groupId());
        assertThat(group.value("DBB_WORKSPACE_ID")).contains(sandbox.id().toString());
        GroupVariable secret = group.variable("DBB_SERVICE_PRINCIPAL_SECRET").orElseThrow();
        assertThat(secret.secret()).isTrue();
        assertThat(secret.value()).isEmpty();
        assertThat(group.variables().values()).filteredOn(GroupVariable::secret)
                .allSatisfy(v -> assertThat(v.value()).isEmpty());
    }
}
