package org.dbb.console.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dbb env}: an environment's settings and variables. One per invocation. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "An environment of dbb-console.yml: its settings, variables and $ENV: references.",
        subcommands = {EnvShowCommand.class})
public final class EnvCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
