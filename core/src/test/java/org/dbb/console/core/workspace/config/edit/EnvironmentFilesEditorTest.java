package org.dbb.console.core.workspace.config.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.edit.ParameterFileEditor;

class EnvironmentFilesEditorTest {

    @TempDir
    Path root;

    private final AtomicFileWriter writer = new AtomicFileWriter();
    private final List<String> told = new ArrayList<>();
    private final EnvironmentFilesEditor editor = new EnvironmentFilesEditor(
            new ConsoleSettingsEditor(new ConsoleSettingsReader(), writer), new ParameterFileEditor(writer),
            new ParameterFileValidator(), writer, List.of(new EnvironmentKeyedData() {
                @Override
                public void renameEnvironment(Path at, String from, String to) {
                    told.add("rename " + from + " to " + to + " in " + at.getFileName());
                }

                @Override
                public void removeEnvironment(Path at, String environment) {
                    told.add("remove " + environment + " in " + at.getFileName());
                }
            }));

    private Path settingsFile() {
        return root.resolve("dbb-console.yml");
    }

    private Path parameterFile() {
        return root.resolve("fabric/parameter.yml");
    }

    private EnvironmentFilesEdit preview(EnvironmentEdit edit) {
        Optional<TextFile> parameters = Files.isRegularFile(parameterFile())
                ? Optional.of(TextFile.read(parameterFile())) : Optional.empty();
        return editor.preview(root, TextFile.read(settingsFile()), parameters, edit);
    }

    private void sample() {
        new SampleWorkspace().exportTo(root);
    }

    private void files(String settings, String parameters) throws IOException {
        Files.writeString(settingsFile(), settings, StandardCharsets.UTF_8);
        Files.createDirectories(parameterFile().getParent());
        Files.writeString(parameterFile(), parameters, StandardCharsets.UTF_8);
    }

    @Test
    void renamingAnEnvironmentRenamesItsKeyInBothFilesAndChangesNoOtherByte() throws IOException {
        sample();
        String settingsBefore = Files.readString(settingsFile());
        String parametersBefore = Files.readString(parameterFile());

        EnvironmentFilesEdit edit = preview(new EnvironmentEdit.Rename("DEV", "DEVELOP"));

        assertThat(Files.readString(settingsFile())).isEqualTo(settingsBefore);
        assertThat(Files.readString(parameterFile())).isEqualTo(parametersBefore);
        assertThat(edit.fileNames()).containsExactly("dbb-console.yml", "fabric/parameter.yml");
        assertThat(edit.notes()).first().asString().isEqualTo("fabric/parameter.yml: DEV is renamed to DEVELOP in 17"
                + " entries; entries for all environments (_ALL_) stay as they are.");

        assertThat(told).as("nothing follows a preview").isEmpty();

        editor.apply(edit);

        assertThat(told).containsExactly("rename DEV to DEVELOP in " + root.getFileName());
        assertThat(Files.readString(settingsFile())).isEqualTo(settingsBefore.replace("\n  DEV:\n",
                "\n  DEVELOP:\n"));
        // every key keeps its double quotes; the _ALL_ entry and the value "DEV" stay as they are
        assertThat(Files.readString(parameterFile())).isEqualTo(parametersBefore.replace("\"DEV\":",
                "\"DEVELOP\":"));
        assertThat(Files.readString(parameterFile())).contains("_ALL_: \"$workspace.$id\"")
                .contains("\"DEVELOP\": \"DEV\"");
        assertThat(Files.readString(AtomicFileWriter.backupOf(parameterFile()))).isEqualTo(parametersBefore);
        assertThat(edit.subject()).isEqualTo("dbb-console.yml and fabric/parameter.yml: renamed environment DEV to"
                + " DEVELOP");
        assertThat(edit.beforeText()).isEqualTo("environments.DEV: DEV; fabric/parameter.yml: 17 keys 'DEV'");
        assertThat(edit.afterText()).isEqualTo("environments.DEV: DEVELOP; fabric/parameter.yml: 17 keys"
                + " 'DEVELOP'");
    }

