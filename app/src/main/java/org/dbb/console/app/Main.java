package org.dbb.console.app;

import java.util.Optional;

import org.dbb.console.app.cli.CommandLineRunner;

/**
 * Entry point of {@code dbb}: no arguments opens the console window on the sample workspace, anything else runs
 * the command line. Deliberately not a JavaFX {@code Application}, so the shaded jar starts without a module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ConsoleLauncher.launch(ConsoleServices::forCurrentUser, Optional.empty(), Optional.empty());
            return;
        }
        ConsoleServices services = ConsoleServices.forCurrentUser();
        int exit;
        try (services) {
            exit = new CommandLineRunner(services, System.out, System.err).run(args);
        }
        System.exit(exit);
    }
}
