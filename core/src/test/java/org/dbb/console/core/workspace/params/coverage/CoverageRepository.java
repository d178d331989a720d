package org.dbb.console.core.workspace.params.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.ParameterValidation;

/** Writes a workspace repository into a folder and reads its parameter file as the console does. */
final class CoverageRepository {

    final Path root;

    CoverageRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    CoverageRepository item(String folder, String type, String displayName, String logicalId) {
        return file(folder + "/.platform", """
                {
                  "$schema": "https://developer.microsoft.com/json-schemas/fabric/gitIntegration/platformProperties/2.0.0/schema.json",
                  "metadata": {
                    "type": "%s",
                    "displayName": "%s"
                  },
                  "config": {
                    "version": "2.0",
                    "logicalId": "%s"
                  }
                }
                """.formatted(type, displayName, logicalId));
    }

    CoverageRepository file(String relative, String content) {
        Path path = root.resolve(relative);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ItemScan scan() {
        return scanOf(root);
    }

    static ItemScan scanOf(Path root) {
        return new ItemDiscovery(new JsonDocuments()).scan(root);
    }

    /** The parameter text as fabric-cicd 1.3.0 validates it for {@code environment}; fails the test when refused. */
    static ParameterFile parameters(Path root, String yaml, String environment, ItemScan scan) {
        ParameterValidation validation = new ParameterFileValidator().validate(root.resolve("parameter.yml"), yaml,
                Optional.of(environment), Optional.of(scan));
        return validation.file().orElseThrow(() -> new AssertionError("refused: " + validation.errors()));
    }
}
