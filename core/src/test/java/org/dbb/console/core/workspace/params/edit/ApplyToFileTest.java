package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.SetReplaceValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyToFileTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String BEFORE = "find_replace:\r\n"
            + "  - find_value: \"dev\"  # äöü\r\n"
            + "    replace_value:\r\n"
            + "      PROD: \"prod\"\r\n";
    private static final String AFTER = BEFORE.replace("\"prod\"", "\"prod-2\"");
    private static final SetReplaceValue EDIT = new SetReplaceValue(ParameterKind.FIND_REPLACE, 1, "PROD", "prod-2");

    @TempDir
    Path dir;

    private final ParameterFileEditor editor = new ParameterFileEditor();

    private Path write(byte[] prefix, String text) throws IOException {
        Path file = dir.resolve("parameter.yml");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(body, 0, bytes, prefix.length, body.length);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        System.arraycopy(BOM, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    @Test
    void applyWritesOnlyTheChangedBytesKeepingBomAndCrlfAndKeepsABackup() throws IOException {
        Path file = write(BOM, BEFORE);

        EditResult result = editor.apply(file, EDIT);

        assertThat(result.changed()).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(withBom(AFTER));
        assertThat(Files.readAllBytes(AtomicFileWriter.backupOf(file))).isEqualTo(withBom(BEFORE));
    }

    @Test
    void anEditThatChangesNothingDoesNotRewriteTheFile() throws IOException {
        Path file = write(new byte[0], AFTER);

        EditResult result = editor.apply(file, EDIT);

        assertThat(result.changed()).isFalse();
        assertThat(Files.exists(AtomicFileWriter.backupOf(file))).isFalse();
    }

    @Test
    void aRefusedEditWritesNothing() throws IOException {
        Path file = write(new byte[0], BEFORE);

        assertThatThrownBy(() -> editor.apply(file, new SetReplaceValue(ParameterKind.FIND_REPLACE, 1, "no", "x")))
                .isInstanceOf(InvalidInputException.class);

        assertThat(Files.readString(file)).isEqualTo(BEFORE);
        assertThat(filesIn(dir)).containsExactly("parameter.yml");
    }

    @Test
    void malformedYamlIsReportedWithThePathAndNothingIsWritten() throws IOException {
        Path file = write(new byte[0], "find_replace:\n  - find_value: [unclosed\n");

        assertThatThrownBy(() -> editor.apply(file, EDIT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).file()).isEqualTo(file);
                    assertThat(e.problems().get(0).line()).isEqualTo(3);
                });
        assertThat(filesIn(dir)).containsExactly("parameter.yml");
    }

    @Test
    void aReadOnlyFileIsLeftUntouched() throws IOException {
        Path file = write(new byte[0], BEFORE);
        assertThat(file.toFile().setWritable(false, false)).isTrue();
        Assumptions.assumeFalse(Files.isWritable(file), "read-only files stay writable for this user (root)");

        assertThatThrownBy(() -> editor.apply(file, EDIT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).message()).contains("read-only"));

        assertThat(Files.readString(file)).isEqualTo(BEFORE);
        assertThat(filesIn(dir)).containsExactly("parameter.yml");
    }

    @Test
    void aWriteThatFailsLeavesTheFileUntouchedAndNoTemporaryFileBehind() throws IOException {
        Path file = write(new byte[0], BEFORE);
        // A non-empty folder where the backup should go makes the write fail for any user, root included.
        Files.createDirectories(AtomicFileWriter.backupOf(file).resolve("occupied"));

        assertThatThrownBy(() -> editor.apply(file, EDIT)).isInstanceOf(InvalidInputException.class);

        assertThat(Files.readString(file)).isEqualTo(BEFORE);
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("parameter.yml", "parameter.yml.bak");
    }

    private static Stream<String> filesInStream(Path dir) throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    private static java.util.List<String> filesIn(Path dir) throws IOException {
        try (Stream<String> names = filesInStream(dir)) {
            return names.sorted().toList();
        }
    }
}
