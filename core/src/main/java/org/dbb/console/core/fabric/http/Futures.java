package org.dbb.console.core.fabric.http;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.failsafe.FailsafeException;

/** Bridges the async client methods to their blocking forms without wrapping the real exception. Stateless. */
public final class Futures {

    private Futures() {
    }

    /**
     * Waits for {@code future} on the calling thread (a background thread, never the UI thread) and returns its
     * value, or rethrows the exception it failed with as is.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new CompletionException(cause);
        }
    }

    /** The exception inside the wrappers futures and Failsafe add. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof FailsafeException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
