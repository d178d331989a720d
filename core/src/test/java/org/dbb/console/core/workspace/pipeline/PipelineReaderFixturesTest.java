package org.dbb.console.core.workspace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.workspace.json.ConcretePath;

class PipelineReaderFixturesTest {

    private final PipelineReader reader = new PipelineReader();

    @Test
    void helloWorldHasOneNotebookReferencingALogicalIdInThisWorkspace() {
        Pipeline pipeline = reader.read(Fixtures.file(Fixtures.HELLO_WORLD), "Run Hello World");

        assertThat(pipeline.activities()).hasSize(1);
        Activity run = pipeline.activities().get(0);
        assertThat(run.name()).isEqualTo("Run Hello World");
        assertThat(run.kind()).isEqualTo(ActivityKind.NOTEBOOK);
        assertThat(run.jsonPath()).hasToString("$.properties.activities[0]");
        assertThat(run.position().line()).isEqualTo(4);
        assertThat(run.dependsOn()).isEmpty();
        NotebookDetails notebook = run.details(NotebookDetails.class).orElseThrow();
        assertThat(notebook.notebookId().literalText()).contains("99b570c5-0c79-9dc4-4c9b-fa16c621384c");
        assertThat(notebook.workspaceId().flatMap(DynamicValue::literalText))
                .contains("00000000-0000-0000-0000-000000000000");
        ActivityPolicy policy = run.policy().orElseThrow();
        assertThat(policy.retry()).contains(0);
        assertThat(policy.retryIntervalInSeconds()).contains(30);
        assertThat(policy.timeout()).contains(Duration.ofHours(12));
        assertThat(policy.timeoutText()).contains("0.12:00:00");
        assertThat(policy.retryWording()).isEqualTo("no retries \u00b7 1 attempt");
        assertThat(pipeline.parameters()).isEmpty();
    }

    @Test
    void loadFcaHasNotebooksWithTypedParametersAndInactiveExecutePipelines() {
        Pipeline pipeline = reader.read(Fixtures.file(Fixtures.LOAD_FCA), "Load FCA E2E");

        assertThat(pipeline.activities()).extracting(Activity::name).containsExactly("Focus Data", "Calendar Data",
                "FCA Version", "Load Meters", "Focus_Fabric Data", "Load Dimensions", "Load Quotas",
                "Load Reservations");

        Activity focus = pipeline.topLevel("Focus Data").orElseThrow();
        assertThat(focus.dependsOn()).containsExactly(new Dependency("Load Meters", Set.of(DependencyCondition.SUCCEEDED)));
        assertThat(focus.policy().orElseThrow().timeout()).contains(Duration.ofHours(1));
        assertThat(focus.policy().orElseThrow().timeoutText()).contains("0.1:00:00");
        assertThat(focus.policy().orElseThrow().retryWording()).isEqualTo("1 retry \u00b7 up to 2 attempts");
        NotebookDetails notebook = focus.details(NotebookDetails.class).orElseThrow();
        assertThat(notebook.sessionTag()).contains("fca");
        assertThat(notebook.parameters()).containsOnlyKeys("fromMonth", "toMonth");
        assertThat(notebook.parameters().get("fromMonth")).isEqualTo(new NotebookParameter(
                new DynamicValue.Expression("@pipeline().parameters.FromMonth"), Optional.of("int")));

        Activity quotas = pipeline.topLevel("Load Quotas").orElseThrow();
        assertThat(quotas.state()).isEqualTo(ActivityState.INACTIVE);
        assertThat(quotas.isActive()).isFalse();
        assertThat(quotas.onInactiveMarkAs()).contains(InactiveOutcome.SUCCEEDED);
        assertThat(quotas.policy().orElseThrow().retry()).isEmpty();
        assertThat(quotas.effectivePolicy().effectiveRetry()).isZero();
        ExecutePipelineDetails execute = quotas.details(ExecutePipelineDetails.class).orElseThrow();
        assertThat(execute.pipelineReferenceName()).isEqualTo("bc560572-054f-49e6-8601-2505da5bea6a");
        assertThat(execute.waitOnCompletion()).isTrue();
        assertThat(execute.parameters()).isEmpty();
        assertThat(pipeline.topLevel("Load Reservations").orElseThrow().details(ExecutePipelineDetails.class)
                .orElseThrow().parameters().get("ToMonth"))
                .isEqualTo(new DynamicValue.Expression("@pipeline().parameters.ToMonth"));

        assertThat(pipeline.parameters()).containsOnlyKeys("FromMonth", "ToMonth");
        assertThat(pipeline.parameters().get("FromMonth").type()).isEqualTo("int");
        assertThat(pipeline.parameters().get("FromMonth").defaultValue().orElseThrow().asInt()).isEqualTo(-6);
    }

