package org.dbb.console.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.dbb.console.app.ConsoleLauncher;
import org.dbb.console.app.ConsoleServices;

/** {@code dbb open [DIR]}: opens the console window on a workspace. Not thread-safe (one per invocation). */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the console window on a workspace repository (default: the sample workspace).")
public final class OpenCommand implements Runnable {

    private final ConsoleServices services;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The workspace repository: the folder holding dbb-console.yml and fabric/.")
    Path dir;

    @Option(names = "--emulator", paramLabel = "URL",
            description = "Sandbox only: use the emulator already running at URL (see `dbb emulator`) instead of"
                    + " starting one in-process; it outlives the window, so a run interrupted by closing the"
                    + " console can be resumed against the same jobs.")
    URI emulatorUrl;

    public OpenCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        ConsoleLauncher.launch(services, Optional.ofNullable(dir), Optional.ofNullable(emulatorUrl));
    }
}