    @Test
    void removingAnEnvironmentRemovesItsKeysAndKeepsAnEntryWhoseOnlyEnvironmentItIs() throws IOException {
        String settings = """
                environments:
                  sandbox: {emulator: true}
                  TEST:
                    workspace: T   # test
                  PROD: {workspace: P}
                """;
        String parameters = """
                find_replace:
                  # shared connection
                  - find_value: "aaa"
                    replace_value:
                      TEST: "bbb"   # test value
                      PROD: "ccc"
                  - find_value: "ddd"
                    replace_value: {TEST: "eee"}
                key_value_replace:
                  - find_key: $.a
                    replace_value: {TEST: 1, PROD: 2}
                  - find_key: $.b
                    replace_value:
                      _ALL_: true
                """;
        files(settings, parameters);

        EnvironmentFilesEdit edit = preview(new EnvironmentEdit.Remove("TEST"));
        editor.apply(edit);

        assertThat(told).containsExactly("remove TEST in " + root.getFileName());
        assertThat(Files.readString(settingsFile())).isEqualTo("""
                environments:
                  sandbox: {emulator: true}
                  PROD: {workspace: P}
                """);
        assertThat(Files.readString(parameterFile())).isEqualTo(parameters
                .replace("      TEST: \"bbb\"   # test value\n", "").replace("{TEST: 1, PROD: 2}", "{PROD: 2}"));
        assertThat(edit.notes()).hasSize(2);
        assertThat(edit.notes().get(0)).isEqualTo("fabric/parameter.yml: the values for TEST are removed from 2"
                + " entries; entries for all environments (_ALL_) stay as they are.");
        assertThat(edit.notes().get(1)).startsWith("fabric/parameter.yml:8:")
                .contains("find_replace entry 2 has a value only for 'TEST'; it is kept");
        assertThat(edit.afterText()).endsWith("fabric/parameter.yml: 2 of 3 keys 'TEST' removed, 1 kept as the"
                + " entry's only environment");
    }

    @Test
    void whenTheSecondWriteFailsTheFirstFileAndItsBackupArePutBack() throws IOException {
        sample();
        byte[] settingsBefore = Files.readAllBytes(settingsFile());
        String parametersBefore = Files.readString(parameterFile());
        EnvironmentFilesEdit edit = preview(new EnvironmentEdit.Rename("TEST", "QA"));
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(parameterFile());
        Files.setPosixFilePermissions(parameterFile(), Set.of(PosixFilePermission.OWNER_READ));
        try {
            assertThatThrownBy(() -> editor.apply(edit)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(Problem::message)
                            .anySatisfy(m -> assertThat(m).contains("read-only"))
                            .anySatisfy(m -> assertThat(m).isEqualTo("dbb-console.yml was put back as it was, so"
                                    + " neither file changed; fix the problem above and save again")));
        } finally {
            Files.setPosixFilePermissions(parameterFile(), permissions);
        }

        assertThat(Files.readAllBytes(settingsFile())).isEqualTo(settingsBefore);
        assertThat(AtomicFileWriter.backupOf(settingsFile())).doesNotExist();
        assertThat(Files.readString(parameterFile())).isEqualTo(parametersBefore);
        assertThat(AtomicFileWriter.backupOf(parameterFile())).doesNotExist();
        assertThat(told).as("data kept under TEST stays there").isEmpty();
    }

    @Test
    void aPreviousBackupOfTheFirstFileIsPutBackToo() throws IOException {
        sample();
        Files.writeString(AtomicFileWriter.backupOf(settingsFile()), "# an older version\n");
        EnvironmentFilesEdit edit = preview(new EnvironmentEdit.Rename("TEST", "QA"));
        Files.setPosixFilePermissions(parameterFile(), Set.of(PosixFilePermission.OWNER_READ));

        assertThatThrownBy(() -> editor.apply(edit)).isInstanceOf(InvalidInputException.class);

        assertThat(Files.readString(AtomicFileWriter.backupOf(settingsFile()))).isEqualTo("# an older version\n");
        assertThat(Files.readString(settingsFile())).contains("\n  TEST:\n");
    }

