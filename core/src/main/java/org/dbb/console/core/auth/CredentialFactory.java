package org.dbb.console.core.auth;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.AzureAuthorityHosts;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.DeviceCodeCredential;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.DeviceCodeInfo;
import com.azure.identity.InteractiveBrowserCredential;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import com.azure.identity.TokenCachePersistenceOptions;

/**
 * Builds the azure-identity credential for an environment's sign-in method. Every credential talks HTTP through
 * the console's shared OkHttp client, runs its MSAL work on the injected executor, and never authenticates on its
 * own: browser and device-code prompts happen only when the operator asks. Building makes no network call.
 * Immutable and thread-safe.
 */
final class CredentialFactory {

    private static final Set<String> MICROSOFT_CLOUDS = Set.of(AzureAuthorityHosts.AZURE_PUBLIC_CLOUD,
            AzureAuthorityHosts.AZURE_CHINA, AzureAuthorityHosts.AZURE_GOVERNMENT)
            .stream().map(CredentialFactory::hostOf).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final HttpClient http;
    private final SignInOptions options;
    private final DeviceCodePrompt deviceCodePrompt;
    private final Optional<ExecutorService> executor;

    CredentialFactory(HttpClient http, SignInOptions options, DeviceCodePrompt deviceCodePrompt,
                      Optional<ExecutorService> executor) {
        this.http = http;
        this.options = options;
        this.deviceCodePrompt = deviceCodePrompt;
        this.executor = executor;
    }

    /**
     * The credential for {@code s}.
     *
     * @param cache  the persistent cache to use, when the method supports one and secure storage is available
     * @param record the account that signed in before, for silent sign-in (browser and device code only)
     */
    SignInCredential create(SignInSettings s, Optional<TokenCachePersistenceOptions> cache,
                            Optional<AuthenticationRecord> record) {
        return switch (s.method()) {
            case INTERACTIVE -> interactive(s, cache, record);
            case DEVICE_CODE -> deviceCode(s, cache, record);
            case SERVICE_PRINCIPAL -> servicePrincipal(s, cache);
            case AZURE_CLI -> azureCli(s);
            case DEFAULT -> defaultChain(s);
        };
    }

    private SignInCredential interactive(SignInSettings s, Optional<TokenCachePersistenceOptions> cache,
                                         Optional<AuthenticationRecord> record) {
        InteractiveBrowserCredentialBuilder b = aad(new InteractiveBrowserCredentialBuilder(), s)
                .redirectUrl(options.redirectUrl())
                .disableAutomaticAuthentication();
        s.clientIdValue().ifPresent(b::clientId);
        options.loginHint().or(() -> record.map(AuthenticationRecord::getUsername)).ifPresent(b::loginHint);
        cache.ifPresent(b::tokenCachePersistenceOptions);
        record.ifPresent(b::authenticationRecord);
        InteractiveBrowserCredential credential = b.build();
        Function<TokenRequestContext, AuthenticationRecord> prompt = ctx -> credential.authenticate(ctx).block();
        return new SignInCredential(credential, Optional.of(prompt), cache.isPresent());
    }

    private SignInCredential deviceCode(SignInSettings s, Optional<TokenCachePersistenceOptions> cache,
                                        Optional<AuthenticationRecord> record) {
        DeviceCodeCredentialBuilder b = aad(new DeviceCodeCredentialBuilder(), s)
                .challengeConsumer(this::showDeviceCode)
                .disableAutomaticAuthentication();
        s.clientIdValue().ifPresent(b::clientId);
        cache.ifPresent(b::tokenCachePersistenceOptions);
        record.ifPresent(b::authenticationRecord);
        DeviceCodeCredential credential = b.build();
        Function<TokenRequestContext, AuthenticationRecord> prompt = ctx -> credential.authenticate(ctx).block();
        return new SignInCredential(credential, Optional.of(prompt), cache.isPresent());
    }

    private void showDeviceCode(DeviceCodeInfo info) {
        deviceCodePrompt.show(new DeviceCode(info.getUserCode(), info.getVerificationUrl(), info.getMessage(),
                info.getExpiresOn().withOffsetSameInstant(ZoneOffset.UTC).toInstant()));
    }

    private SignInCredential servicePrincipal(SignInSettings s, Optional<TokenCachePersistenceOptions> cache) {
        String tenant = s.tenantId().orElseThrow();
        String clientId = s.clientIdValue().orElseThrow();
        if (s.certificatePath().isPresent()) {
            String path = s.certificatePath().get().value();
            ClientCertificateCredentialBuilder b = aad(new ClientCertificateCredentialBuilder(), s)
                    .tenantId(tenant).clientId(clientId);
            if (isPfx(path)) {
                b.pfxCertificate(path);
            } else {
                b.pemCertificate(path);
            }
            cache.ifPresent(b::tokenCachePersistenceOptions);
            return new SignInCredential(b.build(), Optional.empty(), cache.isPresent());
        }
        ClientSecretCredentialBuilder b = aad(new ClientSecretCredentialBuilder(), s)
                .tenantId(tenant).clientId(clientId)
                .clientSecret(s.clientSecret().orElseThrow().value());
        cache.ifPresent(b::tokenCachePersistenceOptions);
        return new SignInCredential(b.build(), Optional.empty(), cache.isPresent());
    }

    private SignInCredential azureCli(SignInSettings s) {
        AzureCliCredentialBuilder b = new AzureCliCredentialBuilder().httpClient(http);
        s.tenantId().ifPresent(b::tenantId);
        return new SignInCredential(b.build(), Optional.empty(), false);
    }

    private SignInCredential defaultChain(SignInSettings s) {
        DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder().httpClient(http);
        s.tenantId().ifPresent(b::tenantId);
        executor.ifPresent(b::executorService);
        options.authorityHost().ifPresent(host -> {
            b.authorityHost(host.toString());
            if (!isMicrosoftCloud(host)) {
                b.disableInstanceDiscovery();
            }
        });
        return new SignInCredential(b.build(), Optional.empty(), false);
    }

    /** The settings every Entra ID credential shares: tenant, HTTP client, executor, authority. */
    private <T extends AadCredentialBuilderBase<T>> T aad(T builder, SignInSettings s) {
        builder.httpClient(http);
        s.tenantId().ifPresent(builder::tenantId);
        executor.ifPresent(builder::executorService);
        options.authorityHost().ifPresent(host -> {
            builder.authorityHost(host.toString());
            // Instance discovery asks login.microsoftonline.com whether the authority is genuine; a private or
            // local authority is unknown there, and the question would leave the machine.
            if (!isMicrosoftCloud(host)) {
                builder.disableInstanceDiscovery();
            }
        });
        return builder;
    }

    static boolean isMicrosoftCloud(URI host) {
        return MICROSOFT_CLOUDS.contains(hostOf(host.toString()));
    }

    private static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static boolean isPfx(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".pfx") || lower.endsWith(".p12");
    }
}
