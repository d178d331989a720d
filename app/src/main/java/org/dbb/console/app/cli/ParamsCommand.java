package org.dbb.console.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dbb params}: the fabric-cicd parameter file. One per invocation. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = "The fabric-cicd parameter file (parameter.yml): check, preview, change.",
        subcommands = {ParamsCheckCommand.class, ParamsPreviewCommand.class, ParamsSetCommand.class})
public final class ParamsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
