package org.dbb.console.core.auth;

/**
 * One environment's sign-in: supplies tokens per scope and tells the UI where the sign-in stands. Thread-safe;
 * {@link #token}, {@link #signIn()} and {@link #signOut()} may block (a browser, a device code, the network) and
 * must not be called on the UI thread.
 */
public interface EnvironmentTokens extends AccessTokens {

    /** The environment these tokens are for. */
    String environment();

    /** The current sign-in status. */
    SignInStatus status();

    /**
     * Signs in now, prompting the operator where the method needs it (browser, device code); for methods that
     * need no prompt it obtains a fresh token to prove the settings work.
     *
     * @throws SignInException when the sign-in fails; its message says what to do
     */
    void signIn();

    /** Forgets cached tokens and the remembered account, so the next token request needs a new sign-in. */
    void signOut();
}
