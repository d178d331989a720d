package org.dbb.console.core.auth;

/**
 * Why a sign-in or token request failed, so the UI can offer the right next step (a "Sign in" button, a settings
 * fix, a retry) without parsing messages. Immutable.
 */
public enum SignInFailure {
    /** Nobody has signed in to this environment yet, or the cached sign-in is gone. */
    SIGN_IN_REQUIRED,
    /** The sign-in expired or was revoked (password change, MFA policy, inactivity). */
    SIGN_IN_EXPIRED,
    /** The tenant does not exist, or the user or application is not part of it. */
    WRONG_TENANT,
    /** Nobody has consented to the application's permissions in the tenant (AADSTS65001). */
    CONSENT_MISSING,
    /** The service principal's client secret was rejected (AADSTS7000215). */
    INVALID_CLIENT_SECRET,
    /** The service principal's client secret has expired (AADSTS7000222). */
    EXPIRED_CLIENT_SECRET,
    /** The service principal's certificate was not accepted or could not be read. */
    CERTIFICATE_REJECTED,
    /** The operator cancelled the sign-in, or it was interrupted. */
    CANCELLED,
    /** The browser or device-code sign-in was not completed in time. */
    TIMED_OUT,
    /** No web browser could be opened on this machine. */
    NO_BROWSER,
    /** The local port that receives the browser's redirect is taken by another program. */
    REDIRECT_PORT_IN_USE,
    /** The Azure CLI ({@code az}) is not installed or not on the PATH. */
    AZURE_CLI_NOT_INSTALLED,
    /** The Azure CLI is installed but nobody is signed in with {@code az login}. */
    AZURE_CLI_NOT_SIGNED_IN,
    /** The default chain found no sign-in on this machine. */
    NO_CREDENTIAL_FOUND,
    /** A {@code $ENV:NAME} reference in the sign-in settings could not be resolved. */
    UNRESOLVED_SETTING,
    /** A sign-in setting is malformed (tenant id, certificate path, authority). */
    INVALID_SETTING,
    /** The sign-in service could not be reached. */
    NETWORK,
    /** Anything else; the message carries what is known. */
    OTHER;

    /** Whether the operator resolves this by choosing "Sign in". */
    public boolean needsSignIn() {
        return this == SIGN_IN_REQUIRED || this == SIGN_IN_EXPIRED;
    }
}
