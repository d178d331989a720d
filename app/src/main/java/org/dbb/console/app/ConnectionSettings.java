package org.dbb.console.app;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.dbb.console.core.auth.EnvironmentSignIn;
import org.dbb.console.core.fabric.http.HttpTimeouts;
import org.dbb.console.core.fabric.http.RetryBudget;
import org.dbb.console.core.fabric.http.ServiceEndpoints;
import org.dbb.console.core.files.DataDirectories;

/**
 * How the console reaches real (non-sandbox) environments: service base URLs, where tokens come from, how long
 * calls may take and be retried. Tests point it at a local server. Immutable and thread-safe.
 *
 * @param endpoints the service base URLs
 * @param tokens    the tokens of each environment
 * @param timeouts  the HTTP timeouts
 * @param retry     how long throttling and outages are retried
 */
public record ConnectionSettings(ServiceEndpoints endpoints, EnvironmentTokenSource tokens, HttpTimeouts timeouts,
                                 RetryBudget retry) {

    public ConnectionSettings {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * Microsoft's cloud with each environment's configured sign-in. Only remembered accounts and non-interactive
     * methods give tokens: nothing here opens a browser or asks for a device code.
     */
    public static ConnectionSettings signingIn(DataDirectories dirs, Function<String, String> osEnvironment) {
        EnvironmentTokenSource tokens = (env, http) -> EnvironmentSignIn.builder(http, dirs)
                .osEnvironment(osEnvironment)
                .deviceCodePrompt(code -> {
                    throw new IllegalStateException("this command does not sign in; sign in from the console");
                })
                .build()
                // The group is what is being read, so sign-in settings resolve from inline and OS values alone.
                .tokensFor(env, Map.of());
        return new ConnectionSettings(ServiceEndpoints.PUBLIC_CLOUD, tokens, HttpTimeouts.DEFAULTS,
                RetryBudget.DEFAULT);
    }
}
