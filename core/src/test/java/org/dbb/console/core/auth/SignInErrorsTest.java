package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.util.Optional;
import java.util.stream.Stream;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.AuthenticationRequiredException;
import com.azure.identity.CredentialUnavailableException;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Library and Entra ID failures, shaped as azure-identity and MSAL raise them, in operator language. */
class SignInErrorsTest {

    private static final String SECRET = "planted-secret-7f3a9c";

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static SignInErrors errors(AuthMethod method) {
        SignInSettings s = new SignInSettings("prod", method,
                Optional.of(FakeEnvironment.literal("tenant", "contoso.onmicrosoft.com")),
                Optional.of(FakeEnvironment.literal("clientId", "11111111-2222-3333-4444-555555555555")),
                Optional.of(new ResolvedSetting("clientSecret", SECRET, true, SettingOrigin.VARIABLES,
                        Optional.of("$ENV:DBB_SP_SECRET"))),
                Optional.empty());
        return new SignInErrors(s, "http://localhost:8400", new Redactor(s.secretValues()));
    }

    /** How azure-identity wraps a service error from MSAL. */
    private static RuntimeException entra(String code, String description) {
        return new ClientAuthenticationException("Failed to acquire token", null,
                new MsalServiceException(code + ": " + description + " Trace ID: 1 Correlation ID: 2",
                        "invalid_grant"));
    }

    static Stream<Arguments> entraCodes() {
        return Stream.of(
                Arguments.of(entra("AADSTS90002", "Tenant 'contoso.onmicrosoft.com' not found."),
                        SignInFailure.WRONG_TENANT, "was not found (AADSTS90002): check environments.prod.tenant"),
                Arguments.of(entra("AADSTS50020", "User account from identity provider does not exist in tenant."),
                        SignInFailure.WRONG_TENANT, "not a member of tenant contoso.onmicrosoft.com of prod"),
                Arguments.of(entra("AADSTS700016", "Application not found in the directory."),
                        SignInFailure.WRONG_TENANT, "check 'tenant' and 'clientId' of environments.prod"),
                Arguments.of(entra("AADSTS65001", "The user or administrator has not consented to use the app."),
                        SignInFailure.CONSENT_MISSING, "ask a tenant administrator to grant admin consent"),
                Arguments.of(entra("AADSTS7000215", "Invalid client secret provided."),
                        SignInFailure.INVALID_CLIENT_SECRET, "holds the secret's Value (not its Secret ID)"),
                Arguments.of(entra("AADSTS7000222", "The provided client secret keys are expired."),
                        SignInFailure.EXPIRED_CLIENT_SECRET, "create a new secret for application"),
                Arguments.of(entra("AADSTS700082", "The refresh token has expired due to inactivity."),
                        SignInFailure.SIGN_IN_EXPIRED, "has expired or needs to be confirmed again"),
                Arguments.of(entra("AADSTS50076", "Due to a configuration change you must use MFA."),
                        SignInFailure.SIGN_IN_EXPIRED, ": choose Sign in"),
                Arguments.of(entra("AADSTS65004", "User declined to consent to access the app."),
                        SignInFailure.CANCELLED, "consent was declined"),
                Arguments.of(entra("AADSTS700027", "Client assertion contains an invalid signature."),
                        SignInFailure.CERTIFICATE_REJECTED, "upload the certificate to application"),
                Arguments.of(entra("AADSTS12345", "Something new."),
                        SignInFailure.OTHER, "look the code up at https://login.microsoftonline.com/error?code=12345"));
    }

    @ParameterizedTest
    @MethodSource("entraCodes")
    void entraErrorCodesBecomeOperatorMessages(RuntimeException failure, SignInFailure kind, String advice) {
        SignInException mapped = errors(AuthMethod.SERVICE_PRINCIPAL).map(failure);

        assertThat(mapped.failure()).isEqualTo(kind);
        assertThat(mapped.getMessage()).contains(advice).doesNotContain(SECRET).doesNotContain("Trace ID");
        assertThat(mapped.getCause()).hasMessageStartingWith(failure.getClass().getName());
    }

