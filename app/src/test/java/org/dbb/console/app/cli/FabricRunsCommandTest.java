package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.history.RunOrigin;

/**
 * {@code dbb runs list/show} and {@code dbb run --rerun} on runs Fabric started: an emulator serving the sample
 * workspace (as `dbb emulator` would) whose schedule starts a master-pipeline run that fails in Transformation on all
 * three attempts and reports no child run ids, so children are matched by time window.
 */
@Timeout(120)
class FabricRunsCommandTest {

    /** A scheduled run failing in Transformation; Fabric gives no child run ids. */
    static final String SCHEDULED_FAILURE = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            omitChildRunIds: true
            schedule:
              - pipeline: orchestration_pipeline_DBB
                startAfterSeconds: 0
                parameters: {environment: TEST, full_refresh: true}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
            """;
    private static final Pattern SCHEDULED_LINE = Pattern.compile(
            "(?m)^([0-9a-f-]{36})\\s+fabric\\s+sandbox\\s+(\\S+)\\s+.*Fabric schedule");

    @TempDir
    Path temp;

    private SampleWorkspaceCli cli;
    private String workspace;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private FabricEmulator emulator;

    @BeforeEach
    void start() {
        cli = new SampleWorkspaceCli(temp);
        workspace = cli.workspace().toString();
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
        cli.close();
        handlers.shutdownNow();
        timers.shutdownNow();
    }

    @Test
    void theInProcessSandboxListsTheScheduledRunOfItsScenarioAsStartedByTheFabricSchedule() {
        int exit = cli.run("runs", "list", "--env", "sandbox", "--source", "fabric", "-w", workspace,
                "--scenario", cli.scenario("scheduled.yml", SCHEDULED_FAILURE));

        assertThat(exit).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("Fabric runs of orchestration_pipeline_DBB in workspace 'DBB Sandbox'")
                .containsPattern(SCHEDULED_LINE).doesNotContain("console ");
    }

    @Test
    void aScheduledRunIsListedShownStageByStageAndItsFailedStageReRunsLinkedToItEverywhere() {
        String url = startEmulator();
        String id = awaitScheduledRunEnded(url);

        assertThat(cli.run("runs", "show", id, "--env", "sandbox", "-w", workspace, "--emulator", url))
                .as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("Fabric run " + id + " · sandbox · Failed · started by Fabric schedule"
                        + " (invokeType Scheduled)")
                .contains("failure  JobInstanceStatusFailed")
                .contains("Stage 1 · Initialisation — SUCCEEDED", "Stage 2 · Integration — SUCCEEDED",
                        "Stage 3 · Transformation — FAILED", "Stage 4 · Monitoring — SKIPPED",
                        "Stage 6 · Semantic refresh — SKIPPED")
                .contains("Run transformation pipeline  InvokePipeline  Failed  3 runs")
                .contains("error ChildPipelineFailed")
                .contains("Build gold with dbt").contains("error DbtRunFailed: dbt run failed")
                .contains("≈ matched by time window").contains("were matched by time window")
                .contains("not run: Monitor load completeness, Monitor threshold breaches")
                .contains("environment = \"TEST\"   (from the run)")
                .contains("run_maintenance = false   (pipeline default")
                .contains("dbb run --env sandbox --rerun " + id + " --stage Transformation");
        EmulatorStats before = emulator.stats();

        int rerun = cli.run("run", "-w", workspace, "--env", "sandbox", "--emulator", url, "--rerun", id,
                "--stage", "Transformation", "--reason", "dbt deadlock cleared");

        assertThat(rerun).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("Fabric run " + id + " · Failed · started by Fabric schedule")
                .contains("environment = \"TEST\"   (from the Fabric run)")
                .contains("full_refresh = true   (from the Fabric run)")
                .contains("run_maintenance = false   (default for sandbox")
                .contains("re-running stage Transformation of Fabric run " + id)
                .containsPattern("Run \\S+ SUCCEEDED in");
        Matcher started = Pattern.compile("Run (\\S+) in sandbox").matcher(cli.out());
        assertThat(started.find()).isTrue();
        String rerunId = started.group(1);
        EmulatorStats after = emulator.stats();
        assertThat(after.jobsStarted("sandbox", "integration_pipeline_DBB"))
                .as("the Integration stage is reused, not run again")
                .isEqualTo(before.jobsStarted("sandbox", "integration_pipeline_DBB"));
        assertThat(after.jobsStarted("sandbox", "orchestration_pipeline_DBB"))
                .isEqualTo(before.jobsStarted("sandbox", "orchestration_pipeline_DBB"));
        assertThat(after.jobsStarted("sandbox", "transformation_pipeline_DBB"))
                .isEqualTo(before.jobsStarted("sandbox", "transformation_pipeline_DBB") + 1);
        assertThat(after.jobsStarted("sandbox", "nb_monitor_load_completeness"))
                .as("later stages are not part of a stage-only re-run")
                .isEqualTo(before.jobsStarted("sandbox", "nb_monitor_load_completeness"));

        RunRecord record = cli.services().runJournal().find(rerunId).orElseThrow();
        assertThat(record.rerunOf()).contains(id);
        assertThat(record.request().rerun().orElseThrow().originalOrigin()).isEqualTo(RunOrigin.FABRIC);
        assertThat(cli.services().auditTrail().entries(Optional.empty(), Optional.of("sandbox")))
                .filteredOn(e -> e.action() == AuditAction.RERUN).singleElement().satisfies(e -> {
                    assertThat(e.subject()).contains("Fabric run " + id).contains("stage Transformation");
                    assertThat(e.runId()).contains(rerunId);
                });

        assertThat(cli.run("runs", "list", "--env", "sandbox", "-w", workspace, "--emulator", url)).isZero();
        assertThat(cli.out()).containsPattern("(?m)^" + Pattern.quote(rerunId) + "\\s+console\\s+sandbox\\s+"
                        + "SUCCEEDED.*re-run of Fabric run " + id)
                .containsPattern("(?m)^" + id + "\\s+fabric\\s+sandbox\\s+FAILED.*re-run by " + rerunId);
        assertThat(cli.run("runs", "show", id, "--env", "sandbox", "-w", workspace, "--emulator", url)).isZero();
        assertThat(cli.out()).contains("re-run by console run " + rerunId + " (SUCCEEDED)");
        assertThat(cli.run("runs", "show", rerunId)).isZero();
        assertThat(cli.out()).contains("re-run of Fabric run " + id + " (STAGE_ONLY Transformation)");
    }

    @Test
    void anUnknownFabricJobIdIsNamedWithWhatToDoAndExitsTwo() {
        String url = startEmulator();
        String unknown = "6f0c2b1e-0000-4000-8000-000000000001";

        int shown = cli.run("runs", "show", unknown, "--env", "sandbox", "-w", workspace, "--emulator", url);
        assertThat(shown).isEqualTo(2);
        assertThat(cli.err()).contains("run " + unknown + " is not in the run journal, and Fabric has no run "
                + unknown + " of orchestration_pipeline_DBB").contains("dbb runs list --env sandbox --source fabric");

        int rerun = cli.run("run", "-w", workspace, "--env", "sandbox", "--emulator", url, "--rerun", unknown,
                "--stage", "Transformation");
        assertThat(rerun).isEqualTo(2);
        assertThat(cli.err()).contains("Fabric has no run " + unknown);

        int onlyFailed = cli.run("run", "-w", workspace, "--env", "sandbox", "--emulator", url, "--rerun", unknown,
                "--only-failed");
        assertThat(onlyFailed).isEqualTo(2);
        assertThat(cli.err()).contains("not offered for a Fabric run");

        assertThat(cli.run("runs", "show", unknown)).isEqualTo(2);
        assertThat(cli.err()).contains("for a run Fabric started, pass --env ENV");
        assertThat(cli.services().runJournal().list(org.dbb.console.core.journal.RunQuery.newest(5))).isEmpty();
    }

    private String startEmulator() {
        var repository = cli.services().workspaceLoader().open(cli.workspace());
        emulator = FabricEmulator.builder(repository)
                .scenario(cli.services().scenarioReader().parse(Path.of(cli.scenario("scheduled.yml",
                        SCHEDULED_FAILURE)), SCHEDULED_FAILURE))
                .handlerExecutor(handlers).scheduler(timers).build();
        emulator.start();
        return emulator.baseUrl();
    }

    /** Lists the Fabric runs until the scheduled one has ended; returns its id. */
    private String awaitScheduledRunEnded(String url) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            assertThat(cli.run("runs", "list", "--env", "sandbox", "--source", "fabric", "-w", workspace,
                    "--emulator", url)).as(cli.out() + cli.err()).isZero();
            Matcher line = SCHEDULED_LINE.matcher(cli.out());
            if (line.find() && line.group(2).equals("FAILED")) {
                return line.group(1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the scheduled run did not fail within 60 s:\n" + cli.out());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
