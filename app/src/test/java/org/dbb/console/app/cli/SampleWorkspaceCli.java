package org.dbb.console.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.sample.SampleWorkspace;

/**
 * The {@code dbb} command line over a fresh export of the sample workspace, with its own data folder, capturing
 * what each command prints. Not thread-safe; one per test.
 */
final class SampleWorkspaceCli implements AutoCloseable {

    private final Path temp;
    private final Path workspace;
    private final ConsoleServices services;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    SampleWorkspaceCli(Path temp) {
        this.temp = temp;
        this.workspace = temp.resolve("dbb");
        new SampleWorkspace().exportTo(workspace);
        this.services = new ConsoleServices(new DataDirectories(temp.resolve("data")));
    }

    /** Runs one command line and returns its exit code; {@link #out()} and {@link #err()} hold only its output. */
    int run(String... args) {
        out.reset();
        err.reset();
        return new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path workspace() {
        return workspace;
    }

    ConsoleServices services() {
        return services;
    }

    /** Writes a scenario file beside the workspace and returns its path. */
    String scenario(String name, String yaml) {
        Path file = temp.resolve(name);
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    @Override
    public void close() {
        services.close();
    }
}
