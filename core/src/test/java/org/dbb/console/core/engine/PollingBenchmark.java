package org.dbb.console.core.engine;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.monitoring.MonitoringSink;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

/**
 * How close the engine's polling comes to the fewest requests the service's {@code Retry-After} allows: a fan-out
 * of notebook jobs against the emulator, each queued and running for a known time while the emulator asks for a
 * poll every second. The fewest requests per job are the submission plus one status check per {@code Retry-After}
 * until the job has ended; the measured figure counts every submission and status check the emulator received.
 * Prints the ratio (target at most 1.2). Not a test; run it with the command in the README.
 */
public final class PollingBenchmark {

    private static final int JOBS = 20;
    /** Scenario seconds: the emulator says {@code Retry-After: 1} (5 × 0.2) and a job ends 4 s after submission. */
    private static final String SCENARIO = """
            version: 1
            timeScale: 0.2
            defaults: {queueSeconds: 5, jobSeconds: 15, pollSeconds: 5}
            """;
    private static final double JOB_SECONDS = (5 + 15) * 0.2;
    private static final double RETRY_AFTER_SECONDS = 1;

    private PollingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        AtomicLong rows = new AtomicLong();
        MonitoringSink sink = row -> row.withId(rows.incrementAndGet());
        var dir = Files.createTempDirectory("polling-benchmark");
        var file = dir.resolve("scenario.yml");
        Files.writeString(file, SCENARIO);
        try (EmulatorFixture fixture = EmulatorFixture.builder(EmulatorFixture.sample(dir))
                .scenario(new ScenarioReader(FabricEmulator.routeKeys()).read(file))
                .start()) {
            RunEngine engine = new RunEngine(fixture.fabric(),
                    new RefreshConductor(fixture.powerBi(), scheduler, Clock.systemUTC()), scheduler,
                    Clock.systemUTC(), sink, new InMemoryRunJournal(), () -> "polling-bench");
            String notebookId = fixture.sandbox().itemId("Notebook", "nb_silver_conform").toString();
            ItemRef notebook = new ItemRef("Notebook", "nb_silver_conform", fixture.sandboxId(), notebookId);
            RunPlan plan = Plans.in(fixture.sandboxId()).stage("Poll", Plans.step("Jobs", new StepAction.FanOut(
                    TestExpression.literal(labels()), JOBS, List.of(
                            Plans.step("Run notebook", Plans.notebook(notebook, Map.of())).build()))).build())
                    .build();
            EmulatorStats before = fixture.stats();
            RunOutcome outcome = engine.start(plan, RunListener.none()).completion().get(2, TimeUnit.MINUTES);
            EmulatorStats after = fixture.stats();

            long submits = delta(before, after, "POST /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances")
                    + delta(before, after, "POST /v1/workspaces/{workspaceId}/items/{itemId}/jobs/{jobType}/instances");
            long checks = delta(before, after,
                    "GET /v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances/{jobInstanceId}");
            double perJob = (submits + checks) / (double) JOBS;
            double fewest = 1 + Math.ceil(JOB_SECONDS / RETRY_AFTER_SECONDS);
            System.out.printf("run %s: %d jobs, %d submissions, %d status checks%n", outcome.state(), JOBS, submits,
                    checks);
            System.out.printf("requests per job %.2f; fewest the Retry-After values allow %.0f; ratio %.3f"
                    + " (target <= 1.2)%n", perJob, fewest, perJob / fewest);
            after.requestsPerRoute().forEach((route, n) -> {
                long d = n - before.requests(route);
                if (d > 0) {
                    System.out.printf("  %5d  %s%n", d, route);
                }
            });
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static long delta(EmulatorStats before, EmulatorStats after, String route) {
        return after.requests(route) - before.requests(route);
    }

    private static List<String> labels() {
        return java.util.stream.IntStream.range(0, JOBS).mapToObj(i -> "job-" + i).toList();
    }
}
