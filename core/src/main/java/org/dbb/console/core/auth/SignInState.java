package org.dbb.console.core.auth;

/**
 * Where an environment's sign-in stands. Transitions: {@code SIGNED_OUT → SIGNING_IN → SIGNED_IN | FAILED};
 * {@code SIGNED_IN → EXPIRED} when a silent renewal needs the operator again; any state {@code → SIGNED_OUT} on
 * sign-out. {@code NOT_NEEDED} (the emulator) never changes. Immutable.
 */
public enum SignInState {
    SIGNED_OUT,
    SIGNING_IN,
    SIGNED_IN,
    EXPIRED,
    FAILED,
    NOT_NEEDED
}
