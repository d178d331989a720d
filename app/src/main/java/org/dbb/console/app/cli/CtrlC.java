package org.dbb.console.app.cli;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a command works: the first press runs {@code onFirst} (e.g. cancel the run and let the command end
 * normally, journal and all), a second press exits at once with 130. Handling the signal instead of letting the JVM
 * shut down matters because shutdown hooks run concurrently: the embedded database closes itself from one while
 * the cancelled run is still recording its end. Thread-safe; {@link #close()} restores the previous handler.
 */
final class CtrlC implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CtrlC.class);
    private static final Signal INT = new Signal("INT");

    private final Optional<SignalHandler> previous;

    private CtrlC(Optional<SignalHandler> previous) {
        this.previous = previous;
    }

    /** Installs the handler; when the platform does not let it, Ctrl-C stays the JVM's (shutdown hooks). */
    static CtrlC onInterrupt(Runnable onFirst) {
        AtomicInteger presses = new AtomicInteger();
        try {
            SignalHandler old = Signal.handle(INT, signal -> {
                if (presses.incrementAndGet() == 1) {
                    onFirst.run();
                } else {
                    Runtime.getRuntime().halt(RunCommand.CANCELLED);
                }
            });
            return new CtrlC(Optional.of(old));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("Ctrl-C cannot be handled here; the JVM's shutdown handles it", e);
            return new CtrlC(Optional.empty());
        }
    }

    @Override
    public void close() {
        previous.ifPresent(handler -> Signal.handle(INT, handler));
    }
}
