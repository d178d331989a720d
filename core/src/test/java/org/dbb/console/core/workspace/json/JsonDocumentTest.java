package org.dbb.console.core.workspace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.testing.SharedFixtures;

class JsonDocumentTest {

    private static final Path FILE = Path.of("pipeline-content.json");

    static Stream<String> fixtureFiles() {
        return Stream.of(
                "pipelines/01_fabric-cicd_RunHelloWorld.DataPipeline/pipeline-content.json",
                "pipelines/02_fabric-toolbox_LoadFCA_E2E.DataPipeline/pipeline-content.json",
                "pipelines/03_fabric-toolbox_Load_FUAM_Data_E2E.DataPipeline/pipeline-content.json",
                "pipelines/04_fabric-toolbox_Load_Capacity_Refreshables_E2E.DataPipeline/pipeline-content.json",
                "pipelines/05_FabricPipelineUpgrade_ConvertPipelineWithExecutePipeline.testdata.json");
    }

    @ParameterizedTest
    @MethodSource("fixtureFiles")
    void everyValueSpanOfARealFileHoldsExactlyThatValue(String fixture) throws IOException {
        JsonDocument document = JsonDocument.parse(TextFile.read(SharedFixtures.require(fixture)));

        assertThat(document.spans().all()).hasSizeGreaterThan(10);
        for (JsonSpans.ValueSpan span : document.spans().all()) {
            String characters = document.text().substring(span.start(), span.end());
            JsonNode parsed = JsonDocument.MAPPER.readTree(characters);
            assertThat(parsed).as(span.path().toString()).isEqualTo(document.valueAt(span.path()).orElseThrow());
        }
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        String text = "{\n  \"properties\": {\n    \"activities\": [\n      { \"name\": \"A\" \"type\": \"Wait\" }\n    ]\n  }\n}\n";

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> JsonDocument.parse(FILE, text));

        Problem problem = thrown.problems().get(0);
        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(21);
        assertThat(problem.message()).contains("not valid JSON").contains("fix the JSON syntax");
    }

    @Test
    void duplicateMemberNamesAreRefusedBecauseAnEditCouldMissTheValueFabricUses() {
        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> JsonDocument.parse(FILE, "{\"retry\": 1,\n \"retry\": 2}"));

        assertThat(thrown.problems().get(0).message()).contains("Duplicate field 'retry'");
        assertThat(thrown.problems().get(0).line()).isEqualTo(2);
    }

    @Test
    void emptyTextAndTrailingContentAreRefused() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> JsonDocument.parse(FILE, "  \n"))
                .problems().get(0).message()).contains("empty");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> JsonDocument.parse(FILE, "{} {}"))
                .problems().get(0).message()).contains("not valid JSON");
    }

    @Test
    void positionOfAMissingValueIsWhereItsNearestAncestorStarts() {
        JsonDocument document = JsonDocument.parse(FILE, "{\n  \"a\": {\n    \"b\": 1\n  }\n}");

        assertThat(document.positionOf(ConcretePath.parse("$.a.b"))).isEqualTo(new TextPosition(3, 10));
        assertThat(document.positionOf(ConcretePath.parse("$.a.c.d"))).isEqualTo(new TextPosition(2, 8));
        assertThat(document.problemAt(ConcretePath.parse("$.a.b"), "bad").jsonPath()).contains("$.a.b");
    }

    @Test
    void treeHandsOutCopiesSoTheDocumentStaysUnchanged() {
        JsonDocument document = JsonDocument.parse(FILE, "{\"a\": 1}");

        ((com.fasterxml.jackson.databind.node.ObjectNode) document.tree()).put("a", 2);

        assertThat(document.valueAt(ConcretePath.parse("$.a")).orElseThrow().asInt()).isEqualTo(1);
        assertThat(List.of(document.text())).containsExactly("{\"a\": 1}");
    }

    @Test
    void aFileWithABomIsParsedFromItsTextWithoutTheMark(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});

        assertThat(JsonDocument.parse(TextFile.read(file)).tree().isObject()).isTrue();
    }
}
