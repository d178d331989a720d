package org.dbb.console.core.fabric.testing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dbb.console.core.auth.AccessToken;
import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.TokenScope;

/** Hands out {@code cached-<scope>} tokens, and {@code fresh-<scope>} when forced to refresh; records each ask. */
public final class FakeTokens implements AccessTokens {

    /** One request for a token. */
    public record Ask(TokenScope scope, boolean forceRefresh) {
    }

    private final List<Ask> asks = new CopyOnWriteArrayList<>();
    private final String cached;
    private final String fresh;

    public FakeTokens() {
        this(null, null);
    }

    /** Always the given values, whatever the scope (used to plant a recognisable secret). */
    public FakeTokens(String cached, String fresh) {
        this.cached = cached;
        this.fresh = fresh;
    }

    @Override
    public AccessToken token(TokenScope scope, boolean forceRefresh) {
        asks.add(new Ask(scope, forceRefresh));
        String value = forceRefresh
                ? (fresh != null ? fresh : "fresh-" + scope.name())
                : (cached != null ? cached : "cached-" + scope.name());
        return new AccessToken(value, Instant.now().plusSeconds(3600));
    }

    public List<Ask> asks() {
        return List.copyOf(asks);
    }
}
