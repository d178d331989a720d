package org.dbb.console.app;

import okhttp3.OkHttpClient;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * Gives the tokens an environment's REST calls carry, over the HTTP client of the caller. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface EnvironmentTokenSource {

    /**
     * The tokens for {@code env}; never prompts.
     *
     * @throws org.dbb.console.core.auth.SignInException when the sign-in cannot be set up (an unresolved
     *                                                   {@code $ENV:} setting, a malformed tenant)
     */
    AccessTokens tokensFor(EnvironmentSettings env, OkHttpClient http);
}
