package org.dbb.console.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SampleWorkspaceIndexTest {

    // Surefire runs with the module folder as working directory.
    private static final Path SOURCE = Path.of("src/main/resources/org/dbb/console/core/sample/workspace");

    @Test
    void indexListsExactlyTheFilesOfTheResourceFolder() throws IOException {
        List<String> onDisk;
        try (Stream<Path> walk = Files.walk(SOURCE)) {
            onDisk = walk.filter(Files::isRegularFile)
                    .map(p -> SOURCE.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }

        assertThat(new SampleWorkspace().files())
                .as("workspace.index must be regenerated when a sample file is added, renamed or removed")
                .containsExactlyElementsOf(onDisk);
    }

    @Test
    void indexIsSortedWithoutDuplicates() {
        List<String> files = new SampleWorkspace().files();

        assertThat(files).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void indexIncludesDotFiles() {
        assertThat(new SampleWorkspace().files())
                .contains("fabric/orchestration_pipeline_DBB.DataPipeline/.platform",
                        "fabric/orchestration_pipeline_DBB.DataPipeline/.schedules");
    }
}
