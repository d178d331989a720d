package org.dbb.console.core.auth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.AuthenticationRecord;
import org.dbb.console.core.workspace.config.AuthMethod;

/** Builds an {@link AzureEnvironmentTokens} over fake credentials, recording which credentials were built. */
final class FakeEnvironment {

    String name = "prod";
    AuthMethod method = AuthMethod.INTERACTIVE;
    Clock clock = Clock.systemUTC();
    SignInListener listener = SignInListener.NONE;
    SecureTokenStore store = new SecureTokenStore("dbb-console", SecureStorageProbe.assumeAvailable());
    Path recordsDir;
    /** Given whether the credential is built for the persistent cache, the credential to return. */
    Function<Boolean, TokenCredential> credentials;
    Optional<Function<TokenRequestContext, AuthenticationRecord>> prompt = Optional.empty();
    Optional<String> secret = Optional.empty();
    final List<Boolean> builtPersistent = Collections.synchronizedList(new ArrayList<>());
    final List<Optional<AuthenticationRecord>> builtWithRecord = Collections.synchronizedList(new ArrayList<>());

    FakeEnvironment(Path recordsDir, TokenCredential credential) {
        this.recordsDir = recordsDir;
        this.credentials = persistent -> credential;
    }

    SignInSettings settings() {
        Optional<ResolvedSetting> clientSecret = secret.map(s -> new ResolvedSetting("clientSecret", s, true,
                SettingOrigin.VARIABLES, Optional.of("$ENV:DBB_SP_SECRET")));
        return new SignInSettings(name, method,
                Optional.of(literal("tenant", "contoso.onmicrosoft.com")),
                Optional.of(literal("clientId", "11111111-2222-3333-4444-555555555555")),
                clientSecret, Optional.empty());
    }

    AzureEnvironmentTokens build() {
        SignInSettings settings = settings();
        SignInErrors errors = new SignInErrors(settings, "http://localhost:8400",
                new Redactor(settings.secretValues()));
        AzureEnvironmentTokens.CredentialSource source = (cache, record) -> {
            builtPersistent.add(cache.isPresent());
            builtWithRecord.add(record);
            return new SignInCredential(credentials.apply(cache.isPresent()), prompt, cache.isPresent());
        };
        Optional<String> fixed = method == AuthMethod.SERVICE_PRINCIPAL
                ? Optional.of("service principal " + settings.clientIdDisplay()) : Optional.empty();
        return new AzureEnvironmentTokens(name, method, source, store, new AuthenticationRecords(recordsDir), errors,
                fixed, listener, clock, Duration.ofMinutes(5));
    }

    static ResolvedSetting literal(String setting, String value) {
        return new ResolvedSetting(setting, value, false, SettingOrigin.LITERAL, Optional.empty());
    }

    static AuthenticationRecord record(String username) {
        String json = "{\"authority\":\"login.microsoftonline.com\",\"homeAccountId\":\"oid.tid\","
                + "\"tenantId\":\"tid\",\"username\":\"" + username + "\",\"clientId\":\"cid\"}";
        return AuthenticationRecord.deserialize(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
