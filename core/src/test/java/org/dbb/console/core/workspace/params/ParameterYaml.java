package org.dbb.console.core.workspace.params;

import java.nio.file.Path;
import java.util.Optional;

import org.dbb.console.core.problem.Problem;

/** Test helper: validates inline YAML as if it were {@code <dir>/parameter.yml}. */
final class ParameterYaml {

    private final Path file;

    ParameterYaml(Path dir) {
        this.file = dir.resolve("parameter.yml");
    }

    static ParameterYaml inMemory() {
        return new ParameterYaml(Path.of("build-test-repo").toAbsolutePath());
    }

    Path file() {
        return file;
    }

    ParameterValidation forEnvironment(String env, String yaml) {
        return new ParameterFileValidator().validate(file, yaml, Optional.of(env), Optional.empty());
    }

    ParameterValidation withoutEnvironment(String yaml) {
        return new ParameterFileValidator().validate(file, yaml, Optional.empty(), Optional.empty());
    }

    static String firstError(ParameterValidation v) {
        return v.firstError().map(Problem::message).orElse("<no error>");
    }
}
