package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.expr.Evaluate.json;

import org.junit.jupiter.api.Test;

class PropertyAccessTest {

    private final TestContext context = new TestContext()
            .output("Lookup environment", """
                    {"firstRow": {"workspace_id": "ws-1", "capacity": null},
                     "value": [{"@odata.count": 12, "name": "first"}, {"name": "second"}],
                     "count": 2}
                    """)
            .output("Copy HR extract", "{\"rowsCopied\": 42}");

    @Test
    void dotAccessWalksIntoActivityOutput() {
        assertThat(json("@activity('Lookup environment').output.firstRow.workspace_id", context))
                .isEqualTo("\"ws-1\"");
    }

    @Test
    void quotedIndexReadsPropertiesWhoseNamesAreNotIdentifiers() {
        assertThat(json("@activity('Lookup environment').output.value[0]['@odata.count']", context)).isEqualTo("12");
        assertThat(json("@activity('Copy HR extract').output['rowsCopied']", context)).isEqualTo("42");
    }

    @Test
    void integerIndexReadsArrayElementsAndMayBeComputed() {
        assertThat(json("@activity('Lookup environment').output.value[1].name", context)).isEqualTo("\"second\"");
        assertThat(json("@activity('Lookup environment').output.value[sub(2, 2)].name", context))
                .isEqualTo("\"first\"");
    }

    @Test
    void nullSafeAccessGivesNullForAMissingProperty() {
        assertThat(json("@activity('Copy HR extract').output?.rowsRead", context)).isEqualTo("null");
        assertThat(json("@coalesce(activity('Copy HR extract').output?.rowsRead, 0)", context)).isEqualTo("0");
        assertThat(json("@activity('Lookup environment').output.firstRow.capacity?.name", context)).isEqualTo("null");
        assertThat(json("@activity('Lookup environment').output?['missing']", context)).isEqualTo("null");
        assertThat(json("@activity('Lookup environment').output.value?[5]", context)).isEqualTo("null");
    }

    @Test
    void aPresentNullPropertyIsNullNotMissing() {
        assertThat(json("@activity('Lookup environment').output.firstRow.capacity", context)).isEqualTo("null");
    }

    @Test
    void aMissingPropertyFailsNamingThePathAndTheNamesThatExist() {
        assertThatThrownBy(() -> json("@activity('Lookup environment').output.firstRow.workspaceId", context))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("activity('Lookup environment').output.firstRow has no property 'workspaceId'"
                        + " (it has: workspace_id, capacity)")
                .hasMessageContaining("?.workspaceId");
    }

    @Test
    void propertyNamesAreCaseSensitive() {
        assertThatThrownBy(() -> json("@activity('Copy HR extract').output.RowsCopied", context))
                .hasMessageContaining("has no property 'RowsCopied' (it has: rowsCopied)");
    }

    @Test
    void aPropertyOfNullFailsUnlessNullSafe() {
        assertThatThrownBy(() -> json("@activity('Lookup environment').output.firstRow.capacity.name", context))
                .hasMessageContaining("activity('Lookup environment').output.firstRow.capacity is null, so it has no"
                        + " property 'name'");
    }

    @Test
    void aPropertyOfAnArrayFailsAndSuggestsAnIndex() {
        assertThatThrownBy(() -> json("@activity('Lookup environment').output.value.name", context))
                .hasMessageContaining("output.value is an array, not an object, so it has no property 'name'")
                .hasMessageContaining("an array needs an index such as [0] first");
    }

    @Test
    void anIndexOutOfRangeFails() {
        assertThatThrownBy(() -> json("@activity('Lookup environment').output.value[2]", context))
                .hasMessageContaining("output.value has 2 element(s), so [2] is out of range");
        assertThatThrownBy(() -> json("@activity('Lookup environment').output.count[0]", context))
                .hasMessageContaining("output.count is an integer, not an array");
        assertThatThrownBy(() -> json("@activity('Lookup environment').output[true]", context))
                .hasMessageContaining("an index must be a quoted property name or an integer");
    }
}
