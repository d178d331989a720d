package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.sample.SampleWorkspace;

class AuditCommandTest {

    @TempDir
    Path temp;

    private Path workspace;
    private ConsoleServices services;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void sample() {
        workspace = temp.resolve("dbb");
        new SampleWorkspace().exportTo(workspace);
        services = new ConsoleServices(new DataDirectories(temp.resolve("data")));
    }

    @AfterEach
    void close() {
        services.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void aRetryPolicyEditAndARunAreInTheReleaseNoteWithTheirChangeAndReason() {
        assertThat(run("retry", "set", "-w", workspace.toString(), "--pipeline", "orchestration_pipeline_DBB",
                "--activity", "Run transformation pipeline", "--retry", "4", "--reason", "dbt deadlocks")).isZero();
        assertThat(run("run", "-w", workspace.toString(), "--scenario", scenario(), "--reason", "catch-up load"))
                .as(out.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(run("audit", "export")).isZero();
        String note = out.toString(StandardCharsets.UTF_8);
        assertThat(note).startsWith("## Manual interventions\n")
                .contains("Changed a retry policy: orchestration_pipeline_DBB / Run transformation pipeline")
                .contains("2 retries · up to 3 attempts, 120 s apart, timeout 0.12:00:00 → 4 retries · up to 5"
                        + " attempts, 120 s apart, timeout 0.12:00:00")
                .contains("dbt deadlocks")
                .contains("| sandbox |").contains("Launched a run").contains("catch-up load");

        assertThat(run("audit", "export", "--format", "csv", "--env", "sandbox")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("at,environment,actor,action,")
                .contains(",LAUNCH,").doesNotContain("RETRY_POLICY_EDIT");
    }

    @Test
    void aDryRunIsNotAnIntervention() {
        assertThat(run("run", "-w", workspace.toString(), "--dry-run")).isZero();
        assertThat(run("audit", "export")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("None.");
    }

    @Test
    void aSinceThatIsNotADateIsABadUsage() {
        assertThat(run("audit", "export", "--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--since takes a day");
    }

    private String scenario() {
        Path file = temp.resolve("fast.yml");
        try {
            java.nio.file.Files.writeString(file, RunCommandTest.HEALTHY);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file.toString();
    }
}
