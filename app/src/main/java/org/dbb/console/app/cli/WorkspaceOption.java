package org.dbb.console.app.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.dbb.console.app.ConsoleServices;

/** The {@code --workspace DIR} option shared by commands; without it the sample workspace is used. */
public final class WorkspaceOption {

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = "The workspace repository (holding dbb-console.yml and fabric/). Default: the working"
                    + " copy of the built-in sample workspace.")
    Path workspace;

    /** The workspace folder to use. */
    Path resolve(ConsoleServices services) {
        return workspace != null ? workspace.toAbsolutePath().normalize() : services.defaultWorkspace();
    }
}
