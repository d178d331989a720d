package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.env;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.params.KeyValueReplaceEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the resolver over the real pipelines in {@code shared/fixtures/pipelines}, copied into a temporary
 * repository at test time. The expected SHA-256 digests are of the text CPython 3.11 produced for the same files
 * with fabric-cicd's own calls ({@code json.loads}, {@code jsonpath_ng.ext} update, {@code json.dumps}).
 */
class FixturePipelinesResolverTest {

    @TempDir
    Path dir;

    private TestRepository repo;
    private final ParameterResolver resolver = new ParameterResolver();

    @BeforeEach
    void copyFixtures() throws IOException {
        Path fixtures = SharedFixtures.require("pipelines");
        repo = new TestRepository(dir);
        String[][] pipelines = {
            {"01_fabric-cicd_RunHelloWorld.DataPipeline", "Run Hello World"},
            {"02_fabric-toolbox_LoadFCA_E2E.DataPipeline", "Load FCA E2E"},
            {"03_fabric-toolbox_Load_FUAM_Data_E2E.DataPipeline", "Load_FUAM_Data_E2E"},
            {"04_fabric-toolbox_Load_Capacity_Refreshables_E2E.DataPipeline", "Load_Capacity_Refreshables_E2E"},
        };
        int n = 1;
        for (String[] pipeline : pipelines) {
            String folder = pipeline[1] + ".DataPipeline";
            repo.item(folder, "DataPipeline", pipeline[1], "0f0f0f0f-0000-4000-8000-00000000000" + n++);
            for (String file : List.of("pipeline-content.json", ".schedules")) {
                Path source = fixtures.resolve(pipeline[0]).resolve(file);
                if (Files.exists(source)) {
                    repo.bytes(folder + "/" + file, Files.readAllBytes(source));
                }
            }
        }
    }

    private KeyValueReplaceEntry defaultValue(int number, String pipeline, String parameter, Object value) {
        return repo.keyValue(number, "$.properties.parameters." + parameter + ".defaultValue", env("PROD", value),
                names(pipeline));
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pipelineParameterDefaultsAreSetAndTheFilesWrittenExactlyAsFabricCicdWritesThem() throws Exception {
        List<KeyValueReplaceEntry> entries = List.of(
                defaultValue(1, "Load FCA E2E", "FromMonth", -12),
                defaultValue(2, "Load_FUAM_Data_E2E", "metric_workspace", "$workspace.$id"),
                defaultValue(3, "Load_Capacity_Refreshables_E2E", "display_data", true),
                defaultValue(4, "Run Hello World", "missing", "x"));
        ReplacementContext context = ReplacementContext.builder()
                .workspace("99999999-8888-7777-6666-555555555555", "DBB PROD").build();
        ResolutionResult result = resolver.apply(repo.parameters(List.of(), entries), repo.scan(), "PROD", context,
                ResolverOptions.defaults());

        assertThat(result.errors()).isEmpty();
        assertThat(sha256(after(result, "Load FCA E2E.DataPipeline/pipeline-content.json")))
                .isEqualTo("14acc9de22023fff4ca006a0cb13e76f933b5ea950ef179ae07d251f376492bb");
        assertThat(sha256(after(result, "Load_FUAM_Data_E2E.DataPipeline/pipeline-content.json")))
                .isEqualTo("91303ab9a758c4f3d7474519bf9c71ef96ecbb00eabe2042219f50e9fd8445a7");
        assertThat(sha256(after(result, "Load_Capacity_Refreshables_E2E.DataPipeline/pipeline-content.json")))
                .isEqualTo("e9edaa65511ea7153e8236cc5dcb9daea2d3d4dd5b2885e323a8f6051e01eeb4");
        // No such parameter: nothing is set, but the file is still re-serialised, as fabric-cicd does.
        assertThat(sha256(after(result, "Run Hello World.DataPipeline/pipeline-content.json")))
                .isEqualTo("ea12931a7dd7c7486df950b8c79612d321b7a980f5d49009609d7e4dc644f23d");
        assertThat(result.change(repo.path("Load_FUAM_Data_E2E.DataPipeline/pipeline-content.json")).orElseThrow()
                .applied().get(0)).satisfies(a -> {
                    assertThat(a.variable()).contains("$workspace.$id");
                    assertThat(a.locations())
                            .containsExactly("$['properties']['parameters']['metric_workspace']['defaultValue']");
                });
    }

    @Test
    void scheduleFileOfTheFabricCicdSampleIsSetByFilterPath() throws Exception {
        KeyValueReplaceEntry entry = repo.keyValue(1, "$.schedules[?(@.jobType==\"Execute\")].enabled",
                env("_ALL_", true), TestRepository.paths("**/.schedules"));
        ResolutionResult result = resolver.apply(repo.parameters(List.of(), List.of(entry)), repo.scan(), "TEST",
                ReplacementContext.empty(), ResolverOptions.preview());
        assertThat(sha256(after(result, "Run Hello World.DataPipeline/.schedules")))
                .isEqualTo("a933b465b0bcc0519d2e51e5d5ddbe808c3b0e6b8c26a38216dc3cee77cb7ad0");
    }

    @Test
    void previewOfARealPipelineShowsTheValueLevelChange() {
        ResolutionResult result = resolver.apply(repo.parameters(List.of(),
                        List.of(defaultValue(1, "Load FCA E2E", "FromMonth", -12))), repo.scan(), "PROD",
                ReplacementContext.empty(), ResolverOptions.preview());
        String diff = new ParameterPreview().render(result);
        assertThat(diff).contains("--- a/Load FCA E2E.DataPipeline/pipeline-content.json")
                .contains("-        \"defaultValue\": -6").contains("+        \"defaultValue\": -12");
        assertThat(diff.lines().filter(l -> l.startsWith("-") || l.startsWith("+")).count()).isEqualTo(4);
    }

    private String after(ResolutionResult result, String relative) {
        return result.change(repo.path(relative)).orElseThrow().after();
    }
}
