package org.dbb.console.core.auth;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.azure.identity.TokenCachePersistenceOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's one persistent token cache and whether the operating system can protect it. Shared by every
 * environment of a console, so the fallback to memory happens, and is announced, once. Thread-safe.
 */
final class SecureTokenStore {

    static final String MEMORY_ONLY_NOTICE = "tokens are kept in memory only: no secure storage (keyring) was found;"
            + " you will be asked to sign in again next start";

    private static final Logger LOG = LoggerFactory.getLogger(SecureTokenStore.class);

    private final String name;
    private final AtomicBoolean available;
    private final AtomicBoolean noticeTaken = new AtomicBoolean();

    SecureTokenStore(String name, SecureStorageProbe probe) {
        this.name = name;
        Optional<String> reason = probe.unavailableReason();
        this.available = new AtomicBoolean(reason.isEmpty());
        reason.ifPresent(r -> LOG.info("Sign-in tokens will be kept in memory only: {}", r));
    }

    boolean available() {
        return available.get();
    }

    /**
     * The cache options for a credential, or empty when tokens must stay in memory. Unencrypted storage is never
     * allowed: a plain file of refresh tokens in the home folder would outlive the console and leak the tenant.
     */
    Optional<TokenCachePersistenceOptions> persistenceOptions() {
        if (!available.get()) {
            return Optional.empty();
        }
        return Optional.of(new TokenCachePersistenceOptions().setName(name).setUnencryptedStorageAllowed(false));
    }

    /** Records that the secure storage failed in use; later credentials are built for memory only. */
    void markUnavailable(Throwable failure) {
        if (available.compareAndSet(true, false)) {
            LOG.warn("Sign-in tokens will be kept in memory only: the secure storage failed ({})",
                    rootCause(failure).getClass().getSimpleName());
        }
    }

    /** The one-time notice for the operator, the first time it is asked for after storage proved unavailable. */
    Optional<String> takeNotice() {
        if (!available.get() && noticeTaken.compareAndSet(false, true)) {
            return Optional.of(MEMORY_ONLY_NOTICE);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code failure} comes from the persistent cache's storage rather than from signing in:
     * azure-identity reports "Shared token cache is unavailable in this environment." with the native library or
     * keyring error as its cause (on Linux without libsecret: {@code UnsatisfiedLinkError} the first time,
     * {@code NoClassDefFoundError} for the persistence extension's classes after that).
     */
    static boolean isStorageFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("token cache is unavailable")) {
                return true;
            }
            if (t instanceof UnsatisfiedLinkError) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.contains("KeyRingAccessException") || type.startsWith("com.microsoft.aad.msal4jextensions")) {
                return true;
            }
            if (t instanceof NoClassDefFoundError && message.contains("msal4jextensions")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Override
    public String toString() {
        return "SecureTokenStore[" + name + (available.get() ? ", secure storage" : ", memory only") + "]";
    }
}
