package org.dbb.console.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * What the operator needs to finish a device-code sign-in on another device: the short user code, the page to
 * enter it on, and Entra ID's own instruction text. The user code is single-use and expires, and it is meant to
 * be shown; the device code that redeems it is never exposed. Immutable and thread-safe.
 *
 * @param userCode        the code to type in
 * @param verificationUrl the page to type it on
 * @param message         Entra ID's instruction, ready to display
 * @param expiresAt       when the code stops working
 */
public record DeviceCode(String userCode, String verificationUrl, String message, Instant expiresAt) {

    public DeviceCode {
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
