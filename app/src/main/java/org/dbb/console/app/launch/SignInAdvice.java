package org.dbb.console.app.launch;

import org.dbb.console.core.auth.SignInFailure;

/** What an operator does about a failed sign-in before previewing again, by kind of failure. Stateless. */
final class SignInAdvice {

    private SignInAdvice() {
    }

    static String of(SignInFailure failure, String environment) {
        return switch (failure) {
            case SIGN_IN_REQUIRED, SIGN_IN_EXPIRED -> "Sign in to " + environment + " again, then"
                    + " preview again.";
            case AZURE_CLI_NOT_INSTALLED -> "Install the Azure CLI, run `az login`, then preview again.";
            case AZURE_CLI_NOT_SIGNED_IN -> "Run `az login` in a terminal, then preview again.";
            case UNRESOLVED_SETTING, INVALID_SETTING, WRONG_TENANT -> "Correct the sign-in settings of "
                    + environment + " in dbb-console.yml (tenant, client id, $ENV: variables), then preview again.";
            case INVALID_CLIENT_SECRET, EXPIRED_CLIENT_SECRET, CERTIFICATE_REJECTED -> "Renew the service"
                    + " principal's secret or certificate for " + environment + ", then preview again.";
            case CONSENT_MISSING -> "Ask a tenant administrator to consent to the console's permissions, then"
                    + " preview again.";
            case NETWORK -> "Check the network connection to Microsoft Entra ID, then preview again.";
            case CANCELLED, TIMED_OUT, NO_BROWSER, REDIRECT_PORT_IN_USE, NO_CREDENTIAL_FOUND, OTHER ->
                    "Preview again to sign in once more; if it keeps failing, check the sign-in settings of "
                            + environment + " in dbb-console.yml.";
        };
    }
}
