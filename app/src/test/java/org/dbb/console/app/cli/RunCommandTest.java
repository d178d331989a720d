package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code dbb run} end to end on the sample workspace: the real engine, the real clients and the sandbox emulator
 * in-process, playing fast scenarios so a whole run takes a few seconds.
 */
@Timeout(120)
class RunCommandTest extends SampleWorkspaceCommandTest {

    /** Everything succeeds; one model is busy when the run starts. */
    static final String HEALTHY = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            models:
              Sales: {busy: {startAfterSeconds: 0, seconds: 100}}
            """;

    /** Transformation fails on every one of its three attempts. */
    static final String BROKEN_TRANSFORMATION = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
            """;

    private Path scenario(String name, String yaml) {
        return Path.of(cli.scenario(name, yaml));
    }

    @Test
    void aDryRunPrintsThePlanAndStartsNothing() {
        int exit = run("run", "-w", workspace.toString(), "--dry-run", "--concurrency", "3", "--models",
                "Sales,HR");
        assertThat(exit).isZero();
        assertThat(out()).contains("Stage 1 · Initialisation", "Stage 6 · Semantic refresh",
                "Run transformation pipeline", "2 retries · up to 3 attempts");
        assertThat(services.runJournal().list(org.dbb.console.core.journal.RunQuery.newest(5))).isEmpty();
    }

    @Test
    void aHealthyRunSucceedsInEveryStageAndExitsZero() throws IOException {
        int exit = run("run", "-w", workspace.toString(), "--scenario", scenario("healthy.yml", HEALTHY).toString());
        assertThat(exit).as(out() + err()).isZero();
        assertThat(out()).contains("Semantic refresh   SUCCEEDED")
                .containsPattern("Run \\S+ SUCCEEDED in");
        assertThat(out()).contains("waiting: ").contains("Sales");
    }

    @Test
    void aStageFailingOnEveryAttemptExitsOneAndItsReRunWithAHealedScenarioSucceedsLinkedToIt() throws IOException {
        int failed = run("run", "-w", workspace.toString(), "--scenario",
                scenario("broken.yml", BROKEN_TRANSFORMATION).toString());
        assertThat(failed).as(out() + err()).isEqualTo(1);
        assertThat(out()).contains("attempt 3 of 3 FAILED").contains("Re-run the failed stage");
        Matcher id = Pattern.compile("Run (\\S+) FAILED in").matcher(out());
        assertThat(id.find()).isTrue();
        String original = id.group(1);

        int rerun = run("run", "-w", workspace.toString(), "--scenario", scenario("healed.yml", HEALTHY).toString(),
                "--rerun", original, "--stage", "Transformation");
        assertThat(rerun).as(out() + err()).isZero();
        assertThat(out()).contains("re-running stage Transformation of run " + original)
                .contains("(re-run of " + original + ")");
        assertThat(services.runJournal().find(original).orElseThrow().state().name()).isEqualTo("FAILED");
    }

    @Test
    void anUnknownParameterIsAPlanErrorWithExitTwoAndNothingStarts() {
        int exit = run("run", "-w", workspace.toString(), "--param", "no_such_parameter=1");
        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("no_such_parameter").contains("nothing was started");
    }

    @Test
    void aProtectedEnvironmentNeedsYesWhenThereIsNoTerminalToTypeItsName() throws IOException {
        Path settings = workspace.resolve("dbb-console.yml");
        Files.writeString(settings, Files.readString(settings).replace("    emulator: true",
                "    emulator: true\n    protected: true"));
        int exit = run("run", "-w", workspace.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("sandbox is a protected environment; pass --yes");
    }

    @Test
    void aReRunOfARunTheJournalDoesNotHoldSaysSo() {
        int exit = run("run", "-w", workspace.toString(), "--rerun", "no-such-run", "--stage", "Transformation");
        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("run no-such-run is not in the run journal");
    }
}