    @Test
    void loadFcaTopLevelDependencyOrderPutsEachActivityAfterItsUpstream() {
        Pipeline pipeline = reader.read(Fixtures.file(Fixtures.LOAD_FCA), "Load FCA E2E");

        DependencyOrder order = pipeline.topLevelInDependencyOrder();

        assertThat(order.isComplete()).isTrue();
        assertThat(order.activities()).extracting(Activity::name).containsExactly("FCA Version", "Load Meters",
                "Focus Data", "Load Dimensions", "Focus_Fabric Data", "Calendar Data", "Load Quotas",
                "Load Reservations");
    }

    @Test
    void loadFuamOrchestratesWithCompletedDependenciesAndANestedIfCondition() {
        Pipeline pipeline = reader.read(Fixtures.file(Fixtures.LOAD_FUAM), "Load_FUAM_Data_E2E");

        assertThat(pipeline.activities()).hasSize(17);
        assertThat(pipeline.allActivities()).hasSize(18);
        assertThat(pipeline.allActivities().stream().filter(n -> n.activity().kind() == ActivityKind.EXECUTE_PIPELINE))
                .hasSize(15);
        assertThat(pipeline.parameters()).hasSize(16);
        assertThat(pipeline.parameters().get("has_tenant_domains").defaultValue().orElseThrow().asBoolean()).isTrue();

        Activity metrics = pipeline.topLevel("Load_Capacity_Metrics").orElseThrow();
        assertThat(metrics.dependsOn()).containsExactly(
                new Dependency("Load_Workspaces", Set.of(DependencyCondition.COMPLETED)),
                new Dependency("Load_Capacities", Set.of(DependencyCondition.COMPLETED)));
        assertThat(metrics.dependsOn().get(0).isSatisfiedBy(DependencyCondition.FAILED)).isTrue();
        assertThat(metrics.dependsOn().get(0).isSatisfiedBy(DependencyCondition.SKIPPED)).isFalse();

        Activity ifDomains = pipeline.topLevel("If has domains").orElseThrow();
        IfConditionDetails condition = ifDomains.details(IfConditionDetails.class).orElseThrow();
        assertThat(condition.expression())
                .isEqualTo(new DynamicValue.Expression("@if(pipeline().parameters.has_tenant_domains, 1, 0)"));
        assertThat(condition.ifFalseActivities()).isEmpty();
        assertThat(condition.ifTrueActivities()).extracting(Activity::name).containsExactly("Load_Domains");
        assertThat(ifDomains.policy()).isEmpty();
        Activity domains = condition.ifTrueActivities().get(0);
        assertThat(domains.jsonPath())
                .hasToString("$.properties.activities[12].typeProperties.ifTrueActivities[0]");
        assertThat(pipeline.findByName("Load_Domains")).containsExactly(domains);
        NestedActivity nested = pipeline.allActivities().stream()
                .filter(n -> n.activity().name().equals("Load_Domains")).findFirst().orElseThrow();
        assertThat(nested.parent()).contains(ifDomains);
        assertThat(nested.depth()).isEqualTo(1);

        assertThat(pipeline.topLevel("Generate_Calendar_Table").orElseThrow().policy().orElseThrow().timeout())
                .contains(Duration.ofHours(12));
        assertThat(pipeline.topLevel("Load_Optimization_Module_E2E").orElseThrow().state())
                .isEqualTo(ActivityState.INACTIVE);
    }

    @Test
    void loadFuamDependencyOrderIsCompleteAndRespectsEveryDependency() {
        Pipeline pipeline = reader.read(Fixtures.file(Fixtures.LOAD_FUAM), "Load_FUAM_Data_E2E");

        DependencyOrder order = pipeline.topLevelInDependencyOrder();

        assertThat(order.problems()).isEmpty();
        List<String> names = order.activities().stream().map(Activity::name).toList();
        assertThat(names).hasSize(17).doesNotHaveDuplicates();
        for (Activity activity : order.activities()) {
            for (Dependency dependency : activity.dependsOn()) {
                assertThat(names.indexOf(dependency.activity())).as(activity.name())
                        .isLessThan(names.indexOf(activity.name()));
            }
        }
        assertThat(names.get(0)).isEqualTo("Load_Workspaces");
    }

