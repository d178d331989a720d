package org.dbb.console.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dbb.console.core.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWorkspaceExportTest {

    private final SampleWorkspace sample = new SampleWorkspace();

    @TempDir
    Path temp;

    @Test
    void exportWritesEveryIndexedFileByteForByte() throws IOException {
        Path dir = temp.resolve("dbb");

        sample.exportTo(dir);

        for (String file : sample.files()) {
            assertThat(Files.readAllBytes(dir.resolve(file))).as(file).isEqualTo(sample.bytes(file));
        }
    }

    @Test
    void exportWritesNothingBesidesTheIndexedFiles() throws IOException {
        Path dir = temp.resolve("dbb");

        sample.exportTo(dir);

        List<String> written;
        try (Stream<Path> walk = Files.walk(dir)) {
            written = walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertThat(written).containsExactlyElementsOf(sample.files());
    }

    @Test
    void exportFillsAnExistingEmptyFolder() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("empty"));

        sample.exportTo(dir);

        assertThat(dir.resolve("dbb-console.yml")).exists();
        assertThat(dir.resolve("fabric/parameter.yml")).exists();
    }

    @Test
    void exportRefusesAFolderThatIsNotEmptyAndLeavesItAlone() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> sample.exportTo(dir))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).file()).isEqualTo(dir.toAbsolutePath().normalize());
                    assertThat(e.problems().get(0).message()).contains("not empty");
                });
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries).containsExactly(dir.resolve("notes.txt"));
        }
    }

    @Test
    void exportRefusesAPathThatIsAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("file.txt"), "x");

        assertThatThrownBy(() -> sample.exportTo(file))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).file()).isEqualTo(file.toAbsolutePath().normalize()));
    }

    @Test
    void bytesRejectsAPathOutsideTheSample() {
        assertThatThrownBy(() -> sample.bytes("../workspace.index"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
