package org.dbb.console.core.auth;

import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import com.azure.identity.AuthenticationRequiredException;
import com.azure.identity.CredentialUnavailableException;
import com.microsoft.aad.msal4j.MsalException;
import org.dbb.console.core.workspace.config.AuthMethod;

/**
 * Turns what azure-identity, MSAL and Entra ID report into one {@link SignInException} per cause, in operator
 * language: what happened to which environment and what to do. Entra's AADSTS code is kept for support; library
 * text reaches a message only for unrecognised errors, and the exception chain kept as the cause is a scrubbed
 * copy, so neither can carry a secret into a log. Immutable and thread-safe.
 */
final class SignInErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{5,7})");

    private static final Set<String> EXPIRED = Set.of("50173", "700082", "70043", "50078", "50079", "50076",
            "50133", "700084");
    private static final Set<String> TENANT_NOT_FOUND = Set.of("90002", "900023", "90019");
    private static final Set<String> NOT_IN_TENANT = Set.of("50020", "90072", "50034");
    private static final Set<String> CONSENT = Set.of("65001", "90094", "90095");

    private final SignInSettings settings;
    private final String redirectUrl;
    private final Redactor redactor;

    SignInErrors(SignInSettings settings, String redirectUrl, Redactor redactor) {
        this.settings = settings;
        this.redirectUrl = redirectUrl;
        this.redactor = redactor;
    }

    /** The message shown when the operator has to sign in first. */
    SignInException signInRequired() {
        return new SignInException(SignInFailure.SIGN_IN_REQUIRED, "sign-in required for " + env()
                + ": choose Sign in");
    }

    SignInException map(Throwable failure) {
        if (failure instanceof SignInException s) {
            return s;
        }
        List<Throwable> chain = chain(failure);
        String text = allMessages(chain);
        if (chain.stream().anyMatch(t -> t instanceof InterruptedException)) {
            Thread.currentThread().interrupt();
            return error(SignInFailure.CANCELLED, "sign-in for " + env() + " was cancelled: choose Sign in to try"
                    + " again", failure);
        }
        if (chain.stream().anyMatch(t -> t instanceof AuthenticationRequiredException)) {
            SignInException required = signInRequired();
            required.initCause(ScrubbedFailure.of(failure, redactor));
            return required;
        }
        Optional<String> code = aadsts(text);
        if (code.isPresent()) {
            return fromEntra(code.get(), failure);
        }
        return fromLibrary(chain, text, failure);
    }

    private SignInException fromEntra(String code, Throwable failure) {
        String tag = " (AADSTS" + code + ")";
        if (EXPIRED.contains(code)) {
            return error(SignInFailure.SIGN_IN_EXPIRED, "sign-in for " + env() + " has expired or needs to be"
                    + " confirmed again" + tag + ": choose Sign in", failure);
        }
        if (TENANT_NOT_FOUND.contains(code)) {
            return error(SignInFailure.WRONG_TENANT, "tenant " + settings.tenantDisplay() + " of " + env()
                    + " was not found" + tag + ": check environments." + settings.environment() + ".tenant; use the"
                    + " tenant id (a GUID) or its primary domain", failure);
        }
        if (NOT_IN_TENANT.contains(code)) {
            return error(SignInFailure.WRONG_TENANT, "the account used is not a member of tenant "
                    + settings.tenantDisplay() + " of " + env() + tag + ": sign in with an account of that tenant,"
                    + " or check environments." + settings.environment() + ".tenant", failure);
        }
        if (code.equals("700016")) {
            return error(SignInFailure.WRONG_TENANT, "application " + settings.clientIdDisplay()
                    + " was not found in tenant " + settings.tenantDisplay() + " of " + env() + tag + ": check"
                    + " 'tenant' and 'clientId' of environments." + settings.environment(), failure);
        }
        if (CONSENT.contains(code)) {
            return error(SignInFailure.CONSENT_MISSING, "application " + settings.clientIdDisplay() + " has no"
                    + " consent for the requested API in tenant " + settings.tenantDisplay() + " of " + env() + tag
                    + ": ask a tenant administrator to grant admin consent to the application, then choose Sign in",
                    failure);
        }
        if (code.equals("65004")) {
            return error(SignInFailure.CANCELLED, "consent was declined during sign-in for " + env() + tag
                    + ": choose Sign in and accept the requested permissions, or ask an administrator to consent",
                    failure);
        }
        if (code.equals("7000215")) {
            return error(SignInFailure.INVALID_CLIENT_SECRET, "the client secret of " + env() + "'s service"
                    + " principal was rejected" + tag + ": make sure " + secretDisplay() + " holds the secret's"
                    + " Value (not its Secret ID) of application " + settings.clientIdDisplay(), failure);
        }
        if (code.equals("7000222")) {
            return error(SignInFailure.EXPIRED_CLIENT_SECRET, "the client secret of " + env() + "'s service"
                    + " principal has expired" + tag + ": create a new secret for application "
                    + settings.clientIdDisplay() + " in Entra ID and store its value in " + secretDisplay(),
                    failure);
        }
        if (code.equals("700027") || code.equals("700024")) {
            return error(SignInFailure.CERTIFICATE_REJECTED, "the certificate of " + env() + "'s service principal"
                    + " was not accepted" + tag + ": upload the certificate to application "
                    + settings.clientIdDisplay() + " in Entra ID, or check certificatePath", failure);
        }
        if (code.equals("70019") || code.equals("70020")) {
            return error(SignInFailure.TIMED_OUT, timedOut(), failure);
        }
        if (code.equals("50058")) {
            SignInException required = signInRequired();
            required.initCause(ScrubbedFailure.of(failure, redactor));
            return required;
        }
        return error(SignInFailure.OTHER, "Entra ID refused the sign-in for " + env() + tag + ": look the code up"
                + " at https://login.microsoftonline.com/error?code=" + code, failure);
    }

    private SignInException fromLibrary(List<Throwable> chain, String text, Throwable failure) {
        if (text.contains("access_denied") || text.contains("Device code flow was cancelled")) {
            return error(SignInFailure.CANCELLED, "sign-in for " + env() + " was cancelled: choose Sign in to try"
                    + " again", failure);
        }
        if (text.contains("code_expired") || text.contains("Expired Device code")
                || text.contains("Listener timed out")) {
            return error(SignInFailure.TIMED_OUT, timedOut(), failure);
        }
        if (text.contains("desktop_browser_not_supported") || text.contains("linux_xdg_open_failed")
                || text.contains("Unable to open default system browser")
                || text.contains("Unable to open a web page")) {
            return error(SignInFailure.NO_BROWSER, "no web browser could be opened to sign in to " + env()
                    + ": set 'auth: device-code' for " + settings.environment() + " in dbb-console.yml, or run the"
                    + " console where a browser is available", failure);
        }
        if (text.contains("unable_to_start_http_listener")
                || chain.stream().anyMatch(t -> t instanceof BindException)) {
            return error(SignInFailure.REDIRECT_PORT_IN_USE, "the sign-in for " + env() + " could not listen on "
                    + redirectUrl + " because another program uses that port: close it, or choose another"
                    + " sign-in port", failure);
        }
        if (settings.method() == AuthMethod.DEFAULT
                && chain.stream().anyMatch(t -> t instanceof CredentialUnavailableException)) {
            return error(SignInFailure.NO_CREDENTIAL_FOUND, "no existing sign-in was found on this machine for "
                    + env() + " (auth: default looks at environment variables, managed identity, IDE and Azure"
                    + " CLI sign-ins): run 'az login', or set 'auth: interactive'", failure);
        }
        boolean cli = settings.method() == AuthMethod.AZURE_CLI;
        if (cli && text.contains("Azure CLI not installed")) {
            return error(SignInFailure.AZURE_CLI_NOT_INSTALLED, "the Azure CLI (az) is not installed or not on the"
                    + " PATH, and " + env() + " signs in with 'auth: azure-cli': install the Azure CLI, or choose"
                    + " another auth method", failure);
        }
        if (cli && (text.contains("az login") || text.contains("az account set"))) {
            return error(SignInFailure.AZURE_CLI_NOT_SIGNED_IN, "the Azure CLI is not signed in for " + env()
                    + ": run '" + azLogin() + "' in a terminal, then choose Sign in", failure);
        }
        if (text.contains("Invalid tenant ID")) {
            return error(SignInFailure.WRONG_TENANT, "tenant " + settings.tenantDisplay() + " of " + env()
                    + " is not a valid tenant id or domain: check environments." + settings.environment()
                    + ".tenant", failure);
        }
        if (chain.stream().anyMatch(t -> t instanceof UnknownHostException || t instanceof ConnectException
                || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                || t instanceof SSLException)) {
            Throwable network = chain.stream().filter(t -> t instanceof java.io.IOException).reduce((a, b) -> b)
                    .orElse(failure);
            return error(SignInFailure.NETWORK, "the Entra ID sign-in service could not be reached for " + env()
                    + " (" + network.getClass().getSimpleName() + "): check the network connection or proxy,"
                    + " then try again", failure);
        }
        if (text.contains("PEM") || text.contains("certificate") || text.contains("PKCS12")
                || text.contains("keystore")) {
            return error(SignInFailure.CERTIFICATE_REJECTED, "the certificate of " + env() + "'s service principal"
                    + " could not be used: certificatePath must name a PEM file holding the certificate and its"
                    + " unencrypted private key, or a PFX file without a password", failure);
        }
        return error(SignInFailure.OTHER, "sign-in for " + env() + " failed: " + firstLine(chain), failure);
    }

    private String timedOut() {
        return "sign-in for " + env() + " was not completed in time: choose Sign in and finish it within a few"
                + " minutes";
    }

    private String azLogin() {
        return settings.tenant().filter(t -> !t.secret()).map(t -> "az login --tenant " + t.value())
                .orElse("az login");
    }

    private String secretDisplay() {
        return settings.clientSecret().map(ResolvedSetting::display).orElse("clientSecret");
    }

    private String env() {
        return settings.environment();
    }

    private String firstLine(List<Throwable> chain) {
        // The innermost message usually names the actual problem; outer ones repeat it with less detail.
        for (int i = chain.size() - 1; i >= 0; i--) {
            String m = chain.get(i).getMessage();
            if (m != null && !m.isBlank()) {
                String line = m.strip().lines().findFirst().orElse("");
                return redactor.redact(line.length() > 300 ? line.substring(0, 300) + "…" : line);
            }
        }
        return chain.get(chain.size() - 1).getClass().getSimpleName();
    }

    private SignInException error(SignInFailure failure, String message, Throwable cause) {
        return new SignInException(failure, message, ScrubbedFailure.of(cause, redactor));
    }

    private static Optional<String> aadsts(String text) {
        Matcher m = AADSTS.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = failure; t != null && !out.contains(t) && out.size() < 20; t = t.getCause()) {
            out.add(t);
            for (Throwable s : t.getSuppressed()) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Every message in the chain, plus MSAL's error codes, which it often keeps out of the message. */
    private static String allMessages(List<Throwable> chain) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t : chain) {
            sb.append(t.getMessage()).append('\n');
            if (t instanceof MsalException msal && msal.errorCode() != null) {
                sb.append(msal.errorCode()).append('\n');
            }
        }
        return sb.toString();
    }
}
