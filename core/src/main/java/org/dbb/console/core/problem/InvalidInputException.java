package org.dbb.console.core.problem;

import java.util.List;

/**
 * Thrown when an input file (YAML, JSON, a command-line value) cannot be used; carries the problems that explain
 * why, each naming its file and position. Nothing on disk has changed when this is thrown.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public InvalidInputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).toString());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem is required");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
