package org.dbb.console.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ParameterValidation;

/** {@code dbb params check FILE}: one parameter file against fabric-cicd 1.3.0's rules. One per invocation. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check one parameter.yml with fabric-cicd 1.3.0's rules and messages; problems fabric-cicd"
                + " only finds at publish time are reported as warnings. The items beside the file (its folder is"
                + " taken as the repository directory) are used for the filter and $items checks.",
                "Exit 0 clean (warnings allowed), 1 errors found, 2 bad usage."})
public final class ParamsCheckCommand implements Callable<Integer> {

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The parameter file.")
    Path file;

    @Option(names = "--env", paramLabel = "ENV",
            description = "Target environment (enables fabric-cicd's environment-specific rules).")
    String env;

    public ParamsCheckCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Path abs = file.toAbsolutePath().normalize();
        Path repo = abs.getParent();
        Optional<ItemScan> items = repo != null && Files.isDirectory(repo)
                ? Optional.of(services.itemDiscovery().scan(repo))
                : Optional.empty();
        ParameterValidation validation = services.parameterValidator().validate(abs, Optional.ofNullable(env), items);
        return ProblemPrinter.print(spec.commandLine().getOut(), validation.problems(), file.toString());
    }
}
