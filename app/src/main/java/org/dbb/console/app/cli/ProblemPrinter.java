package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.dbb.console.core.problem.Problem;

/** Prints problems in the stable {@code path:line:col: severity: message} form and a summary line. Stateless. */
final class ProblemPrinter {

    private ProblemPrinter() {
    }

    /** Prints every problem and a summary; returns the exit code (1 when any is an error, else 0). */
    static int print(PrintWriter out, List<Problem> problems, String what) {
        Path here = Cli.currentDirectory();
        problems.forEach(p -> out.println(p.format(here)));
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        out.println(what + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + (errors == 0 ? " — OK" : ""));
        return errors == 0 ? 0 : CommandLineRunner.ERRORS_FOUND;
    }
}
