package org.dbb.console.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the executors the app creates: daemon threads with readable names, so background work never
 * keeps the JVM alive and shows up recognisably in a thread dump. Stateless; the factories are thread-safe.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads named {@code prefix1}, {@code prefix2}, … */
    public static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory base = Executors.defaultThreadFactory();
        return runnable -> {
            Thread t = base.newThread(runnable);
            t.setName(prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
