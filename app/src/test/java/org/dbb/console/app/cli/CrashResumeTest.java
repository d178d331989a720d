package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.Main;
import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.journal.RunQuery;
import org.dbb.console.core.journal.RunSummary;
import org.dbb.console.core.monitoring.MonitoringQuery;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.sample.SampleWorkspace;

/**
 * Kills a real {@code dbb run} process with SIGKILL at many points of a sandbox run and resumes each with
 * {@code dbb runs resume}: every run ends, the emulator started exactly the jobs and refreshes an uninterrupted run
 * starts, and the monitoring rows are exactly an uninterrupted run's (no row lost, none twice; overruns aside, which
 * depend on how long the console was down).
 *
 * <p>The kill points are deterministic: the run's child process is killed as soon as the N-th monitoring row of its
 * run is stored, for N spread evenly over every row an uninterrupted run stores. The parent opens the embedded
 * database first, so the child shares it through H2's AUTO_SERVER and a kill never leaves the file half-written.
 * Each kill starts a JVM, so the test takes minutes: it is tagged {@code crash} and left out of {@code mvn verify};
 * run it with {@code mvn -o -pl app test -Dtest=CrashResumeTest -Dgroups=crash -DexcludedGroups=none}
 * ({@code -Ddbb.crash.points=N} for more or fewer kill points; 24 by default).
 */
@Tag("crash")
@Timeout(3600)
class CrashResumeTest {

    /** A fast sandbox run with a retried failure and threshold breaches; no busy model, so every refresh
     *  request starts a refresh and the request count is the refresh count. */
    static final String SCENARIO = """
            version: 1
            timeScale: 0.004
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
              nb_monitor_threshold_breaches:
                exitValue:
                  breaches:
                    - {table: fct_sales, metric: row_count_drop_pct, value: 31.4, threshold: 25.0}
            """;
    private static final String REFRESH_ROUTE = "POST /v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes";
    private static final Duration CHILD_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path temp;

