package org.dbb.console.core.launch;

/**
 * What {@link RunLauncher#prepare} is doing, for a progress line: each method is called once, in order, on the
 * preparing thread, before the step it names. Implementations must return quickly and not throw.
 */
public interface LaunchProgress {

    /** Does nothing. */
    LaunchProgress NONE = new LaunchProgress() {
    };

    /** About to connect and sign in to {@code environment} (or start its sandbox emulator). */
    default void connecting(String environment, boolean sandbox) {
    }

    /** About to look up {@code workspace}: its items and connections. */
    default void lookingUp(String environment, String workspace) {
    }

    /** About to plan the master pipeline against what was looked up. */
    default void planning(String environment) {
    }
}
