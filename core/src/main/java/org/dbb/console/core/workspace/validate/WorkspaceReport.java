package org.dbb.console.core.workspace.validate;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.dbb.console.core.problem.Problem;

/**
 * Everything found wrong with a workspace repository, errors first, each positioned in its file. Immutable.
 *
 * @param root     the repository root
 * @param problems the problems, sorted by file, line and column
 */
public record WorkspaceReport(Path root, List<Problem> problems) {

    private static final Comparator<Problem> ORDER = Comparator.comparing((Problem p) -> p.file().toString())
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column);

    public WorkspaceReport {
        problems = problems.stream().distinct().sorted(ORDER).toList();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
