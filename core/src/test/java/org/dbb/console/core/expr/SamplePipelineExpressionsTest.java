package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Evaluates expressions exactly as the sample workspace's pipelines write them; each test first checks the text is
 * still in the sample, so an edited pipeline cannot leave the test exercising a stale copy.
 */
class SamplePipelineExpressionsTest {

    private static final String ORCHESTRATION = "orchestration_pipeline_DBB.DataPipeline";
    private static final String REFRESH = "refresh_semantic_models.DataPipeline";
    private static final String INTEGRATION = "integration_pipeline_DBB.DataPipeline";

    private static final String LOAD_DATE = "@if(empty(pipeline().parameters.load_date), "
            + "formatDateTime(addDays(utcNow(), -1), 'yyyy-MM-dd'), pipeline().parameters.load_date)";
    private static final String RESOLVE_MODEL = "@concat('SELECT TOP 1 item_id, workspace_id FROM meta.fabric_items"
            + " WHERE item_type = ''SemanticModel'' AND is_active = 1 AND item_name = ''', json(if(contains("
            + "string(item()), '{'), string(item()), concat('{\"name\":\"', string(item()), '\"}'))).name, '''')";
    private static final String ENVIRONMENT_QUERY = "@concat('SELECT TOP 1 environment_name, workspace_id,"
            + " workspace_name, capacity_name FROM meta.environment_config WHERE environment_name = ''',"
            + " toUpper(pipeline().parameters.environment), '''')";
    private static final String ITEMS_QUERY = "SELECT item_type, item_name, item_id FROM meta.fabric_items WHERE"
            + " workspace_id = '@{activity('Lookup environment').output.firstRow.workspace_id}' AND is_active = 1";
    private static final String RUN_MAINTENANCE = "@equals(pipeline().parameters.run_maintenance, true)";
    private static final String CRM_ROWS = "@coalesce(activity('Copy CRM customers').output?.rowsCopied, 0)";
    private static final String HR_ROWS = "@activity('Copy HR extract').output['rowsCopied']";

    private final ExpressionParser parser = new ExpressionParser();

    private JsonNode evaluate(String pipeline, String text, TestContext context) {
        Set<String> written = PipelineExpressions.in(PipelineExpressions.samplePipeline(pipeline));
        assertThat(written).as("expressions of %s", pipeline).contains(text);
        return parser.parse(text).evaluate(context);
    }

    @Test
    void loadDateDefaultsToYesterdayWhenTheParameterIsEmpty() {
        TestContext context = new TestContext().parameter("load_date", "\"\"");

        assertThat(evaluate(ORCHESTRATION, LOAD_DATE, context).textValue()).isEqualTo("2024-05-01");
    }

    @Test
    void loadDateKeepsAGivenParameter() {
        TestContext context = new TestContext().parameter("load_date", "\"2024-04-15\"");

        assertThat(evaluate(ORCHESTRATION, LOAD_DATE, context).textValue()).isEqualTo("2024-04-15");
        assertThat(parser.parse(LOAD_DATE).references())
                .containsExactly(new ExpressionReference(ExpressionReference.Kind.PARAMETER, "load_date"));
    }

    @Test
    void environmentLookupQueryUpperCasesTheEnvironment() {
        TestContext context = new TestContext().parameter("environment", "\"prod\"");

        assertThat(evaluate(ORCHESTRATION, ENVIRONMENT_QUERY, context).textValue()).isEqualTo(
                "SELECT TOP 1 environment_name, workspace_id, workspace_name, capacity_name"
                        + " FROM meta.environment_config WHERE environment_name = 'PROD'");
    }

    @Test
    void itemsQueryInterpolatesTheLookedUpWorkspace() {
        TestContext context = new TestContext()
                .output("Lookup environment", "{\"firstRow\": {\"workspace_id\": \"b1e6-42\"}, \"count\": 1}");

        assertThat(evaluate(ORCHESTRATION, ITEMS_QUERY, context).textValue()).isEqualTo(
                "SELECT item_type, item_name, item_id FROM meta.fabric_items WHERE workspace_id = 'b1e6-42'"
                        + " AND is_active = 1");
    }

    @Test
    void maintenanceConditionComparesTheFlag() {
        assertThat(evaluate(ORCHESTRATION, RUN_MAINTENANCE,
                new TestContext().parameter("run_maintenance", "true")).booleanValue()).isTrue();
        assertThat(evaluate(ORCHESTRATION, RUN_MAINTENANCE,
                new TestContext().parameter("run_maintenance", "false")).booleanValue()).isFalse();
    }

    @Test
    void semanticModelNameIsReadFromAPlainNameItem() {
        TestContext context = new TestContext().item("\"Sales Model\"");

        assertThat(evaluate(REFRESH, RESOLVE_MODEL, context).textValue()).isEqualTo(
                "SELECT TOP 1 item_id, workspace_id FROM meta.fabric_items WHERE item_type = 'SemanticModel'"
                        + " AND is_active = 1 AND item_name = 'Sales Model'");
    }

    @Test
    void semanticModelNameIsReadFromAnObjectItem() {
        TestContext context = new TestContext().item("{\"name\": \"Finance\", \"tables\": [\"gl\"]}");

        assertThat(evaluate(REFRESH, RESOLVE_MODEL, context).textValue()).endsWith("AND item_name = 'Finance'");
        assertThat(parser.parse(RESOLVE_MODEL).references())
                .containsExactly(new ExpressionReference(ExpressionReference.Kind.ITEM, ""));
    }

    @Test
    void rowCountsFallBackToZeroWhenACopyReportsNone() {
        TestContext context = new TestContext()
                .output("Copy CRM customers", "{\"dataRead\": 0}")
                .output("Copy HR extract", "{\"rowsCopied\": 17}");

        assertThat(evaluate(INTEGRATION, CRM_ROWS, context).intValue()).isZero();
        assertThat(evaluate(INTEGRATION, HR_ROWS, context).intValue()).isEqualTo(17);
    }
}
