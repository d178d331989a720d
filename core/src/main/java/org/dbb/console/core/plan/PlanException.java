package org.dbb.console.core.plan;

import java.util.List;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * The master pipeline (or the environment it should run in) holds something the console cannot run; carries every
 * problem found, each naming its file, position and JSON path. Nothing has started when this is thrown. Immutable.
 */
public final class PlanException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public PlanException(Problem problem) {
        super(problem);
    }

    public PlanException(List<Problem> problems) {
        super(problems);
    }
}
