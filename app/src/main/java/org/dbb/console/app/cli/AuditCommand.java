package org.dbb.console.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dbb audit}: the trail of operator interventions. Holds only its subcommands. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit trail of operator interventions (launches, cancels, re-runs, retry policy and"
                + " parameter edits).",
        subcommands = {AuditExportCommand.class})
public final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
