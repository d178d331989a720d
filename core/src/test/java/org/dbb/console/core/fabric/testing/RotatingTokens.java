package org.dbb.console.core.fabric.testing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.dbb.console.core.auth.AccessToken;
import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.TokenScope;

/**
 * Behaves like a signed-in session: hands out {@code token-1} until asked to refresh, then {@code token-2}, and so
 * on, so a service that budgets each token sees a new one after a refresh. Records each ask. Thread-safe.
 */
public final class RotatingTokens implements AccessTokens {

    private final AtomicInteger generation = new AtomicInteger(1);
    private final List<FakeTokens.Ask> asks = new CopyOnWriteArrayList<>();

    @Override
    public AccessToken token(TokenScope scope, boolean forceRefresh) {
        asks.add(new FakeTokens.Ask(scope, forceRefresh));
        int n = forceRefresh ? generation.incrementAndGet() : generation.get();
        return new AccessToken("token-" + n, Instant.now().plusSeconds(3600));
    }

    public List<FakeTokens.Ask> asks() {
        return List.copyOf(asks);
    }

    /** How often a fresh token was asked for. */
    public long refreshes() {
        return asks.stream().filter(FakeTokens.Ask::forceRefresh).count();
    }
}
