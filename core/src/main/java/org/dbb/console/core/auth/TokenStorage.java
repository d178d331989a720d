package org.dbb.console.core.auth;

/** Where an environment's tokens are kept between uses, for the sign-in indicator. Immutable. */
public enum TokenStorage {
    /** The operating system's protected store (DPAPI, Keychain, Keyring): a restart signs in silently. */
    SECURE_STORAGE("kept in the operating system's secure storage; a restart signs in silently"),
    /** Only this process's memory: the next start asks to sign in again. */
    MEMORY_ONLY("kept in memory only; the next start asks to sign in again"),
    /** No tokens are needed (the built-in emulator). */
    NONE("no sign-in needed");

    private final String description;

    TokenStorage(String description) {
        this.description = description;
    }

    /** A short phrase for a tooltip. */
    public String description() {
        return description;
    }
}
