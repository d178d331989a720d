package org.dbb.console.core.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.AuthenticationRecord;

/**
 * A built azure-identity credential, with the prompt that signs an operator in when the method has one (browser,
 * device code), and whether it writes to the persistent token cache. Immutable; the credential is thread-safe.
 *
 * @param tokens     the credential that supplies tokens
 * @param prompt     signs in interactively and returns the account's record
 * @param persistent whether the credential uses the operating system's secure token cache
 */
record SignInCredential(TokenCredential tokens, Optional<Function<TokenRequestContext, AuthenticationRecord>> prompt,
                        boolean persistent) {

    SignInCredential {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(prompt, "prompt");
    }
}
