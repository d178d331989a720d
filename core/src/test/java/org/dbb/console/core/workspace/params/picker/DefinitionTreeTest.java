package org.dbb.console.core.workspace.params.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.params.JsonPathSyntax;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DefinitionTreeTest {

    private static final JsonPathSyntax SYNTAX = new JsonPathSyntax();
    private final FindKeyMatches matches = new FindKeyMatches(SYNTAX);

    @Test
    void nodesCarryPlainPathsWithBracketsOnlyForNamesAPathCannotSpellWithADot() {
        DefinitionTree tree = DefinitionTree.parse(Path.of("x.json"), """
                {"properties": {"activities": [{"name": "Copy", "policy": {"retry": 3}}],
                 "odd key": {"it's": true, "where": 1, "trueValue": 2, "a-b": null}}}""");

        DefinitionNode retry = tree.root().children().get(0).children().get(0).children().get(0).children().get(1)
                .children().get(0);
        assertThat(retry.findKey()).isEqualTo("$.properties.activities[0].policy.retry");
        assertThat(retry.kind()).isEqualTo(JsonKind.NUMBER);
        assertThat(retry.preview()).isEqualTo("3");
        DefinitionNode odd = tree.root().children().get(0).children().get(1);
        assertThat(odd.children()).extracting(DefinitionNode::findKey).containsExactly(
                "$.properties['odd key']['it\\'s']", "$.properties['odd key']['where']",
                "$.properties['odd key']['trueValue']", "$.properties['odd key']['a-b']");
        assertThat(odd.preview()).isEqualTo("{4 keys}");
        assertThat(odd.isLeaf()).isFalse();
    }

    @Test
    void everyNodesPathSelectsExactlyThatNode() {
        DefinitionTree tree = DefinitionTree.parse(Path.of("x.json"), """
                {"a": {"b c": [1, {"d": "e"}], "where": [], "f_g": {"trueish": false}}, "h": null}""");

        assertEveryPathSelectsItsNode(tree);
    }

    @TestFactory
    Stream<DynamicTest> inRealPipelinesEveryNodesPathIsValidForFabricCicdAndSelectsExactlyThatNode()
            throws IOException {
        Path root = SharedFixtures.require("pipelines");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.getFileName().toString().equals("pipeline-content.json")).sorted().forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName().toString(), () ->
                assertEveryPathSelectsItsNode(DefinitionTree.parse(file, TextFile.read(file).text()))));
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithItsLineAndColumn() {
        assertThatThrownBy(() -> DefinitionTree.parse(Path.of("notes.json"), "{\n  \"a\": ,\n}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).line()).isEqualTo(2);
                    assertThat(e.problems().get(0).message()).contains("not a JSON file");
                });
    }

    private void assertEveryPathSelectsItsNode(DefinitionTree tree) {
        List<DefinitionNode> all = new ArrayList<>();
        collect(tree.root(), all);
        for (DefinitionNode node : all.subList(1, all.size())) {
            String path = node.findKey();
            assertThat(SYNTAX.check(path)).as("jsonpath_ng parses " + path).isEmpty();
            FindKeyMatch match = matches.evaluate(path, tree);
            assertThat(match.problem()).as(path).isEmpty();
            assertThat(match.paths()).as(path).containsExactly(node.canonicalPath());
            assertThat(tree.find(node.canonicalPath())).contains(node);
        }
    }

    private static void collect(DefinitionNode node, List<DefinitionNode> into) {
        into.add(node);
        node.children().forEach(child -> collect(child, into));
    }
}
