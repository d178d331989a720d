package org.dbb.console.app.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;

/** {@code dbb sample}: the built-in sample DBB workspace. Not thread-safe (one per invocation). */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "The built-in sample DBB workspace repository.",
        subcommands = SampleCommand.Export.class)
public final class SampleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code dbb sample export DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the sample workspace (dbb-console.yml and fabric/) into DIR, which must be empty"
                    + " or absent.")
    public static final class Export implements Runnable {

        private final ConsoleServices services;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder to create; must be empty or absent.")
        Path dir;

        public Export(ConsoleServices services) {
            this.services = services;
        }

        @Override
        public void run() {
            services.sample().exportTo(dir);
            spec.commandLine().getOut().println("Sample workspace written to " + dir.toAbsolutePath().normalize()
                    + " (" + services.sample().files().size() + " files).");
        }
    }
}
