package org.dbb.console.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.workspace.Workspace;

/**
 * A {@link RunEngine} over the real clients and the emulator (real HTTP), with a recording monitoring sink and an
 * in-memory journal. Run ids are {@code run-1}, {@code run-2}, … Not thread-safe; one per test.
 */
final class EngineHarness implements AutoCloseable {

    private static Workspace sample;

    final EmulatorFixture fabric;
    final RecordingSink rows = new RecordingSink();
    final InMemoryRunJournal journal = new InMemoryRunJournal();
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final RunEngine engine;
    private final AtomicInteger runs = new AtomicInteger();

    private EngineHarness(Scenario scenario) {
        fabric = EmulatorFixture.builder(sample()).scenario(scenario).start();
        engine = new RunEngine(fabric.fabric(), new RefreshConductor(fabric.powerBi(), scheduler, Clock.systemUTC()),
                scheduler, Clock.systemUTC(), rows, journal,
                () -> "run-" + runs.incrementAndGet());
    }

    /** The emulator playing {@code yaml} (a scenario file's text). */
    static EngineHarness scenario(String yaml) {
        try {
            Path file = Files.createTempFile("scenario", ".yml");
            return new EngineHarness(EmulatorFixture.scenarioFile(file, yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EngineHarness neutral() {
        return new EngineHarness(Scenario.neutral().withTimeScale(0.001));
    }

    private static synchronized Workspace sample() {
        if (sample == null) {
            try {
                sample = EmulatorFixture.sample(Files.createTempDirectory("engine-sample"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sample;
    }

    String workspaceId() {
        return fabric.sandboxId();
    }

    ItemRef item(String type, String name) {
        return new ItemRef(type, name, fabric.sandboxId(), fabric.itemId(type, name));
    }

    ItemRef notebook(String name) {
        return item("Notebook", name);
    }

    Plans plan() {
        return Plans.in(workspaceId());
    }

    /** Runs {@code plan} to its end (at most 10 s). */
    RunOutcome run(RunPlan plan, RunListener listener) {
        return await(engine.start(plan, listener));
    }

    RunOutcome await(RunHandle handle) {
        try {
            return handle.completion().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("run " + handle.runId() + " did not end: " + handle.snapshot(), e);
        }
    }

    JobInstance job(ItemRef item, String jobInstanceId) {
        return fabric.fabric().getJobInstance(item.workspaceId(), item.id(), jobInstanceId);
    }

    int jobsStarted(String itemName) {
        return fabric.stats().jobsStarted("sandbox", itemName);
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        fabric.close();
    }
}