    static Stream<Arguments> libraryFailures() {
        return Stream.of(
                Arguments.of(AuthMethod.INTERACTIVE, new ClientAuthenticationException("Failed to acquire token with"
                        + " Interactive Browser Authentication.", null, new MsalClientException(
                        "linux_xdg_open_failed", "linux_xdg_open_failed")),
                        SignInFailure.NO_BROWSER, "set 'auth: device-code' for prod"),
                Arguments.of(AuthMethod.INTERACTIVE, new MsalClientException("Unable to open default system browser",
                        "desktop_browser_not_supported"), SignInFailure.NO_BROWSER, "no web browser could be opened"),
                Arguments.of(AuthMethod.INTERACTIVE, new MsalServiceException("User cancelled the sign-in",
                        "access_denied"), SignInFailure.CANCELLED, "was cancelled: choose Sign in to try again"),
                Arguments.of(AuthMethod.INTERACTIVE, new MsalClientException("Listener timed out after 120 seconds,"
                        + " no authorization code was returned from the server during that time.", "unknown"),
                        SignInFailure.TIMED_OUT, "was not completed in time"),
                Arguments.of(AuthMethod.INTERACTIVE, new MsalClientException("Port 8400 in use",
                        "unable_to_start_http_listener"), SignInFailure.REDIRECT_PORT_IN_USE,
                        "could not listen on http://localhost:8400"),
                Arguments.of(AuthMethod.DEVICE_CODE, new ClientAuthenticationException("Failed to acquire token with"
                        + " device code.", null, new MsalServiceException("Expired Device code", "code_expired")),
                        SignInFailure.TIMED_OUT, "was not completed in time"),
                Arguments.of(AuthMethod.AZURE_CLI, new CredentialUnavailableException("AzureCliCredential"
                        + " authentication unavailable. Azure CLI not installed.To mitigate this issue, please refer"
                        + " to the troubleshooting guidelines"), SignInFailure.AZURE_CLI_NOT_INSTALLED,
                        "install the Azure CLI, or choose another auth method"),
                Arguments.of(AuthMethod.AZURE_CLI, new CredentialUnavailableException("AzureCliCredential"
                        + " authentication unavailable. Please run 'az login' to set up account."),
                        SignInFailure.AZURE_CLI_NOT_SIGNED_IN, "run 'az login --tenant contoso.onmicrosoft.com' in a"
                        + " terminal, then choose Sign in"),
                Arguments.of(AuthMethod.DEFAULT, new CredentialUnavailableException("EnvironmentCredential"
                        + " authentication unavailable.\r\nAzureCliCredential authentication unavailable. Azure CLI"
                        + " not installed."), SignInFailure.NO_CREDENTIAL_FOUND, "run 'az login', or set"
                        + " 'auth: interactive'"),
                Arguments.of(AuthMethod.SERVICE_PRINCIPAL, new RuntimeException(new UnknownHostException(
                        "login.microsoftonline.com")), SignInFailure.NETWORK, "check the network connection or"
                        + " proxy"));
    }

    @ParameterizedTest
    @MethodSource("libraryFailures")
    void libraryFailuresBecomeOperatorMessages(AuthMethod method, RuntimeException failure, SignInFailure kind,
                                               String advice) {
        SignInException mapped = errors(method).map(failure);

        assertThat(mapped.failure()).isEqualTo(kind);
        assertThat(mapped.getMessage()).contains(advice);
    }

    @Test
    void aMissingSignInSaysToChooseSignIn() {
        SignInException mapped = errors(AuthMethod.INTERACTIVE).map(new AuthenticationRequiredException(
                "Interactive authentication is needed to acquire token.", new TokenRequestContext()));

        assertThat(mapped.failure()).isEqualTo(SignInFailure.SIGN_IN_REQUIRED);
        assertThat(mapped.failure().needsSignIn()).isTrue();
        assertThat(mapped.getMessage()).isEqualTo("sign-in required for prod: choose Sign in");
    }

    @Test
    void anInterruptedSignInIsACancellationAndKeepsTheInterrupt() {
        SignInException mapped = errors(AuthMethod.INTERACTIVE).map(new RuntimeException(new InterruptedException()));

        assertThat(mapped.failure()).isEqualTo(SignInFailure.CANCELLED);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void unrecognisedFailuresKeepTheLibrarysTextButNeverSecretsOrTokens() {
        RuntimeException failure = new RuntimeException("outer", new IllegalStateException("token endpoint said"
                + " " + String.join("_", "client", "secret") + "=" + SECRET + " and returned "
                + String.join(".", "eyJhbGciOi", "eyJzdWIiOiJ4In0", "c2lnbmF0dXJl")));

        SignInException mapped = errors(AuthMethod.SERVICE_PRINCIPAL).map(failure);

        assertThat(mapped.failure()).isEqualTo(SignInFailure.OTHER);
        assertThat(mapped.getMessage()).startsWith("sign-in for prod failed: token endpoint said")
                .doesNotContain(SECRET).doesNotContain("eyJhbGciOi");
        assertThat(mapped.getCause()).hasMessage(RuntimeException.class.getName() + ": outer")
                .hasStackTraceContaining("token endpoint said").hasStackTraceContaining("IllegalStateException");
        assertThat(mapped.getCause().getCause().getMessage()).doesNotContain(SECRET).doesNotContain("eyJhbGciOi");
        assertThat(mapped.getCause().getStackTrace()).isEqualTo(failure.getStackTrace());
    }

    @Test
    void aSignInExceptionPassesThroughUnchanged() {
        SignInException original = new SignInException(SignInFailure.UNRESOLVED_SETTING, "x");

        assertThat(errors(AuthMethod.INTERACTIVE).map(original)).isSameAs(original);
    }
}
