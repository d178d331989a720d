package org.dbb.console.core.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, for tests that act in the middle of a run. Stateless. */
final class Eventually {

    private Eventually() {
    }

    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
