package org.dbb.console.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code dbb} root command: lists the subcommands. Not thread-safe (one per invocation). */
@Command(name = "dbb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "DBB Console: operate the Data BackBone on Microsoft Fabric. Run without arguments to open"
                + " the console window.",
        subcommands = {OpenCommand.class, AuditCommand.class, EmulatorCommand.class, EnvCommand.class, MonitorCommand.class,
                NotifyCommand.class, ParamsCommand.class, RetryCommand.class, RunCommand.class, SampleCommand.class,
                RunsCommand.class, ValidateCommand.class, picocli.CommandLine.HelpCommand.class})
public final class DbbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
