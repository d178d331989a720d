package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class VariableResolverTest {

    private static final String WS = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String LH = "bbbbbbbb-0000-0000-0000-000000000002";

    private final ReplacementContext context = ReplacementContext.builder()
            .workspace(WS, "Sales [PPE]/EU")
            .deployed(DeployedItem.of("Lakehouse", "LH_Gold", LH)
                    .withSqlEndpoint("abc.datawarehouse.fabric.microsoft.com")
                    .withSqlEndpointId("cccccccc-0000-0000-0000-000000000003"))
            .deployed(DeployedItem.of("Eventhouse", "Spark Monitoring", "dddddddd-0000-0000-0000-000000000004")
                    .withQueryServiceUri("https://trd.kusto.fabric.microsoft.com"))
            .deployed(DeployedItem.of("Eventhouse", "Monitoring.Eventhouse", "eeeeeeee-0000-0000-0000-000000000005"))
            .deployed("Notebook", "NB Load", "ffffffff-0000-0000-0000-000000000006")
            .deployed("Lakehouse", "My.LH", "99999999-0000-0000-0000-000000000007")
            .otherWorkspace(new OtherWorkspace("Shared Data", "12121212-0000-0000-0000-000000000008",
                    List.of(DeployedItem.of("Warehouse", "WH_Ref", "34343434-0000-0000-0000-000000000009")
                            .withSqlEndpoint("wh.datawarehouse.fabric.microsoft.com"))))
            .build();

    private final VariableResolver strict = new VariableResolver(context, UnresolvedPolicy.FAIL);

    private String value(String variable) {
        VariableResolution r = strict.resolve(variable);
        assertThat(r.failed()).as(r.message().orElse("")).isFalse();
        return r.text();
    }

    private String failure(VariableResolver resolver, String variable) {
        VariableResolution r = resolver.resolve(variable);
        assertThat(r.failed()).isTrue();
        return r.message().orElseThrow();
    }

    @Test
    void literalsPassThrough() {
        VariableResolution r = strict.resolve("sql-prod.contoso.net");
        assertThat(r.isVariable()).isFalse();
        assertThat(r.text()).isEqualTo("sql-prod.contoso.net");
    }

    @Test
    void targetWorkspaceVariablesIncludingTheLegacyIdForm() {
        assertThat(value("$workspace.$id")).isEqualTo(WS);
        assertThat(value("$workspace.id")).isEqualTo(WS);
        assertThat(value("$workspace.$name")).isEqualTo("Sales [PPE]/EU");
    }

    @Test
    void encodedNameIsQuotedLikeUrllibWithNothingSafe() {
        assertThat(value("$workspace.$name_encoded")).isEqualTo("Sales%20%5BPPE%5D%2FEU");
        assertThat(VariableResolver.quote("My Target Workspace [PPE]")).isEqualTo("My%20Target%20Workspace%20%5BPPE%5D");
        assertThat(VariableResolver.quote("a-b_c.d~e\u00e9")).isEqualTo("a-b_c.d~e%C3%A9");
    }

    @Test
    void otherWorkspacesByNameAndTheirItems() {
        assertThat(value("$workspace.Shared Data")).isEqualTo("12121212-0000-0000-0000-000000000008");
        assertThat(value("$workspace.Shared Data.$id")).isEqualTo("12121212-0000-0000-0000-000000000008");
        assertThat(value("$workspace.Shared Data.$items.Warehouse.WH_Ref.$id"))
                .isEqualTo("34343434-0000-0000-0000-000000000009");
        assertThat(value("$workspace.Shared Data.$items.Warehouse.WH_Ref.$sqlendpoint"))
                .isEqualTo("wh.datawarehouse.fabric.microsoft.com");
        assertThat(failure(strict, "$workspace.Nope")).isEqualTo(
                "Workspace ID could not be resolved from workspace name: Nope.");
        assertThat(failure(strict, "$workspace.Shared Data.$items.Warehouse.WH_Ref.$ID")).startsWith(
                "Invalid syntax or missing attribute in cross-workspace variable");
        assertThat(failure(strict, "$workspace.Shared Data.$items.Warehous.WH_Ref.$id")).isEqualTo(
                "Item type 'Warehous' is invalid or not supported");
    }

    @Test
    void itemAttributesInTheTargetWorkspaceWithTheAttributeLowerCased() {
        assertThat(value("$items.Lakehouse.LH_Gold.$id")).isEqualTo(LH);
        assertThat(value("$items.Lakehouse.LH_Gold.$ID")).isEqualTo(LH);
        assertThat(value("$items.Lakehouse.LH_Gold.$sqlendpoint")).isEqualTo("abc.datawarehouse.fabric.microsoft.com");
        assertThat(value("$items.Lakehouse.LH_Gold.$sqlendpointid")).isEqualTo("cccccccc-0000-0000-0000-000000000003");
        assertThat(value("$items.Eventhouse.Spark Monitoring.$queryserviceuri"))
                .isEqualTo("https://trd.kusto.fabric.microsoft.com");
    }

    @Test
    void newFormCannotReachADottedNameButTheLegacyFormCan() {
        // Split on the last ".$", then on the last ".": the type becomes "Eventhouse.Monitoring".
        assertThat(failure(strict, "$items.Eventhouse.Monitoring.Eventhouse.$id")).isEqualTo(
                "Item type 'Eventhouse.Monitoring' is invalid or not found in deployed items"
                        + " (Eventhouse.Monitoring is not one of the item types fabric-cicd deploys)");
        assertThat(value("$items.Lakehouse.My.LH.id")).isEqualTo("99999999-0000-0000-0000-000000000007");
        assertThat(value("$items.Eventhouse.Monitoring.Eventhouse.id")).isEqualTo("eeeeeeee-0000-0000-0000-000000000005");
    }

    @Test
    void unresolvableItemsSayExactlyWhyInFabricCicdsWords() {
        assertThat(failure(strict, "$items.Warehouse.WH.$id"))
                .isEqualTo("Item type 'Warehouse' is invalid or not found in deployed items");
        assertThat(failure(strict, "$items.Lakehouse.LH_Silver.$id"))
                .isEqualTo("Item 'LH_Silver' not found as a deployed Lakehouse");
        assertThat(failure(strict, "$items.Lakehouse.LH_Gold.$name")).isEqualTo(
                "Attribute 'name' is invalid. Supported attributes: ['id', 'sqlendpoint', 'sqlendpointid',"
                        + " 'queryserviceuri']");
        assertThat(failure(strict, "$items.Notebook.NB Load.$sqlendpoint"))
                .isEqualTo("Value does not exist for attribute 'sqlendpoint' in the Notebook item 'NB Load'");
        assertThat(failure(strict, "$items.Lakehouse")).isEqualTo(
                "Invalid $items variable syntax: $items.Lakehouse. Expected format: $items.type.name.attribute");
    }

    @Test
    void dollarValuesThatAreNoKnownVariableAreRejected() {
        assertThat(failure(strict, "$workspaceId")).startsWith(
                "Invalid replace_value variable format: '$workspaceId'. Expected format: $items.type.name.$attribute"
                        + " or $workspace.$id or");
        assertThat(failure(strict, "$ENV:lakehouse")).startsWith("Invalid replace_value variable format: '$ENV:lakehouse'.");
    }

    @Test
    void placeholderModeKeepsTheVariableVisibleButStillFailsOnSyntax() {
        VariableResolver preview = new VariableResolver(ReplacementContext.empty(), UnresolvedPolicy.KEEP_PLACEHOLDER);
        VariableResolution id = preview.resolve("$items.Lakehouse.LH_Gold.$id");
        assertThat(id.isPlaceholder()).isTrue();
        assertThat(id.text()).isEqualTo("$items.Lakehouse.LH_Gold.$id");
        assertThat(id.message()).contains("Item type 'Lakehouse' is invalid or not found in deployed items");
        assertThat(preview.resolve("$workspace.$id").isPlaceholder()).isTrue();
        assertThat(preview.resolve("$workspace.$name_encoded").text()).isEqualTo("$workspace.$name_encoded");
        assertThat(failure(preview, "$items.Lakehouse.LH_Gold.$guid")).startsWith("Attribute 'guid' is invalid.");
        assertThat(failure(preview, "$LH_BRONZE_RAW_PROD")).startsWith("Invalid replace_value variable format");
    }
}
