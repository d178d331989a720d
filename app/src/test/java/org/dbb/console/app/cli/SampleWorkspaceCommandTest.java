package org.dbb.console.app.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;

/**
 * The set-up shared by command tests that run {@code dbb} over a fresh export of the sample workspace: one
 * {@link SampleWorkspaceCli} per test, closed after it. Not thread-safe; JUnit makes one instance per test.
 */
abstract class SampleWorkspaceCommandTest {

    @TempDir
    Path temp;

    SampleWorkspaceCli cli;
    Path workspace;
    ConsoleServices services;

    @BeforeEach
    void openSample() {
        cli = new SampleWorkspaceCli(temp);
        workspace = cli.workspace();
        services = cli.services();
    }

    @AfterEach
    void closeSample() {
        cli.close();
    }

    int run(String... args) {
        return cli.run(args);
    }

    String out() {
        return cli.out();
    }

    String err() {
        return cli.err();
    }
}
