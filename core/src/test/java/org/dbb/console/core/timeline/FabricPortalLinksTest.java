package org.dbb.console.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;

class FabricPortalLinksTest {

    private static final String WS = "8d2c1f8e-0c0e-4d5a-9b7e-1f2a3b4c5d6e";
    private static final String ID = "3a4b5c6d-7e8f-4a0b-8c1d-2e3f4a5b6c7d";

    @ParameterizedTest
    @CsvSource(textBlock = """
            DataPipeline,  pipelines
            Notebook,      synapsenotebooks
            SemanticModel, datasets
            Lakehouse,     lakehouses
            Warehouse,     datawarehouses
            Report,        reports
            notebook,      synapsenotebooks
            """)
    void anItemsPageIsUnderItsWorkspaceByItsTypesSegment(String type, String segment) {
        assertThat(FabricPortalLinks.item(WS, type, ID)).contains(URI.create("https://app.fabric.microsoft.com/groups/"
                + WS + "/" + segment + "/" + ID + "?experience=fabric-developer"));
    }

    @Test
    void anItemTypeWithoutAKnownPageHasNoLinkButItsWorkspaceHas() {
        assertThat(FabricPortalLinks.item(WS, "DataBuildToolJob", ID)).isEmpty();
        assertThat(FabricPortalLinks.workspace(WS)).isEqualTo(URI.create("https://app.fabric.microsoft.com/groups/"
                + WS + "?experience=fabric-developer"));
    }

    @Test
    void aPipelineRunOpensInTheMonitoringHub() {
        assertThat(FabricPortalLinks.pipelineRun(WS, ID, "9f8e7d6c-5b4a-4321-8fed-cba987654321")).isEqualTo(
                URI.create("https://app.fabric.microsoft.com/workloads/data-pipeline/monitoring/workspaces/" + WS
                        + "/pipelines/" + ID + "/9f8e7d6c-5b4a-4321-8fed-cba987654321"));
    }

    @Test
    void aTimelineRowLinksTheItemItsActivityRuns() {
        StepRow notebook = row("TridentNotebook", Optional.of(ID));
        StepRow model = row(StepTypes.SEMANTIC_MODEL_REFRESH, Optional.of(ID));
        StepRow lookup = row("Lookup", Optional.of(ID));
        StepRow noItem = row("InvokePipeline", Optional.empty());

        assertThat(FabricPortalLinks.step(WS, notebook)).map(URI::getPath).contains("/groups/" + WS
                + "/synapsenotebooks/" + ID);
        assertThat(FabricPortalLinks.step(WS, model)).map(URI::getPath).contains("/groups/" + WS + "/datasets/" + ID);
        assertThat(FabricPortalLinks.step(WS, lookup)).isEmpty();
        assertThat(FabricPortalLinks.step(WS, noItem)).isEmpty();
        assertThat(FabricPortalLinks.itemTypeOf("ExecutePipeline")).contains("DataPipeline");
    }

    @Test
    void idsAreEncodedAndBlankIdsRefused() {
        assertThat(FabricPortalLinks.item(WS, "Notebook", "a b/c").orElseThrow().getRawPath())
                .endsWith("/synapsenotebooks/a%20b%2Fc");
        assertThatThrownBy(() -> FabricPortalLinks.workspace(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workspaceId");
    }

    private static StepRow row(String type, Optional<String> itemId) {
        return new StepRow(StepKey.of("Stage", "Step"), "Step", type, StepState.SUCCEEDED, Optional.empty(),
                List.of(), List.of(), itemId, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of());
    }
}