    @Test
    void refreshablesHasLookupSetVariablesAndASequentialForEachWithCopy() {
        Pipeline pipeline = reader.read(Fixtures.file(Fixtures.REFRESHABLES), "Load_Capacity_Refreshables_E2E");

        assertThat(pipeline.activities()).extracting(Activity::type).containsExactly("Delete", "Lookup",
                "SetVariable", "SetVariable", "SetVariable", "ForEach", "TridentNotebook");
        assertThat(pipeline.activities().get(0).details()).isEqualTo(new GenericDetails("Delete"));
        assertThat(pipeline.activities().get(0).typeProperties().path("enableLogging").isBoolean()).isTrue();

        LookupDetails lookup = pipeline.activities().get(1).details(LookupDetails.class).orElseThrow();
        assertThat(lookup.firstRowOnly()).isFalse();
        assertThat(lookup.source().path("type").asText()).isEqualTo("RestSource");

        SetVariableDetails setCount = pipeline.activities().get(2).details(SetVariableDetails.class).orElseThrow();
        assertThat(setCount.variableName()).isEqualTo("item_count");
        assertThat(setCount.value()).contains(
                new DynamicValue.Expression("@activity('Fetch count').output.value[0]['@odata.count']"));

        Activity loop = pipeline.topLevel("ForEach Get Refreshables").orElseThrow();
        ForEachDetails forEach = loop.details(ForEachDetails.class).orElseThrow();
        assertThat(forEach.isSequential()).isTrue();
        assertThat(forEach.concurrencyCap()).isEqualTo(1);
        assertThat(forEach.items()).isEqualTo(new DynamicValue.Expression("@variables('page_array')"));
        assertThat(forEach.activities()).extracting(Activity::name).containsExactly("Set currentSkip", "Copy files");
        Activity copy = forEach.activities().get(1);
        assertThat(copy.jsonPath()).isEqualTo(ConcretePath.parse("$.properties.activities[5].typeProperties.activities[1]"));
        assertThat(copy.details(CopyDetails.class).orElseThrow().sink().path("type").asText()).isEqualTo("JsonSink");
        assertThat(copy.dependsOn()).containsExactly(new Dependency("Set currentSkip", Set.of(DependencyCondition.SUCCEEDED)));
        assertThat(DependencyOrder.of(pipeline.file(), loop.children()).isComplete()).isTrue();

        assertThat(pipeline.allActivities()).hasSize(9);
        assertThat(pipeline.variables()).containsOnlyKeys("item_count", "limit", "page_count", "page_array",
                "currentSkip");
        assertThat(pipeline.variables().get("limit").type()).isEqualTo("Integer");
        assertThat(pipeline.variables().get("limit").defaultValue().orElseThrow().asInt()).isEqualTo(1000);
        assertThat(pipeline.variables().get("item_count").defaultValue()).isEmpty();
    }

    @Test
    void theTestDataExportHoldsAWaitAndTheNewInvokePipelineActivity() {
        Pipeline pipeline = reader.read(Fixtures.file(Fixtures.INVOKE_TEST_DATA), "ExecutePipelinePipeline",
                Fixtures.INVOKE_PIPELINE_ROOT);

        assertThat(pipeline.activities()).extracting(Activity::name)
                .containsExactly("Wait5Seconds", "Execute Other Pipeline");
        Activity wait = pipeline.activities().get(0);
        assertThat(wait.description()).contains("This activity waits 5 seconds");
        assertThat(wait.details(WaitDetails.class).orElseThrow().waitTimeInSeconds().display()).isEqualTo("5");
        assertThat(wait.policy()).isEmpty();
        assertThat(wait.effectivePolicy().effectiveTimeout()).isEqualTo(ActivityPolicy.FABRIC_DEFAULT_TIMEOUT);
        assertThat(wait.json().path("userProperties").isArray()).isTrue();

        Activity invoke = pipeline.activities().get(1);
        assertThat(invoke.jsonPath()).hasToString(
                "$.expectedResponse.result.exportableFabricResources[1].export.properties.activities[1]");
        InvokePipelineDetails details = invoke.details(InvokePipelineDetails.class).orElseThrow();
        assertThat(details.operationType()).contains("InvokeFabricPipeline");
        assertThat(details.pipelineId().literalText()).contains("00000000-0000-0000-0000-000000000000");
        assertThat(details.waitOnCompletion()).isTrue();
        assertThat(details.parameters()).isEmpty();
        assertThat(details.connection()).contains("00000000-0000-0000-0000-000000000000");
        assertThat(invoke.dependsOn()).containsExactly(new Dependency("Wait5Seconds", Set.of(DependencyCondition.SUCCEEDED)));
    }

    @Test
    void theOtherPipelineInTheTestDataIsReadFromItsOwnRoot() {
        Pipeline pipeline = reader.read(Fixtures.file(Fixtures.INVOKE_TEST_DATA), "WaitPipeline",
                ConcretePath.parse("$.expectedResponse.result.exportableFabricResources[0].export"));

        assertThat(pipeline.activities()).extracting(Activity::name).containsExactly("Wait10Seconds");
    }
}
