package org.dbb.console.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * Tokens for an {@code emulator: true} environment: the built-in emulator accepts one fixed, deliberately
 * non-secret bearer value, so no sign-in ever happens. Immutable and thread-safe.
 */
public final class EmulatorTokens implements EnvironmentTokens {

    /** The bearer value the emulator accepts; public on purpose, it grants nothing outside this process. */
    public static final String TOKEN_VALUE = "dbb-console-emulator";

    private static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    private final String environment;

    public EmulatorTokens(String environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public AccessToken token(TokenScope scope, boolean forceRefresh) {
        Objects.requireNonNull(scope, "scope");
        return new AccessToken(TOKEN_VALUE, NEVER);
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public SignInStatus status() {
        return SignInStatus.notNeeded(environment);
    }

    @Override
    public void signIn() {
        // The emulator needs no sign-in; accepting the request keeps "Sign in all" simple for the UI.
    }

    @Override
    public void signOut() {
        // Nothing is remembered, so there is nothing to forget.
    }

    @Override
    public String toString() {
        return "EmulatorTokens[" + environment + "]";
    }
}
