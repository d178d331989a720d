package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dbb.console.core.workspace.config.AuthMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCachingTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private AzureEnvironmentTokens tokensOver(FakeCredential credential) {
        FakeEnvironment env = new FakeEnvironment(dir, credential);
        env.method = AuthMethod.SERVICE_PRINCIPAL;
        env.clock = clock;
        return env.build();
    }

    @Test
    void reusesTheCachedTokenWhileItIsValid() {
        FakeCredential credential = FakeCredential.numbered("t", NOW.atOffset(ZoneOffset.UTC), 60);
        AzureEnvironmentTokens tokens = tokensOver(credential);

        AccessToken first = tokens.token(TokenScope.FABRIC, false);
        clock.advance(Duration.ofMinutes(30));
        AccessToken second = tokens.token(TokenScope.FABRIC, false);

        assertThat(second).isSameAs(first);
        assertThat(first.value()).isEqualTo("t-1");
        assertThat(credential.calls()).isEqualTo(1);
    }

    @Test
    void keepsOneTokenPerScope() {
        FakeCredential credential = FakeCredential.numbered("t", NOW.atOffset(ZoneOffset.UTC), 60);
        AzureEnvironmentTokens tokens = tokensOver(credential);

        AccessToken fabric = tokens.token(TokenScope.FABRIC, false);
        AccessToken powerBi = tokens.token(TokenScope.POWER_BI, false);
        tokens.token(TokenScope.FABRIC, false);
        tokens.token(TokenScope.POWER_BI, false);

        assertThat(fabric.value()).isNotEqualTo(powerBi.value());
        assertThat(credential.scopes()).containsExactly(TokenScope.FABRIC.scope(), TokenScope.POWER_BI.scope());
    }

    @Test
    void forceRefreshBypassesTheCache() {
        FakeCredential credential = FakeCredential.numbered("t", NOW.atOffset(ZoneOffset.UTC), 60);
        AzureEnvironmentTokens tokens = tokensOver(credential);

        tokens.token(TokenScope.FABRIC, false);
        AccessToken refreshed = tokens.token(TokenScope.FABRIC, true);
        AccessToken afterwards = tokens.token(TokenScope.FABRIC, false);

        assertThat(refreshed.value()).isEqualTo("t-2");
        assertThat(afterwards).isSameAs(refreshed);
        assertThat(credential.calls()).isEqualTo(2);
    }

    @Test
    void renewsATokenWithinFiveMinutesOfExpiry() {
        FakeCredential credential = FakeCredential.numbered("t", NOW.atOffset(ZoneOffset.UTC), 60);
        AzureEnvironmentTokens tokens = tokensOver(credential);
        tokens.token(TokenScope.FABRIC, false);

        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(tokens.token(TokenScope.FABRIC, false).value()).isEqualTo("t-1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token(TokenScope.FABRIC, false).value()).isEqualTo("t-2");
        assertThat(credential.calls()).isEqualTo(2);
    }

    @Test
    void concurrentCallersForOneScopeShareOneAcquisition() throws Exception {
        FakeCredential credential = FakeCredential.numbered("t", NOW.atOffset(ZoneOffset.UTC), 60);
        CountDownLatch gate = new CountDownLatch(1);
        credential.holdCallsUntil(gate);
        AzureEnvironmentTokens tokens = tokensOver(credential);

        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(callers.submit(() -> tokens.token(TokenScope.FABRIC, false)));
        }
        awaitCalls(credential, 1);
        Thread.sleep(100); // give every caller time to reach the cache while the first fetch is held
        gate.countDown();

        for (Future<AccessToken> r : results) {
            assertThat(r.get(10, TimeUnit.SECONDS).value()).isEqualTo("t-1");
        }
        assertThat(credential.calls()).isEqualTo(1);
    }

    @Test
    void aFailedAcquisitionIsSharedAndNotCached() throws Exception {
        FakeCredential credential = FakeCredential.failing(new IllegalStateException("AADSTS7000215: Invalid client"
                + " secret provided."));
        CountDownLatch gate = new CountDownLatch(1);
        credential.holdCallsUntil(gate);
        AzureEnvironmentTokens tokens = tokensOver(credential);

        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(callers.submit(() -> tokens.token(TokenScope.FABRIC, false)));
        }
        awaitCalls(credential, 1);
        Thread.sleep(100);
        gate.countDown();
        for (Future<AccessToken> r : results) {
            assertThat(catching(r)).isInstanceOf(SignInException.class)
                    .extracting(t -> ((SignInException) t).failure()).isEqualTo(SignInFailure.INVALID_CLIENT_SECRET);
        }
        assertThat(credential.calls()).isEqualTo(1);

        credential.answer(ctx -> new com.azure.core.credential.AccessToken("t-ok", NOW.atOffset(ZoneOffset.UTC)
                .plusHours(1)));
        assertThat(tokens.token(TokenScope.FABRIC, false).value()).isEqualTo("t-ok");
        assertThat(credential.calls()).isEqualTo(2);
    }

    @Test
    void signOutForgetsCachedTokens() {
        FakeCredential credential = FakeCredential.numbered("t", NOW.atOffset(ZoneOffset.UTC), 60);
        AzureEnvironmentTokens tokens = tokensOver(credential);
        tokens.token(TokenScope.FABRIC, false);

        tokens.signOut();

        assertThat(tokens.token(TokenScope.FABRIC, false).value()).isEqualTo("t-2");
    }

    private static Throwable catching(Future<?> f) throws InterruptedException {
        try {
            f.get(10, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitCalls(FakeCredential credential, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (credential.calls() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(credential.calls()).isEqualTo(n);
    }
}
