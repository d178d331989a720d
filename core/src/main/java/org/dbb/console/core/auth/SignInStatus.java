package org.dbb.console.core.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the UI shows about one environment's sign-in. Carries no token or secret. Immutable and thread-safe.
 *
 * @param environment the environment name
 * @param state       where the sign-in stands
 * @param account     who is signed in (user name, or the application for a service principal), when known
 * @param expiresAt   when the most recently obtained token expires, when one was obtained
 * @param message     what went wrong and what to do ({@code FAILED}, {@code EXPIRED}, a cancelled sign-in)
 * @param storage     where tokens are kept
 * @param notice      a one-time notice for the operator (e.g. that tokens stay in memory only); present in the
 *                    first status published after the condition arose, absent afterwards
 */
public record SignInStatus(String environment, SignInState state, Optional<String> account,
                           Optional<Instant> expiresAt, Optional<String> message, TokenStorage storage,
                           Optional<String> notice) {

    public SignInStatus {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(notice, "notice");
    }

    /** The status of an environment that needs no sign-in (the emulator). */
    public static SignInStatus notNeeded(String environment) {
        return new SignInStatus(environment, SignInState.NOT_NEEDED, Optional.empty(), Optional.empty(),
                Optional.empty(), TokenStorage.NONE, Optional.empty());
    }

    static SignInStatus of(String environment, SignInState state, TokenStorage storage) {
        return new SignInStatus(environment, state, Optional.empty(), Optional.empty(), Optional.empty(), storage,
                Optional.empty());
    }

    SignInStatus withAccount(Optional<String> value) {
        return new SignInStatus(environment, state, value, expiresAt, message, storage, notice);
    }

    SignInStatus withExpiresAt(Optional<Instant> value) {
        return new SignInStatus(environment, state, account, value, message, storage, notice);
    }

    SignInStatus withMessage(String value) {
        return new SignInStatus(environment, state, account, expiresAt, Optional.of(value), storage, notice);
    }

    SignInStatus withNotice(Optional<String> value) {
        return new SignInStatus(environment, state, account, expiresAt, message, storage, value);
    }

    /** Whether the operator can act on this by choosing "Sign in". */
    public boolean canSignIn() {
        return state == SignInState.SIGNED_OUT || state == SignInState.EXPIRED || state == SignInState.FAILED;
    }
}
