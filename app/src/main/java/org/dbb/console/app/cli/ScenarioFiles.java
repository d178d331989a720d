package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;

/** Reads the scenario a sandbox emulator plays: a file the operator names, or the built-in default. Stateless. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /**
     * The scenario in {@code file} checked against {@code repository}'s items (warnings go to {@code err}), or the
     * default scenario when {@code file} is null.
     *
     * @throws InvalidInputException when the file has errors
     */
    static Scenario read(ConsoleServices services, Workspace repository, Path file, PrintWriter err) {
        if (file == null) {
            return services.scenarioReader().defaultScenario();
        }
        Path absolute = file.toAbsolutePath().normalize();
        String text = TextFile.read(absolute).text();
        List<Problem> problems = services.scenarioReader().check(absolute, text, repository.items());
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(problems);
        }
        problems.forEach(p -> err.println(p.format(Cli.currentDirectory())));
        return services.scenarioReader().parse(absolute, text);
    }
}
