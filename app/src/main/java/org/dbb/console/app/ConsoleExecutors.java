package org.dbb.console.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The executors the console's background work runs on, created on first use so a command that needs none starts
 * none: one scheduler shared by the HTTP clients' polls and the engine's timers (a handful of threads serve any
 * number of running jobs, since nothing blocks on them), and the sandbox emulator's own pair. All threads are
 * daemons. Thread-safe.
 */
public final class ConsoleExecutors implements AutoCloseable {

    private static final int BACKGROUND_THREADS = 4;

    private ScheduledExecutorService background;
    private ExecutorService emulatorHandlers;
    private ScheduledExecutorService emulatorTimers;

    /** Client polls, retries, timeouts and the engine's work. */
    public synchronized ScheduledExecutorService background() {
        if (background == null) {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(BACKGROUND_THREADS,
                    DaemonThreads.named("dbb-background-"));
            // cancelled polls and timeouts must not pile up in the queue during a long run
            pool.setRemoveOnCancelPolicy(true);
            background = pool;
        }
        return background;
    }

    /** The in-process sandbox emulator's HTTP handlers. */
    public synchronized ExecutorService emulatorHandlers() {
        if (emulatorHandlers == null) {
            emulatorHandlers = Executors.newFixedThreadPool(4, DaemonThreads.named("dbb-emulator-http-"));
        }
        return emulatorHandlers;
    }

    /** The in-process sandbox emulator's timers. */
    public synchronized ScheduledExecutorService emulatorTimers() {
        if (emulatorTimers == null) {
            emulatorTimers = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dbb-emulator-timer-"));
        }
        return emulatorTimers;
    }

    @Override
    public synchronized void close() {
        for (ExecutorService e : new ExecutorService[] {background, emulatorHandlers, emulatorTimers}) {
            if (e != null) {
                e.shutdownNow();
            }
        }
    }
}
