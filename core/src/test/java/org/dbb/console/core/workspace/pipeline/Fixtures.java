package org.dbb.console.core.workspace.pipeline;

import java.nio.file.Path;

import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.json.ConcretePath;

/** The real Fabric pipeline files under the shared fixtures, by what they show. Stateless. */
final class Fixtures {

    static final String HELLO_WORLD = "pipelines/01_fabric-cicd_RunHelloWorld.DataPipeline/pipeline-content.json";
    static final String LOAD_FCA = "pipelines/02_fabric-toolbox_LoadFCA_E2E.DataPipeline/pipeline-content.json";
    static final String LOAD_FUAM = "pipelines/03_fabric-toolbox_Load_FUAM_Data_E2E.DataPipeline/pipeline-content.json";
    static final String REFRESHABLES =
            "pipelines/04_fabric-toolbox_Load_Capacity_Refreshables_E2E.DataPipeline/pipeline-content.json";
    static final String INVOKE_TEST_DATA =
            "pipelines/05_FabricPipelineUpgrade_ConvertPipelineWithExecutePipeline.testdata.json";

    /** Where the pipeline with the InvokePipeline activity sits inside the 05 test data. */
    static final ConcretePath INVOKE_PIPELINE_ROOT =
            ConcretePath.parse("$.expectedResponse.result.exportableFabricResources[1].export");

    private Fixtures() {
    }

    /** The fixture file; skips the calling test when the shared fixtures are absent. */
    static Path file(String relative) {
        return SharedFixtures.require(relative);
    }
}
