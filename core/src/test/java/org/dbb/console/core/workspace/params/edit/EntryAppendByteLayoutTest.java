package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.SparkPoolTarget;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEntry;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Adds an entry of every kind to real parameter files and requires a pure insertion after the kind's last entry
 * (every other byte identical), then removes it again and requires the original text back. Stateless.
 */
class EntryAppendByteLayoutTest {

    private static final String MARKER = "zz-marker";
    private static final String GUID = "0f0e0d0c-0b0a-4909-8807-060504030201";

    private final ParameterFileEditor editor = new ParameterFileEditor();
    private final ParameterMatrixReader reader = new ParameterMatrixReader();

    /** One entry of each kind, for an environment the file already uses so that no name clashes by case. */
    private static List<NewEntry> entries(String env) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put(env, GUID);
        return List.of(
                new NewEntry.FindReplace("(" + MARKER + "[0-9]+)", Map.of(env, "$workspace.$id"), true, false,
                        EntryFilters.none()),
                new NewEntry.KeyValueReplace("$." + MARKER.replace('-', '_'), Map.of(env, 3),
                        new EntryFilters(List.of("DataPipeline"), List.of(), List.of())),
                new NewEntry.SparkPool(MARKER, Map.of(env, new SparkPoolTarget("Workspace", "Pool")), List.of()),
                new NewEntry.ModelBinding(List.of(MARKER), connection));
    }

    @TestFactory
    Stream<DynamicTest> eachKindIsInsertedAfterItsListsLastEntryLeavingEveryOtherByteIdentical() throws IOException {
        List<Path> files = new ArrayList<>();
        Path root = SharedFixtures.require("parameter-yml");
        try (Stream<Path> listing = Files.list(root)) {
            listing.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            TextFile text = TextFile.decode(file, bytes);
            try {
                new Yaml().compose(new StringReader(text.text()));
            } catch (YAMLException e) {
                Assumptions.abort("not valid YAML, so not editable");
            }
            assertThat(checkEveryKind(text)).as("kinds appended").isPositive();
        }));
    }

    @Test
    void theSampleWorkspaceFileTakesAnEntryOfEveryKind() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/org/dbb/console/core/sample/workspace/fabric/parameter.yml")) {
            assertThat(in).as("sample parameter.yml on the class path").isNotNull();
            TextFile text = TextFile.decode(Path.of("parameter.yml"), in.readAllBytes());
            assertThat(checkEveryKind(text)).isEqualTo(4);
        }
    }

    /** The number of kinds that could be appended; each one is checked byte for byte. */
    private int checkEveryKind(TextFile text) {
        int appended = 0;
        String env = reader.read(text).environments().stream()
                .filter(e -> EnvironmentNames.problemWith(e).isEmpty()).findFirst().orElse("PROD");
        for (NewEntry entry : entries(env)) {
            List<MatrixRow> before = rowsOf(text, entry.kind());
            EditResult added;
            try {
                added = editor.edit(text, new AddEntry(entry));
            } catch (InvalidInputException e) {
                // Old dict formats, the legacy binding list and flow layouts are refused with a reason instead.
                assertThat(e.problems().get(0).message()).isNotBlank();
                continue;
            }
            String original = text.text();
            String changed = added.file().text();
            int prefix = commonPrefix(original, changed);
            int suffix = commonSuffix(original, changed, prefix);
            assertThat(prefix + suffix).as(entry.kind() + ": a pure insertion").isEqualTo(original.length());
            assertThat(added.file().bom()).isEqualTo(text.bom());

            List<MatrixRow> after = rowsOf(added.file(), entry.kind());
            int newNumber = entry.kind() == ParameterKind.SEMANTIC_MODEL_BINDING
                    ? (int) before.stream().filter(r -> r.number() > 0).count() + 1 : before.size() + 1;
            MatrixRow last = after.get(after.size() - 1);
            assertThat(last.number()).as(entry.kind() + ": appended last").isEqualTo(newNumber);
            assertThat(last.label()).contains(entry.kind() == ParameterKind.KEY_VALUE_REPLACE ? "zz_marker" : MARKER);

            EditResult removed = editor.edit(added.file(), new RemoveEntry(entry.kind(), newNumber));
            String expected = before.isEmpty() ? withoutFinalBlankLine(original) : original;
            assertThat(removed.file().text()).as(entry.kind() + ": removed again").isEqualTo(expected);
            appended++;
        }
        return appended;
    }

    private List<MatrixRow> rowsOf(TextFile text, ParameterKind kind) {
        return reader.read(text).rows().stream().filter(r -> r.kind() == kind).toList();
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(String a, String b, int prefix) {
        int i = 0;
        while (i < a.length() - prefix && i < b.length() - prefix
                && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }

    private static String withoutFinalBlankLine(String text) {
        int lastLineStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        boolean endsWithBlankLine = text.endsWith("\n") && lastLineStart > 0
                && text.substring(lastLineStart).isBlank();
        return endsWithBlankLine ? text.substring(0, lastLineStart) : text;
    }
}
