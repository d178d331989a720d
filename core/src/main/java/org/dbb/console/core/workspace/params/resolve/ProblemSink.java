package org.dbb.console.core.workspace.params.resolve;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.params.SourcePosition;

/**
 * Collects the problems of one resolver run in the order found, each once (an entry that fails the same way in
 * twenty files is reported once). Confined to one run; not thread-safe.
 */
final class ProblemSink {

    private final Set<Problem> problems = new LinkedHashSet<>();
    private final Path parameterFile;

    ProblemSink(Path parameterFile) {
        this.parameterFile = parameterFile;
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    /** A problem positioned at a {@code parameter.yml} entry. */
    void atEntry(SourcePosition position, Severity severity, String message) {
        Path file = position != null && position.file() != null ? position.file() : parameterFile;
        int line = position != null ? Math.max(0, position.line()) : 0;
        int column = position != null ? Math.max(0, position.column()) : 0;
        problems.add(new Problem(file, line, column, severity, message, Optional.empty()));
    }

    void atFile(Path file, Severity severity, String message) {
        problems.add(new Problem(file, 0, 0, severity, message, Optional.empty()));
    }

    List<Problem> list() {
        return List.copyOf(problems);
    }
}
