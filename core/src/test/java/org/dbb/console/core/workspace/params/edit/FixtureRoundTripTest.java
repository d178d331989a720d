package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEntry;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEnvironment;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEntry;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEnvironment;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RenameEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Runs inverse edit pairs over the real parameter files and requires the original bytes back. Stateless. */
class FixtureRoundTripTest {

    private static final String NEW_ENV = "ZZ_NEW";

    private final ParameterFileEditor editor = new ParameterFileEditor();

    @TestFactory
    Stream<DynamicTest> addingThenRemovingAnEnvironmentColumnGivesBackTheOriginalBytes() throws IOException {
        return fixtures().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            byte[] original = Files.readAllBytes(file);
            TextFile text = readableYaml(file, original);
            Set<String> names = ParameterDocument.parse(text).environmentNames();
            Assumptions.assumeFalse(names.isEmpty(), "no environment columns (only _ALL_ or no entries)");

            EditResult added = editor.edit(text, AddEnvironment.copying(NEW_ENV, names.iterator().next()));
            if (!added.changed()) {
                // Every entry uses _ALL_ beside other keys: nothing may be added, and each skip is reported.
                assertThat(added.notes()).isNotEmpty();
                return;
            }
            assertThat(added.file().text()).contains(NEW_ENV);
            EditResult removed = editor.edit(added.file(), new RemoveEnvironment(NEW_ENV));

            assertThat(removed.file().text()).isEqualTo(text.text());
            assertThat(removed.file().toBytes()).isEqualTo(original);
        }));
    }

    @TestFactory
    Stream<DynamicTest> renamingAnEnvironmentAndBackGivesBackTheOriginalBytes() throws IOException {
        return fixtures().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            byte[] original = Files.readAllBytes(file);
            TextFile text = readableYaml(file, original);
            Set<String> names = ParameterDocument.parse(text).environmentNames();
            Assumptions.assumeFalse(names.isEmpty(), "no environment columns (only _ALL_ or no entries)");
            String env = names.iterator().next();
            Assumptions.assumeTrue(EnvironmentNames.problemWith(env).isEmpty(), "'" + env + "' is not a valid name");

            EditResult renamed = editor.edit(text, new RenameEnvironment(env, NEW_ENV));
            assertThat(renamed.file().text()).doesNotContain(env + ":").contains(NEW_ENV + ":");
            EditResult back = editor.edit(renamed.file(), new RenameEnvironment(NEW_ENV, env));

            assertThat(back.file().text()).isEqualTo(text.text());
            assertThat(back.file().toBytes()).isEqualTo(original);
        }));
    }

    @TestFactory
    Stream<DynamicTest> addingThenRemovingAnEntryGivesBackTheOriginalBytes() throws IOException {
        return fixtures().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            byte[] original = Files.readAllBytes(file);
            TextFile text = readableYaml(file, original);
            ParameterDocument doc = ParameterDocument.parse(text);
            Assumptions.assumeTrue(doc.rootMapping() == null || !ParameterDocument.isFlow(doc.rootMapping()));
            List<NewEntry> entries = List.of(
                    new NewEntry.FindReplace("(zz-[0-9]+)", Map.of("_ALL_", "$workspace.$id"), true, false,
                            EntryFilters.none()),
                    new NewEntry.KeyValueReplace("$.zz", Map.of("_ALL_", true), EntryFilters.none()));
            int tried = 0;
            for (NewEntry entry : entries) {
                List<Integer> lists = doc.rootPairIndexes(entry.kind().key());
                boolean appendable = lists.isEmpty() || (lists.size() == 1
                        && doc.rootPair(lists.get(0)).getValueNode() instanceof SequenceNode);
                if (!appendable) {
                    continue;
                }
                int count = lists.isEmpty() ? 0
                        : ((SequenceNode) doc.rootPair(lists.get(0)).getValueNode()).getValue().size();
                EditResult added = editor.edit(text, new AddEntry(entry));
                EditResult removed = editor.edit(added.file(), new RemoveEntry(entry.kind(), count + 1));

                // A new parameter is set off by a blank line, and removing it removes that separator too; a file
                // that already ended with a blank line cannot tell the two apart and loses its own.
                String expected = count == 0 ? withoutFinalBlankLine(text.text()) : text.text();
                assertThat(removed.file().text()).as(entry.kind().key()).isEqualTo(expected);
                assertThat(removed.file().bom()).isEqualTo(text.bom());
                tried++;
            }
            Assumptions.assumeTrue(tried > 0, "no parameter list to append to");
        }));
    }

    private static String withoutFinalBlankLine(String text) {
        int lastLineStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        boolean endsWithBlankLine = text.endsWith("\n") && lastLineStart > 0
                && text.substring(lastLineStart).isBlank();
        return endsWithBlankLine ? text.substring(0, lastLineStart) : text;
    }

    private static TextFile readableYaml(Path file, byte[] bytes) {
        TextFile text = TextFile.decode(file, bytes);
        try {
            new Yaml().compose(new StringReader(text.text()));
        } catch (YAMLException e) {
            Assumptions.abort("not valid YAML, so not editable: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return text;
    }

    private static List<Path> fixtures() throws IOException {
        Path root = SharedFixtures.require("parameter-yml");
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(root, root.resolve("invalid"))) {
            try (Stream<Path> listing = Files.list(dir)) {
                listing.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }
}
