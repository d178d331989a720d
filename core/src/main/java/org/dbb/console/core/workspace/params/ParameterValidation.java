package org.dbb.console.core.workspace.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.problem.Problem;

/**
 * The outcome of validating one {@code parameter.yml}: every problem found (errors first in fabric-cicd's order,
 * warnings beside them) and, when there is no error, the parsed file. Immutable and thread-safe.
 *
 * @param problems errors and warnings, in the order fabric-cicd would meet them
 * @param file     the parsed file with templates merged; present exactly when there is no error
 */
public record ParameterValidation(List<Problem> problems, Optional<ParameterFile> file) {

    public ParameterValidation {
        problems = List.copyOf(problems);
        Objects.requireNonNull(file, "file");
    }

    /** Whether fabric-cicd 1.3.0 would accept the file (no error-level problem). */
    public boolean valid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    /** The errors, first the one fabric-cicd itself reports. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The warnings. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The error fabric-cicd stops at, if any. */
    public Optional<Problem> firstError() {
        return problems.stream().filter(Problem::isError).findFirst();
    }
}
