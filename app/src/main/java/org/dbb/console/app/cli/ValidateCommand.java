package org.dbb.console.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.workspace.validate.WorkspaceReport;

/** {@code dbb validate}: checks a whole workspace repository. One per invocation. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a workspace repository: dbb-console.yml, every .platform, every pipeline, the stage"
                + " grouping, same-workspace references and parameter.yml (fabric-cicd 1.3.0 rules).",
                "Prints path:line:col: error|warning: message. Exit 0 clean (warnings allowed), 1 errors found,"
                        + " 2 bad usage."})
public final class ValidateCommand implements Callable<Integer> {

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--env", paramLabel = "ENV",
            description = "Also apply fabric-cicd's rules for deploying to this environment.")
    String env;

    public ValidateCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Path root = workspace.resolve(services);
        if (env != null) {
            java.util.Set<String> known = services.workspaceLoader().open(root).settings().environments().keySet();
            if (!known.contains(env)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown environment '" + env
                        + "'; environments of " + root + ": " + String.join(", ", known));
            }
        }
        WorkspaceReport report = services.workspaceValidator().validate(root, Optional.ofNullable(env));
        return ProblemPrinter.print(spec.commandLine().getOut(), report.problems(), "workspace " + root);
    }
}
