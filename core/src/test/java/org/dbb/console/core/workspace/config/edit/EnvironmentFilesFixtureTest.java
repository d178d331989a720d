package org.dbb.console.core.workspace.config.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.edit.ParameterFileEditor;

/**
 * Renames and removes environments of the real parameter files (fixtures beside the repository) through the
 * two-file editor: only the environment's keys may change, every other byte stays. Skipped, with the reason, when the
 * shared fixtures are not there.
 */
class EnvironmentFilesFixtureTest {

    private static final String NEW_NAME = "ZZ_RENAMED";
    /** What dbb-console.yml accepts as an environment name. */
    private static final Pattern CONSOLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false",
            "null");

    @TempDir
    Path temp;

    private final AtomicFileWriter writer = new AtomicFileWriter();
    private final ParameterFileEditor parameters = new ParameterFileEditor(writer);
    private final EnvironmentFilesEditor editor = new EnvironmentFilesEditor(
            new ConsoleSettingsEditor(new ConsoleSettingsReader(), writer), parameters, new ParameterFileValidator(),
            writer);

    @TestFactory
    Stream<DynamicTest> renamingAnEnvironmentChangesOnlyItsKeysInBothFiles() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            Path root = workspace(c);
            byte[] parametersBefore = Files.readAllBytes(root.resolve("fabric/parameter.yml"));
            String settingsBefore = Files.readString(root.resolve("dbb-console.yml"));
            int uses = parameters.environmentUses(TextFile.decode(c.file(), parametersBefore), c.environment());

            editor.apply(preview(root, new EnvironmentEdit.Rename(c.environment(), NEW_NAME)));

            TextFile after = TextFile.read(root.resolve("fabric/parameter.yml"));
            TextFile before = TextFile.decode(c.file(), parametersBefore);
            assertThat(count(after.text(), NEW_NAME)).isEqualTo(uses);
            // putting the old name back where the new one is gives the original text: nothing else moved
            assertThat(after.text().replace(NEW_NAME, c.environment())).isEqualTo(before.text());
            assertThat(after.bom()).isEqualTo(before.bom());
            assertThat(Files.readString(root.resolve("dbb-console.yml"))).isEqualTo(settingsBefore
                    .replace("\n  " + c.environment() + ":", "\n  " + NEW_NAME + ":"));

            editor.apply(preview(root, new EnvironmentEdit.Rename(NEW_NAME, c.environment())));
            assertThat(Files.readAllBytes(root.resolve("fabric/parameter.yml"))).isEqualTo(parametersBefore);
            assertThat(Files.readString(root.resolve("dbb-console.yml"))).isEqualTo(settingsBefore);
        }));
    }

    @TestFactory
    Stream<DynamicTest> removingAnEnvironmentOnlyDeletesTextOfItsKeys() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            Path root = workspace(c);
            TextFile before = TextFile.read(root.resolve("fabric/parameter.yml"));

            EnvironmentFilesEdit edit = preview(root, new EnvironmentEdit.Remove(c.environment()));
            editor.apply(edit);

            TextFile after = TextFile.read(root.resolve("fabric/parameter.yml"));
            int kept = edit.parameters().orElseThrow().notes().size();
            assertThat(parameters.environmentUses(after, c.environment())).isEqualTo(kept);
            assertThat(isSubsequence(after.text(), before.text())).as("only text was removed").isTrue();
            assertThat(Files.readString(root.resolve("dbb-console.yml"))).doesNotContain(c.environment() + ":");
        }));
    }

    private EnvironmentFilesEdit preview(Path root, EnvironmentEdit edit) {
        return editor.preview(root, TextFile.read(root.resolve("dbb-console.yml")),
                Optional.of(TextFile.read(root.resolve("fabric/parameter.yml"))), edit);
    }

    /** A repository with the fixture as its parameter.yml and a settings file naming its environment. */
    private Path workspace(Case c) throws IOException {
        Path root = temp.resolve(c.label().replaceAll("[^A-Za-z0-9_-]", "_"));
        Path fabric = Files.createDirectories(root.resolve("fabric"));
        // written, not copied: the fixtures are read-only and a copy would keep that
        Files.write(fabric.resolve("parameter.yml"), Files.readAllBytes(c.file()));
        Path templates = c.file().resolveSibling(c.file().getFileName().toString().replace("-main.yml",
                "-templates"));
        if (Files.isDirectory(templates)) {
            Path copy = Files.createDirectories(fabric.resolve(templates.getFileName()));
            try (Stream<Path> files = Files.list(templates)) {
                for (Path f : files.toList()) {
                    Files.write(copy.resolve(f.getFileName()), Files.readAllBytes(f));
                }
            }
        }
        Files.writeString(root.resolve("dbb-console.yml"), "version: 1\nrepositoryDirectory: fabric\n"
                + "environments:\n  local_sandbox: {emulator: true}\n  " + c.environment() + ":\n"
                + "    workspace: W   # the workspace\n");
        return root;
    }

    /** Each valid fixture with each of its environment names that dbb-console.yml accepts too. */
    private Stream<Case> cases() throws IOException {
        Path dir = SharedFixtures.require("parameter-yml");
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("EXPECTED.tsv")).stream().skip(1).toList()) {
            String[] cells = line.split("\t");
            if (cells.length < 3 || !cells[2].equals("True")) {
                continue;
            }
            Path file = dir.resolve(cells[0]);
            Set<String> names = parameters.environments(TextFile.read(file));
            for (String name : names) {
                if (CONSOLE_NAME.matcher(name).matches() && !YAML_WORDS.contains(name.toLowerCase(Locale.ROOT))
                        && !name.equalsIgnoreCase("local_sandbox") && !TextFile.read(file).text().contains(NEW_NAME)) {
                    cases.add(new Case(file, name, cells[0] + " " + name));
                }
            }
        }
        Assumptions.assumeFalse(cases.isEmpty(), "no valid fixture with an environment name");
        return cases.stream();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static boolean isSubsequence(String part, String whole) {
        int i = 0;
        for (int j = 0; i < part.length() && j < whole.length(); j++) {
            if (part.charAt(i) == whole.charAt(j)) {
                i++;
            }
        }
        return i == part.length();
    }

    private record Case(Path file, String environment, String label) {
    }
}
