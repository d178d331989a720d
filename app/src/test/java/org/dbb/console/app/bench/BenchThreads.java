package org.dbb.console.app.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Names the benchmarks' own threads and keeps them from holding the JVM open. Stateless. */
final class BenchThreads {

    private BenchThreads() {
    }

    /** Daemon threads named {@code bench-<name>-…}, for the executors a load owns. */
    static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("bench-" + name + "-" + thread.getName());
            thread.setDaemon(true);
            return thread;
        };
    }
}
