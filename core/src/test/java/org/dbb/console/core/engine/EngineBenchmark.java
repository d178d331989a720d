package org.dbb.console.core.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.monitoring.MonitoringSink;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

/**
 * How much the engine itself costs per step: a fan-out of 5,000 items, each one {@code Pause(0)} step (so no HTTP
 * and no waiting is measured), run once to warm up and then measured. Prints the process CPU time per item (target
 * under 1 ms) and the heap after GC with the finished run still referenced (target under 256 MB). Not a test;
 * run it with the command in the README.
 */
public final class EngineBenchmark {

    private static final int ITEMS = 5_000;
    private static final int BATCH = 50;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : ITEMS;
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        AtomicLong rows = new AtomicLong();
        MonitoringSink sink = row -> row.withId(rows.incrementAndGet());
        AtomicInteger ids = new AtomicInteger();
        try (EmulatorFixture fixture = EmulatorFixture.builder(EmulatorFixture.sample(
                Files.createTempDirectory("engine-benchmark"))).scenario(Scenario.neutral().withTimeScale(0.001))
                .start()) {
            RunEngine engine = new RunEngine(fixture.fabric(),
                    new RefreshConductor(fixture.powerBi(), scheduler, Clock.systemUTC()), scheduler, Clock.systemUTC(),
                    sink, new InMemoryRunJournal(), () -> "bench-" + ids.incrementAndGet());
            RunPlan plan = Plans.in(fixture.sandboxId()).stage("Fan", Plans.step("Items", new StepAction.FanOut(
                    TestExpression.literal(labels(items)), BATCH, List.of(
                            Plans.step("Wait", Plans.pause(Duration.ZERO)).build()))).build()).build();

            measure(engine, plan, items, "warm-up");
            Measured run = measure(engine, plan, items, "measured");

            System.gc();
            Thread.sleep(200);
            System.gc();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long heap = memory.getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "heap after GC with the run retained (%d steps in its snapshot): %.1f MB"
                    + " (target < 256 MB)%n", run.handle.snapshot().steps().size(), heap / 1048576.0);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Measured measure(RunEngine engine, RunPlan plan, int items, String label) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong events = new AtomicLong();
        long cpuBefore = os.getProcessCpuTime();
        long threadCpuBefore = allThreadsCpu(threads);
        long wallBefore = System.nanoTime();
        RunHandle handle = engine.start(plan, event -> events.incrementAndGet());
        RunOutcome outcome = handle.completion().get(5, TimeUnit.MINUTES);
        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long threadCpu = allThreadsCpu(threads) - threadCpuBefore;
        System.out.printf(Locale.ROOT, "%s: %d items (%s) in %.0f ms wall; process CPU %.0f ms = %.3f ms per item"
                        + " (target < 1 ms); live threads' CPU %.3f ms per item; %d events%n", label, items,
                outcome.state(), wall / 1e6, cpu / 1e6, cpu / 1e6 / items, threadCpu / 1e6 / items, events.get());
        return new Measured(handle);
    }

    private static long allThreadsCpu(ThreadMXBean threads) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu > 0) {
                total += cpu;
            }
        }
        return total;
    }

    private static List<String> labels(int items) {
        List<String> labels = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            labels.add("table_" + i);
        }
        return labels;
    }

    private record Measured(RunHandle handle) {
    }
}
