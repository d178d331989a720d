package org.dbb.console.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dbb notify}: the operations channel that failures and overruns are posted to. One per invocation. */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "The notification channel of an environment (Teams Workflows webhook or plain JSON webhook).",
        subcommands = {NotifyTestCommand.class})
public final class NotifyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
