package org.dbb.console.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dbb runs}: the run history kept in the journal. Holds only its subcommands. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "The runs the console started (its run journal) and the runs Fabric started of the master"
                + " pipeline: list them, show one, resume one the console stopped in the middle of.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsResumeCommand.class})
public final class RunsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
