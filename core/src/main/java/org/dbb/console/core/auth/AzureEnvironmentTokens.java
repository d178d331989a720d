package org.dbb.console.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.TokenCachePersistenceOptions;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment's sign-in over an azure-identity credential: caches tokens per scope, remembers the signed-in
 * account across restarts, falls back to memory when the secure token cache fails, and reports its status to a
 * listener. Thread-safe; {@link #signIn()} calls are serialised.
 */
final class AzureEnvironmentTokens implements EnvironmentTokens {

    /** Builds the credential for the given persistent cache (if any) and remembered account (if any). */
    @FunctionalInterface
    interface CredentialSource {
        SignInCredential create(Optional<TokenCachePersistenceOptions> cache, Optional<AuthenticationRecord> record);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AzureEnvironmentTokens.class);

    private final String environment;
    private final AuthMethod method;
    private final CredentialSource source;
    private final SecureTokenStore store;
    private final AuthenticationRecords records;
    private final SignInErrors errors;
    private final Optional<String> fixedAccount;
    private final SignInListener listener;
    private final TokenClaims claims = new TokenClaims();
    private final CachingTokens cache;
    private final ReentrantLock signInLock = new ReentrantLock();
    private final Object lock = new Object();

    // Guarded by lock.
    private SignInCredential credential;
    private Optional<AuthenticationRecord> record;
    private SignInStatus status;

    AzureEnvironmentTokens(String environment, AuthMethod method, CredentialSource source, SecureTokenStore store,
                           AuthenticationRecords records, SignInErrors errors, Optional<String> fixedAccount,
                           SignInListener listener, Clock clock, Duration refreshMargin) {
        this.environment = environment;
        this.method = method;
        this.source = source;
        this.store = store;
        this.records = records;
        this.errors = errors;
        this.fixedAccount = fixedAccount;
        this.listener = listener;
        this.cache = new CachingTokens(this::fetch, clock, refreshMargin);
        synchronized (lock) {
            this.record = prompts() ? records.load(environment) : Optional.empty();
            this.credential = source.create(cacheOptions(), record);
            this.status = SignInStatus.of(environment, SignInState.SIGNED_OUT, storage())
                    .withAccount(record.map(AuthenticationRecord::getUsername).or(() -> fixedAccount));
            publish(status);
        }
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public SignInStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    @Override
    public AccessToken token(TokenScope scope, boolean forceRefresh) {
        return cache.token(scope, forceRefresh);
    }

    @Override
    public void signIn() {
        signInLock.lock();
        try {
            update(SignInState.SIGNING_IN, Optional.empty(), Optional.empty());
            if (!prompts()) {
                // Nothing to prompt for: a fresh token proves the settings and updates the status itself.
                cache.clear();
                cache.token(TokenScope.FABRIC, true);
                return;
            }
            AuthenticationRecord signedIn = promptOperator();
            records.save(environment, signedIn);
            cache.clear();
            synchronized (lock) {
                record = Optional.of(signedIn);
                status = SignInStatus.of(environment, SignInState.SIGNED_IN, storage())
                        .withAccount(Optional.ofNullable(signedIn.getUsername()));
                publish(status);
            }
            LOG.info("Signed in to {} as {}", environment, signedIn.getUsername());
        } finally {
            signInLock.unlock();
        }
    }

    /** Waits for a sign-in in progress, so its remembered account cannot reappear after the sign-out. */
    @Override
    public void signOut() {
        signInLock.lock();
        try {
            cache.clear();
            records.delete(environment);
            synchronized (lock) {
                record = Optional.empty();
                // A new credential is the only way to empty azure-identity's in-memory cache.
                credential = source.create(cacheOptions(), Optional.empty());
                status = SignInStatus.of(environment, SignInState.SIGNED_OUT, storage())
                        .withAccount(fixedAccount);
                publish(status);
            }
        } finally {
            signInLock.unlock();
        }
        LOG.info("Signed out of {}", environment);
    }

    private AuthenticationRecord promptOperator() {
        try {
            return withStorageFallback(c -> c.prompt().orElseThrow().apply(context(TokenScope.FABRIC)));
        } catch (RuntimeException e) {
            SignInException mapped = errors.map(e);
            if (mapped.failure() == SignInFailure.CANCELLED) {
                update(SignInState.SIGNED_OUT, Optional.empty(), Optional.of(mapped.getMessage()));
            } else {
                update(SignInState.FAILED, Optional.empty(), Optional.of(mapped.getMessage()));
            }
            log(mapped);
            throw mapped;
        }
    }

    /** The cache's fetch: one call to azure-identity, with the status updated either way. */
    private AccessToken fetch(TokenScope scope) {
        if (prompts() && rememberedAccount().isEmpty()) {
            // With automatic authentication off and no account, azure-identity can only refuse; asking it would
            // just add its error log to every request the engine makes before the operator signs in.
            SignInException required = errors.signInRequired();
            failed(required);
            throw required;
        }
        TokenRequestContext ctx = context(scope);
        com.azure.core.credential.AccessToken issued;
        try {
            issued = withStorageFallback(c -> c.tokens().getTokenSync(ctx));
        } catch (RuntimeException e) {
            SignInException mapped = errors.map(e);
            failed(mapped);
            throw mapped;
        }
        if (issued == null) {
            SignInException empty = errors.signInRequired();
            failed(empty);
            throw empty;
        }
        AccessToken token = new AccessToken(issued.getToken(), issued.getExpiresAt().toInstant());
        synchronized (lock) {
            Optional<String> account = record.map(AuthenticationRecord::getUsername).or(() -> fixedAccount)
                    .or(() -> claims.account(token.value()));
            status = SignInStatus.of(environment, SignInState.SIGNED_IN, storage())
                    .withAccount(account).withExpiresAt(Optional.of(token.expiresAt()));
            publish(status);
        }
        LOG.debug("Obtained a {} token for {}, valid until {}", scope, environment, token.expiresAt());
        return token;
    }

    private Optional<AuthenticationRecord> rememberedAccount() {
        synchronized (lock) {
            return record;
        }
    }

    private void failed(SignInException mapped) {
        SignInState next;
        boolean changed;
        synchronized (lock) {
            boolean hadSignIn = status.state() == SignInState.SIGNED_IN || status.state() == SignInState.EXPIRED
                    || record.isPresent();
            next = switch (mapped.failure()) {
                case SIGN_IN_REQUIRED -> hadSignIn ? SignInState.EXPIRED : SignInState.SIGNED_OUT;
                case SIGN_IN_EXPIRED -> SignInState.EXPIRED;
                default -> SignInState.FAILED;
            };
            changed = status.state() != next || !status.message().equals(Optional.of(mapped.getMessage()));
        }
        update(next, Optional.empty(), Optional.of(mapped.getMessage()));
        if (changed) {
            log(mapped);
        } else {
            LOG.debug("{}", mapped.getMessage());
        }
    }

    private void log(SignInException mapped) {
        if (mapped.failure().needsSignIn()) {
            LOG.info("{}", mapped.getMessage());
        } else {
            LOG.warn("{}", mapped.getMessage());
            // The library's exception chain helps support; it holds Entra's text, never our secrets or tokens.
            LOG.debug("Sign-in failure detail for {}", environment, mapped.getCause());
        }
    }

    /**
     * Runs {@code action} on the current credential; if the secure token cache turns out to be unusable, rebuilds
     * the credential for memory only (once for the whole console) and runs it again.
     */
    private <T> T withStorageFallback(Function<SignInCredential, T> action) {
        SignInCredential current;
        synchronized (lock) {
            current = credential;
        }
        try {
            return action.apply(current);
        } catch (RuntimeException e) {
            if (!current.persistent() || !SecureTokenStore.isStorageFailure(e)) {
                throw e;
            }
            store.markUnavailable(e);
            SignInCredential memoryOnly;
            synchronized (lock) {
                if (credential == current) {
                    credential = source.create(Optional.empty(), record);
                }
                memoryOnly = credential;
                status = new SignInStatus(environment, status.state(), status.account(), status.expiresAt(),
                        status.message(), storage(), Optional.empty());
                publish(status);
            }
            return action.apply(memoryOnly);
        }
    }

    private void update(SignInState state, Optional<Instant> expiresAt, Optional<String> message) {
        synchronized (lock) {
            SignInStatus base = SignInStatus.of(environment, state, storage())
                    .withAccount(status.account()).withExpiresAt(expiresAt);
            SignInStatus next = message.map(base::withMessage).orElse(base);
            if (next.equals(status)) {
                return; // e.g. every engine request before sign-in; the UI already shows this
            }
            status = next;
            publish(status);
        }
    }

    // Called with lock held, so listeners see statuses in the order they happened.
    private void publish(SignInStatus next) {
        SignInStatus withNotice = usesPersistentCache() ? next.withNotice(store.takeNotice()) : next;
        try {
            listener.statusChanged(withNotice);
        } catch (RuntimeException e) {
            LOG.warn("A sign-in status listener failed for {}; ignoring it", environment, e);
        }
    }

    private Optional<TokenCachePersistenceOptions> cacheOptions() {
        return usesPersistentCache() ? store.persistenceOptions() : Optional.empty();
    }

    private TokenStorage storage() {
        return usesPersistentCache() && store.available() ? TokenStorage.SECURE_STORAGE : TokenStorage.MEMORY_ONLY;
    }

    private boolean usesPersistentCache() {
        return prompts() || method == AuthMethod.SERVICE_PRINCIPAL;
    }

    private boolean prompts() {
        return method == AuthMethod.INTERACTIVE || method == AuthMethod.DEVICE_CODE;
    }

    private static TokenRequestContext context(TokenScope scope) {
        return new TokenRequestContext().addScopes(scope.scope());
    }

    @Override
    public String toString() {
        return "AzureEnvironmentTokens[" + environment + ", " + method.spelling() + "]";
    }
}
