package org.dbb.console.core.workspace.config.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;

class ConsoleSettingsEditorTest {

    private static final String ENVIRONMENTS = """

            environments:   # where runs go
              sandbox: {emulator: true}
            """;

    @TempDir
    Path root;

    private final ConsoleSettingsReader reader = new ConsoleSettingsReader();
    private final ConsoleSettingsEditor editor = new ConsoleSettingsEditor(reader, new AtomicFileWriter());

    private Path settings(String text) throws IOException {
        Path file = root.resolve("dbb-console.yml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void replacesAnExistingValueInPlaceAndKeepsTheCommentBesideIt() throws IOException {
        String before = "# console settings\nrefresh:\n  concurrency: 2      # two at once\n  pipeline: r\n"
                + ENVIRONMENTS;
        Path file = settings(before);

        SettingsChange change = editor.setRefreshConcurrency(root, 5);

        assertThat(Files.readString(file)).isEqualTo(before.replace("concurrency: 2 ", "concurrency: 5 "));
        assertThat(change).isEqualTo(new SettingsChange(file, "refresh.concurrency", Optional.of("2"), "5", true));
        assertThat(reader.read(root).refresh().concurrency()).isEqualTo(OptionalInt.of(5));
    }

    @Test
    void addsTheKeyBelowTheLastRefreshEntryOfTheSampleLeavingEveryOtherLineAlone() throws IOException {
        Path sample = root.resolve("sample");
        new SampleWorkspace().exportTo(sample);
        Path file = sample.resolve("dbb-console.yml");
        String before = Files.readString(file);
        String last = "  targetMinutes: {Sales: 20, Finance: 15, Inventory: 25}\n";
        assertThat(before).contains(last);

        editor.setRefreshConcurrency(sample, 3);

        assertThat(Files.readString(file)).isEqualTo(before.replace(last, last + "  concurrency: 3\n"));
        assertThat(Files.readAllBytes(AtomicFileWriter.backupOf(file))).isEqualTo(before.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void addsTheKeyAboveTheFirstEntryWhenTheLastEntryIsANestedBlock() throws IOException {
        String before = "refresh:\n    pipeline: r\n    targetMinutes:\n      Sales: 20\n\n    # per model\n"
                + ENVIRONMENTS;
        Path file = settings(before);

        editor.setRefreshConcurrency(root, 2);

        assertThat(Files.readString(file)).isEqualTo(before.replace("refresh:\n", "refresh:\n    concurrency: 2\n"));
        assertThat(reader.read(root).refresh().targetMinutesFor("Sales")).isEqualTo(20);
    }

    @Test
    void addsThePairInsideAFlowMapping() throws IOException {
        String before = "refresh: {pipeline: r, parameter: models}  # flow\n" + ENVIRONMENTS;
        Path file = settings(before);

        editor.setRefreshConcurrency(root, 4);

        assertThat(Files.readString(file)).isEqualTo(before.replace("parameter: models}",
                "parameter: models, concurrency: 4}"));
    }

    @Test
    void addsARefreshSectionAtTheEndWhenThereIsNone() throws IOException {
        String before = "version: 1" + ENVIRONMENTS;
        Path file = settings(before);

        SettingsChange change = editor.setRefreshConcurrency(root, 2);

        assertThat(Files.readString(file)).isEqualTo(before + "refresh:\n  concurrency: 2\n");
        assertThat(change.before()).isEmpty();
    }

    @Test
    void keepsWindowsLineEndingsTheByteOrderMarkAndTextBeyondTheBasicPlane() throws IOException {
        String text = "# r\u00e9glages \ud83d\ude80\r\nrefresh:\r\n  pipeline: r\r\n" + ENVIRONMENTS.replace("\n", "\r\n");
        Path file = root.resolve("dbb-console.yml");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(file, bytes);

        editor.setRefreshConcurrency(root, 3);

        String expected = text.replace("  pipeline: r\r\n", "  pipeline: r\r\n  concurrency: 3\r\n");
        byte[] expectedBody = expected.getBytes(StandardCharsets.UTF_8);
        byte[] written = Files.readAllBytes(file);
        assertThat(written).startsWith(bom);
        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(written).hasSize(expectedBody.length + 3);
    }

    @Test
    void aValueAlreadyWrittenLeavesTheFileUntouched() throws IOException {
        Path file = settings("refresh:\n  concurrency: 3\n" + ENVIRONMENTS);

        SettingsChange change = editor.setRefreshConcurrency(root, 3);

        assertThat(change.changed()).isFalse();
        assertThat(AtomicFileWriter.backupOf(file)).doesNotExist();
    }

    @Test
    void anOutOfRangeCapIsRefusedNamingTheSettingAndNothingChanges() throws IOException {
        String before = "refresh:\n  concurrency: 3\n" + ENVIRONMENTS;
        Path file = settings(before);

        assertThatThrownBy(() -> editor.setRefreshConcurrency(root, 51))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("refresh.concurrency");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(AtomicFileWriter.backupOf(file)).doesNotExist();
    }

    @Test
    void aFileWithErrorsIsRefusedAndLeftAsItWas() throws IOException {
        String before = "refresh:\n  concurrency: 3\n  colour: blue\n" + ENVIRONMENTS;
        Path file = settings(before);

        assertThatThrownBy(() -> editor.setRefreshConcurrency(root, 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("colour");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aRepositoryWithoutSettingsFileIsToldToCreateOne() {
        assertThatThrownBy(() -> editor.setRefreshConcurrency(root, 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("there is no dbb-console.yml");
        assertThat(root.resolve("dbb-console.yml")).doesNotExist();
    }
}
