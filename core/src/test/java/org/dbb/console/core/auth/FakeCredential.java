package org.dbb.console.core.auth;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

/** A {@link TokenCredential} that answers from a function and counts calls, optionally holding them at a gate. */
final class FakeCredential implements TokenCredential {

    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> scopes = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<TokenRequestContext, AccessToken> answer;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    FakeCredential(Function<TokenRequestContext, AccessToken> answer) {
        this.answer = answer;
    }

    /** Answers "<prefix>-<n>" for the n-th call, valid for {@code minutes} from {@code now}. */
    static FakeCredential numbered(String prefix, OffsetDateTime now, long minutes) {
        AtomicInteger n = new AtomicInteger();
        return new FakeCredential(ctx -> new AccessToken(prefix + "-" + n.incrementAndGet(), now.plusMinutes(minutes)));
    }

    static FakeCredential failing(RuntimeException failure) {
        return new FakeCredential(ctx -> {
            throw failure;
        });
    }

    void answer(Function<TokenRequestContext, AccessToken> value) {
        this.answer = value;
    }

    void holdCallsUntil(CountDownLatch value) {
        this.gate = value;
    }

    int calls() {
        return calls.get();
    }

    List<String> scopes() {
        return List.copyOf(scopes);
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        calls.incrementAndGet();
        scopes.addAll(request.getScopes());
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return answer.apply(request);
    }
}