    private Path workspace;
    private Path home;
    private Scenario scenario;
    private ConsoleServices services;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);

    @BeforeEach
    void sandbox() throws IOException {
        workspace = temp.resolve("ws");
        new SampleWorkspace().exportTo(workspace);
        home = temp.resolve("home");
        Path file = temp.resolve("crash.yml");
        Files.writeString(file, SCENARIO);
        services = new ConsoleServices(new DataDirectories(home));
        scenario = services.scenarioReader().read(file);
        // opened here first, so this process serves the file and a killed child never holds it
        services.runJournal();
        services.monitoringStore();
    }

    @AfterEach
    void close() {
        services.close();
        handlers.shutdownNow();
        timers.shutdownNow();
    }

    @Test
    void runsKilledAtEveryPointResumeToTheSameJobsAndRowsAsAnUninterruptedRun() throws Exception {
        Baseline baseline;
        try (FabricEmulator emulator = emulator()) {
            Process child = startRun(emulator, "baseline");
            assertThat(child.waitFor(CHILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(child.exitValue()).as(log("baseline")).isZero();
            String runId = newestRun().runId();
            baseline = new Baseline(emulator.stats(), rows(runId));
        }
        assertThat(baseline.rows).as("the uninterrupted run's rows").hasSizeGreaterThan(25);
        assertThat(baseline.stats.jobsStarted("sandbox", "transformation_pipeline_DBB")).isEqualTo(2);

        int wanted = Integer.getInteger("dbb.crash.points", 24);
        int total = baseline.rows.size();
        List<Integer> points = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            int n = 1 + (int) Math.round((double) i * (total - 2) / Math.max(1, wanted - 1));
            if (!points.contains(n)) {
                points.add(n);
            }
        }
        List<String> interrupted = new ArrayList<>();
        for (int n : points) {
            try (FabricEmulator emulator = emulator()) {
                long before = services.monitoringStore().lastId();
                Process child = startRun(emulator, "kill-" + n);
                boolean killed = killAfterRows(child, before, n);
                RunSummary run = newestRun();
                if (!killed || !run.interrupted()) {
                    // the run finished before the kill landed: nothing to resume at this point
                    continue;
                }
                interrupted.add(run.runId() + " after row " + n);

                int exit = resume(run.runId(), emulator);

                RunRecord record = services.runJournal().find(run.runId()).orElseThrow();
                assertThat(record.endedAt()).as("run killed after row %d ends", n).isPresent();
                assertThat(record.state()).as("run killed after row %d", n).isEqualTo(RunState.SUCCEEDED);
                assertThat(exit).isZero();
                EmulatorStats stats = emulator.stats();
                assertThat(stats.jobsStartedPerItem()).as("jobs started, killed after row %d", n)
                        .isEqualTo(baseline.stats.jobsStartedPerItem());
                assertThat(stats.requests(REFRESH_ROUTE)).as("refreshes requested, killed after row %d", n)
                        .isEqualTo(baseline.stats.requests(REFRESH_ROUTE));
                assertThat(rows(run.runId())).as("monitoring rows, killed after row %d", n)
                        .isEqualTo(baseline.rows);
                assertThat(overruns(run.runId())).as("overrun rows per model, killed after row %d", n)
                        .allSatisfy((model, count) -> assertThat(count).isEqualTo(1));
            }
        }
        assertThat(interrupted).as("runs killed in the middle").hasSizeGreaterThanOrEqualTo(Math.min(20, wanted));
    }

    private FabricEmulator emulator() {
        FabricEmulator emulator = FabricEmulator.builder(services.workspaceLoader().open(workspace))
                .scenario(scenario).handlerExecutor(handlers).scheduler(timers).build();
        emulator.start();
        return emulator;
    }

    private Process startRun(FabricEmulator emulator, String name) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", Main.class.getName(), "run", "-w", workspace.toString(), "--emulator",
                emulator.baseUrl());
        builder.environment().put("DBB_CONSOLE_HOME", home.toString());
        builder.environment().remove(ConsoleServices.DATABASE_VARIABLE);
        builder.redirectOutput(temp.resolve(name + ".out").toFile());
        builder.redirectError(temp.resolve(name + ".err").toFile());
        return builder.start();
    }

    /** Kills {@code child} once {@code n} rows are stored after {@code before}; false when it ended first. */
    private boolean killAfterRows(Process child, long before, int n) throws InterruptedException {
        long deadline = System.nanoTime() + CHILD_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (services.monitoringStore().lastId() - before >= n) {
                child.destroyForcibly();
                child.waitFor();
                return true;
            }
            if (!child.isAlive()) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        child.destroyForcibly();
        throw new AssertionError("the run process stored fewer than " + n + " rows in " + CHILD_LIMIT);
    }

    private int resume(String runId, FabricEmulator emulator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("runs", "resume", runId, "-w",
                workspace.toString(), "--emulator", emulator.baseUrl());
        assertThat(exit).as("resume of %s: %s%s", runId, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)).isZero();
        return exit;
    }

    private RunSummary newestRun() {
        return services.runJournal().list(RunQuery.newest(1)).get(0);
    }

    /** The run's rows as (stage, activity, item, attempt, status) with how often each occurs; overruns aside. */
    private Map<String, Long> rows(String runId) {
        List<MonitoringRow> rows = services.monitoringStore().latest(MonitoringQuery.ALL.withRunId(runId), 10_000);
        return rows.stream().filter(r -> r.status() != MonitoringStatus.OVERRUN)
                .collect(Collectors.groupingBy(r -> r.stage() + " | " + r.activity() + " | " + r.item().orElse("")
                        + " | " + r.attempt() + " | " + r.status().wireName(), TreeMap::new, Collectors.counting()));
    }

    private Map<String, Long> overruns(String runId) {
        return services.monitoringStore().latest(MonitoringQuery.ALL.withRunId(runId)
                        .withStatus(MonitoringStatus.OVERRUN), 10_000).stream()
                .collect(Collectors.groupingBy(r -> r.item().orElse(""), Collectors.counting()));
    }

    private String log(String name) {
        try {
            return Files.readString(temp.resolve(name + ".out")) + Files.readString(temp.resolve(name + ".err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private record Baseline(EmulatorStats stats, Map<String, Long> rows) {
    }
}
