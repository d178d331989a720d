package org.dbb.console.core.workspace.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.testing.SharedFixtures;

class JsonTextEditorFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pipelines/01_fabric-cicd_RunHelloWorld.DataPipeline/pipeline-content.json                     | $.properties.activities[?(@.name=='Run Hello World')].policy.retry         | 0  | 5
            pipelines/02_fabric-toolbox_LoadFCA_E2E.DataPipeline/pipeline-content.json                    | $.properties.activities[?(@.name=='Load Meters')].policy.retry             | 1  | 5
            pipelines/03_fabric-toolbox_Load_FUAM_Data_E2E.DataPipeline/pipeline-content.json             | $.properties.activities[?(@.name=='Check_FUAM_Version')].policy.retry      | 0  | 5
            pipelines/04_fabric-toolbox_Load_Capacity_Refreshables_E2E.DataPipeline/pipeline-content.json | $.properties.activities[5].typeProperties.activities[?(@.type=='Copy')].policy.retry | 0 | 5
            pipelines/05_FabricPipelineUpgrade_ConvertPipelineWithExecutePipeline.testdata.json           | $..activities[?(@.name=='Wait5Seconds')].typeProperties.waitTimeInSeconds  | 5  | 7
            """)
    void aJsonPathEditOfARealFileChangesOnlyTheMatchedToken(String fixture, String jsonPath, String before,
                                                            String after) {
        TextFile file = TextFile.read(SharedFixtures.require(fixture));
        JsonTextEditor editor = new JsonTextEditor(JsonDocument.parse(file));

        List<ConcretePath> matches = editor.matches(jsonPath, MissingLeaf.SKIP);
        String edited = editor.setAll(jsonPath, after, MissingLeaf.SKIP).text();

        assertThat(matches).hasSize(1);
        assertThat(SingleChange.between(file.text(), edited))
                .satisfies(change -> {
                    assertThat(change.removed()).isEqualTo(before);
                    assertThat(change.added()).isEqualTo(after);
                });
        assertThat(file.withText(edited).toBytes().length - file.toBytes().length)
                .isEqualTo(after.length() - before.length());
    }
}
