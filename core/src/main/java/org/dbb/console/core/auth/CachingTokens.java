package org.dbb.console.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one token per scope in memory and renews it shortly before expiry. Concurrent requests for a scope whose
 * token must be fetched wait for one fetch, made on the first caller's thread, instead of each signing in.
 * Thread-safe.
 */
final class CachingTokens {

    /** Obtains a fresh token; may block. */
    @FunctionalInterface
    interface Fetch {
        AccessToken fetch(TokenScope scope);
    }

    private final Fetch fetch;
    private final Clock clock;
    private final long marginSeconds;
    private final Map<TokenScope, AccessToken> cached = new ConcurrentHashMap<>();
    private final Map<TokenScope, CompletableFuture<AccessToken>> inFlight = new ConcurrentHashMap<>();
    // A fetch that started before clear() must not put its token back afterwards (e.g. after sign-out).
    private final AtomicLong generation = new AtomicLong();

    CachingTokens(Fetch fetch, Clock clock, Duration margin) {
        this.fetch = fetch;
        this.clock = clock;
        this.marginSeconds = margin.toSeconds();
    }

    /**
     * The cached token for {@code scope} while it is valid for longer than the margin, otherwise a fetched one.
     * A forced refresh skips the cache but still joins a fetch already under way, which is at least as new.
     */
    AccessToken token(TokenScope scope, boolean forceRefresh) {
        if (!forceRefresh) {
            AccessToken fresh = fresh(scope);
            if (fresh != null) {
                return fresh;
            }
        }
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> running = inFlight.putIfAbsent(scope, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // Another caller may have stored a token between our cache miss and winning the race.
            AccessToken token = forceRefresh ? null : fresh(scope);
            if (token == null) {
                long started = generation.get();
                token = fetch.fetch(scope);
                if (generation.get() == started) {
                    cached.put(scope, token);
                }
            }
            mine.complete(token);
            return token;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(scope, mine);
        }
    }

    /** Forgets every cached token. */
    void clear() {
        generation.incrementAndGet();
        cached.clear();
    }

    private AccessToken fresh(TokenScope scope) {
        AccessToken token = cached.get(scope);
        return token != null && !token.expiresWithin(clock.instant(), marginSeconds) ? token : null;
    }

    private static AccessToken await(CompletableFuture<AccessToken> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException(SignInFailure.CANCELLED, "waiting for sign-in was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new SignInException(SignInFailure.OTHER, "sign-in failed", cause);
        }
    }
}
