package org.dbb.console.core.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Console-wide sign-in choices that are not per environment. Immutable and thread-safe.
 *
 * @param redirectPort   the local port of the browser sign-in's redirect ({@code http://localhost:<port>}); the
 *                       application registration must allow it (the default client allows any localhost port)
 * @param loginHint      the account to pre-fill in the browser, when the operator gave one
 * @param authorityHost  the Entra ID authority to use instead of the public cloud's (a sovereign cloud, or a local
 *                       test server); azure-identity accepts only {@code https}
 * @param tokenCacheName the name of the persistent token cache in the operating system's secure storage
 * @param refreshMargin  how long before expiry a cached token is replaced
 */
public record SignInOptions(int redirectPort, Optional<String> loginHint, Optional<URI> authorityHost,
                            String tokenCacheName, Duration refreshMargin) {

    /** The port the console's browser sign-in listens on unless told otherwise. */
    public static final int DEFAULT_REDIRECT_PORT = 8400;

    /** The persistent token cache's name: one per console, shared by its environments. */
    public static final String DEFAULT_TOKEN_CACHE_NAME = "dbb-console";

    public SignInOptions {
        if (redirectPort < 1 || redirectPort > 65535) {
            throw new IllegalArgumentException("redirect port must be 1..65535, not " + redirectPort);
        }
        Objects.requireNonNull(loginHint, "loginHint");
        Objects.requireNonNull(authorityHost, "authorityHost");
        authorityHost.ifPresent(SignInOptions::requireHttps);
        Objects.requireNonNull(tokenCacheName, "tokenCacheName");
        if (tokenCacheName.isBlank()) {
            throw new IllegalArgumentException("token cache name must not be blank");
        }
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        if (refreshMargin.isNegative()) {
            throw new IllegalArgumentException("refresh margin must not be negative");
        }
    }

    /** Port 8400, no login hint, the public cloud, cache "dbb-console", refresh 5 minutes before expiry. */
    public static SignInOptions defaults() {
        return new SignInOptions(DEFAULT_REDIRECT_PORT, Optional.empty(), Optional.empty(), DEFAULT_TOKEN_CACHE_NAME,
                Duration.ofMinutes(5));
    }

    public SignInOptions withRedirectPort(int port) {
        return new SignInOptions(port, loginHint, authorityHost, tokenCacheName, refreshMargin);
    }

    public SignInOptions withLoginHint(String hint) {
        return new SignInOptions(redirectPort, Optional.of(hint), authorityHost, tokenCacheName, refreshMargin);
    }

    public SignInOptions withAuthorityHost(URI host) {
        return new SignInOptions(redirectPort, loginHint, Optional.of(host), tokenCacheName, refreshMargin);
    }

    /** The redirect URL the browser returns to. */
    public String redirectUrl() {
        return "http://localhost:" + redirectPort;
    }

    // azure-identity rejects any other scheme only when the credential is built; failing here names the option.
    private static void requireHttps(URI host) {
        String scheme = host.getScheme();
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals("https") || host.getHost() == null) {
            throw new IllegalArgumentException("the sign-in authority host must be an https URL (azure-identity"
                    + " accepts nothing else), not '" + host + "'");
        }
    }
}