    @Test
    void aParameterFileChangedSinceTheReviewStopsBothWrites() throws IOException {
        sample();
        String settingsBefore = Files.readString(settingsFile());
        EnvironmentFilesEdit edit = preview(new EnvironmentEdit.Rename("TEST", "QA"));
        String elsewhere = Files.readString(parameterFile()).replace("# fabric-cicd", "# The fabric-cicd");
        Files.writeString(parameterFile(), elsewhere);

        assertThatThrownBy(() -> editor.apply(edit)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("changed on disk");
        assertThat(told).isEmpty();

        assertThat(Files.readString(settingsFile())).isEqualTo(settingsBefore);
        assertThat(Files.readString(parameterFile())).isEqualTo(elsewhere);
    }

    @Test
    void aParameterFileWithoutTheEnvironmentStaysAsItIs() throws IOException {
        files("environments:\n  sandbox: {emulator: true}\n  UAT: {workspace: U}\n",
                "find_replace:\n  - find_value: \"a\"\n    replace_value: {PROD: \"b\"}\n");

        EnvironmentFilesEdit edit = preview(new EnvironmentEdit.Rename("UAT", "ACC"));

        assertThat(edit.parameterChange()).isEmpty();
        assertThat(edit.fileNames()).containsExactly("dbb-console.yml");
        assertThat(edit.notes()).containsExactly("fabric/parameter.yml has no values for UAT (names are"
                + " case-sensitive there), so it stays as it is.");
    }

    @Test
    void withoutAParameterFileOnlyTheSettingsChange() throws IOException {
        Files.writeString(settingsFile(), "environments:\n  sandbox: {emulator: true}\n  UAT: {workspace: U}\n");

        EnvironmentFilesEdit edit = preview(new EnvironmentEdit.Remove("UAT"));
        editor.apply(edit);

        assertThat(edit.notes()).containsExactly("The repository has no parameter.yml, so only dbb-console.yml"
                + " changes.");
        assertThat(Files.readString(settingsFile())).isEqualTo("environments:\n  sandbox: {emulator: true}\n");
    }

    @Test
    void aNameTheParameterFileAlreadyUsesIsRefusedBeforeAnythingIsWritten() throws IOException {
        files("environments:\n  sandbox: {emulator: true}\n  UAT: {workspace: U}\n",
                "find_replace:\n  - find_value: \"a\"\n    replace_value: {UAT: \"b\", ACC: \"c\"}\n");

        assertThatThrownBy(() -> preview(new EnvironmentEdit.Rename("UAT", "ACC")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'ACC' already exists");
    }

    @Test
    void aParameterFileWithErrorsIsNotEditedAndSaysToFixItFirst() throws IOException {
        files("environments:\n  sandbox: {emulator: true}\n  UAT: {workspace: U}\n",
                "find_replace:\n  - find_value: \"a\"\n    replace_value: {UAT: \"b\"}\n    is_regex: true\n");

        assertThatThrownBy(() -> preview(new EnvironmentEdit.Rename("UAT", "ACC")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).last().asString().startsWith("parameter.yml has errors"
                                + " already"));
    }

    @Test
    void withoutAParameterFileARenameIsStillFollowed() throws IOException {
        sample();
        Files.delete(parameterFile());

        editor.apply(preview(new EnvironmentEdit.Rename("TEST", "QA")));

        assertThat(told).containsExactly("rename TEST to QA in " + root.getFileName());
    }

    @Test
    void addingAnEnvironmentDoesNotTouchTheParameterFile() throws IOException {
        sample();

        EnvironmentFilesEdit edit = preview(new EnvironmentEdit.Add("UAT", java.util.Map.of(EnvironmentField.WORKSPACE, "U")));

        assertThat(edit.parameters()).isEmpty();
        assertThat(edit.fileNames()).containsExactly("dbb-console.yml");
    }
}
