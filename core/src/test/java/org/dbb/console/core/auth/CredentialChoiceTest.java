package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.azure.identity.AzureCliCredential;
import com.azure.identity.ClientCertificateCredential;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.DeviceCodeCredential;
import com.azure.identity.InteractiveBrowserCredential;
import com.azure.identity.TokenCachePersistenceOptions;
import okhttp3.OkHttpClient;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which azure-identity credential each sign-in method builds; building makes no network call. */
class CredentialChoiceTest {

    private static final Optional<TokenCachePersistenceOptions> CACHE =
            Optional.of(new TokenCachePersistenceOptions().setName("dbb-console"));

    @TempDir
    Path dir;

    private EnvironmentSignIn signIn(SecureStorageProbe probe) {
        return EnvironmentSignIn.builder(new OkHttpClient(), new DataDirectories(dir))
                .deviceCodePrompt(code -> { })
                .secureStorageProbe(probe)
                .osEnvironment(name -> null)
                .build();
    }

    private SignInCredential credentialFor(AuthMethod method, Optional<String> secret, Optional<Path> certificate) {
        SignInSettings s = new SignInSettings("prod", method,
                Optional.of(FakeEnvironment.literal("tenant", "contoso.onmicrosoft.com")),
                Optional.of(FakeEnvironment.literal("clientId", "11111111-2222-3333-4444-555555555555")),
                secret.map(v -> new ResolvedSetting("clientSecret", v, true, SettingOrigin.LITERAL, Optional.empty())),
                certificate.map(p -> FakeEnvironment.literal("certificatePath", p.toString())));
        return signIn(SecureStorageProbe.assumeAvailable()).credentialFactory().create(s, CACHE, Optional.empty());
    }

    static EnvironmentSettings environment(String name, AuthMethod method, String tenant, Optional<String> secret,
                                           Optional<String> certificate) {
        return new EnvironmentSettings(name, false, Optional.of(SettingValue.plain("DBB Prod")),
                Optional.of(SettingValue.plain(tenant)), method,
                Optional.of(SettingValue.plain("11111111-2222-3333-4444-555555555555")),
                secret.map(SettingValue::secret), certificate.map(SettingValue::plain), Optional.empty(), Map.of(),
                true, Optional.empty(), Optional.empty());
    }

    @Test
    void interactiveSignInUsesTheBrowserCredentialWithAnOperatorPromptAndThePersistentCache() {
        SignInCredential c = credentialFor(AuthMethod.INTERACTIVE, Optional.empty(), Optional.empty());

        assertThat(c.tokens()).isInstanceOf(InteractiveBrowserCredential.class);
        assertThat(c.prompt()).isPresent();
        assertThat(c.persistent()).isTrue();
    }

    @Test
    void deviceCodeSignInUsesTheDeviceCodeCredentialWithAnOperatorPrompt() {
        SignInCredential c = credentialFor(AuthMethod.DEVICE_CODE, Optional.empty(), Optional.empty());

        assertThat(c.tokens()).isInstanceOf(DeviceCodeCredential.class);
        assertThat(c.prompt()).isPresent();
        assertThat(c.persistent()).isTrue();
    }

    @Test
    void azureCliSignInUsesTheCliCredentialAndNeverThePersistentCache() {
        SignInCredential c = credentialFor(AuthMethod.AZURE_CLI, Optional.empty(), Optional.empty());

        assertThat(c.tokens()).isInstanceOf(AzureCliCredential.class);
        assertThat(c.prompt()).isEmpty();
        assertThat(c.persistent()).isFalse();
    }

    @Test
    void theDefaultMethodUsesTheDefaultChainWithoutPersistentCache() {
        SignInCredential c = credentialFor(AuthMethod.DEFAULT, Optional.empty(), Optional.empty());

        assertThat(c.tokens()).isInstanceOf(DefaultAzureCredential.class);
        assertThat(c.persistent()).isFalse();
    }

    @Test
    void aServicePrincipalWithASecretUsesTheClientSecretCredential() {
        SignInCredential c = credentialFor(AuthMethod.SERVICE_PRINCIPAL, Optional.of("a-long-client-secret"),
                Optional.empty());

        assertThat(c.tokens()).isInstanceOf(ClientSecretCredential.class);
        assertThat(c.prompt()).isEmpty();
        assertThat(c.persistent()).isTrue();
    }

    @Test
    void aServicePrincipalWithACertificateUsesTheCertificateCredentialEvenWhenASecretIsAlsoGiven() throws Exception {
        Path pem = LocalTls.load().writePem(dir);

        assertThat(credentialFor(AuthMethod.SERVICE_PRINCIPAL, Optional.empty(), Optional.of(pem)).tokens())
                .isInstanceOf(ClientCertificateCredential.class);
        assertThat(credentialFor(AuthMethod.SERVICE_PRINCIPAL, Optional.of("a-long-client-secret"), Optional.of(pem))
                .tokens()).isInstanceOf(ClientCertificateCredential.class);
    }

    @Test
    void anEmulatorEnvironmentGetsTheFixedTokenAndNeedsNoSignIn() {
        EnvironmentTokens tokens = signIn(SecureStorageProbe.assumeAvailable())
                .tokensFor(EnvironmentSettings.sandbox(), Map.of());

        assertThat(tokens).isInstanceOf(EmulatorTokens.class);
        assertThat(tokens.token(TokenScope.FABRIC, true).value()).isEqualTo(EmulatorTokens.TOKEN_VALUE);
        assertThat(tokens.status().state()).isEqualTo(SignInState.NOT_NEEDED);
        assertThat(tokens.status().storage()).isEqualTo(TokenStorage.NONE);
    }

    @Test
    void thePersistentCacheIsOfferedOnlyWhereSecureStorageExists() {
        EnvironmentTokens secure = signIn(SecureStorageProbe.assumeAvailable())
                .tokensFor(environment("prod", AuthMethod.INTERACTIVE, "contoso.onmicrosoft.com", Optional.empty(),
                        Optional.empty()), Map.of());
        EnvironmentTokens memory = signIn(() -> Optional.of("no keyring"))
                .tokensFor(environment("prod", AuthMethod.INTERACTIVE, "contoso.onmicrosoft.com", Optional.empty(),
                        Optional.empty()), Map.of());

        assertThat(secure.status().storage()).isEqualTo(TokenStorage.SECURE_STORAGE);
        assertThat(memory.status().storage()).isEqualTo(TokenStorage.MEMORY_ONLY);
    }

    @Test
    void thePersistentCacheIsNamedForTheConsoleAndNeverUnencrypted() {
        SecureTokenStore store = new SecureTokenStore("dbb-console", SecureStorageProbe.assumeAvailable());

        TokenCachePersistenceOptions options = store.persistenceOptions().orElseThrow();

        assertThat(options.getName()).isEqualTo("dbb-console");
        assertThat(options.isUnencryptedStorageAllowed()).isFalse();
    }

    @Test
    void aServicePrincipalSecretIsResolvedFromTheVariableGroup() {
        EnvironmentTokens tokens = signIn(() -> Optional.of("no keyring")).tokensFor(
                environment("prod", AuthMethod.SERVICE_PRINCIPAL, "contoso.onmicrosoft.com",
                        Optional.of("$ENV:DBB_SP_SECRET"), Optional.empty()),
                Map.of("DBB_SP_SECRET", VariableValue.secret("resolved-from-group")));

        assertThat(tokens.status().account()).contains("service principal 11111111-2222-3333-4444-555555555555");
    }

    @Test
    void anUnresolvedSecretStopsTheEnvironmentWithAClearMessage() {
        assertThatThrownBy(() -> signIn(SecureStorageProbe.assumeAvailable()).tokensFor(
                environment("prod", AuthMethod.SERVICE_PRINCIPAL, "contoso.onmicrosoft.com",
                        Optional.of("$ENV:DBB_SP_SECRET"), Optional.empty()), Map.of()))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("environments.prod.clientSecret refers to $ENV:DBB_SP_SECRET");
    }

    @Test
    void aMissingCertificateFileIsReportedBeforeAnySignIn() {
        assertThatThrownBy(() -> signIn(SecureStorageProbe.assumeAvailable()).tokensFor(
                environment("prod", AuthMethod.SERVICE_PRINCIPAL, "contoso.onmicrosoft.com", Optional.empty(),
                        Optional.of(dir.resolve("missing.pem").toString())), Map.of()))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("environments.prod.certificatePath")
                .hasMessageContaining("is not a readable file")
                .extracting(e -> ((SignInException) e).failure()).isEqualTo(SignInFailure.CERTIFICATE_REJECTED);
    }

    @Test
    void aMalformedTenantIsReportedAsAWrongTenant() {
        assertThatThrownBy(() -> signIn(SecureStorageProbe.assumeAvailable()).tokensFor(
                environment("prod", AuthMethod.INTERACTIVE, "not a tenant!", Optional.empty(), Optional.empty()),
                Map.of()))
                .isInstanceOf(SignInException.class)
                .hasMessage("tenant not a tenant! of prod is not a valid tenant id or domain: check"
                        + " environments.prod.tenant")
                .extracting(e -> ((SignInException) e).failure()).isEqualTo(SignInFailure.WRONG_TENANT);
    }

    @Test
    void deviceCodeSignInWithoutAPromptIsRefusedWhenTheConsoleIsAssembled() {
        EnvironmentSignIn noPrompt = EnvironmentSignIn.builder(new OkHttpClient(), new DataDirectories(dir))
                .secureStorageProbe(SecureStorageProbe.assumeAvailable()).build();

        assertThatThrownBy(() -> noPrompt.tokensFor(environment("prod", AuthMethod.DEVICE_CODE,
                "contoso.onmicrosoft.com", Optional.empty(), Optional.empty()), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DeviceCodePrompt");
    }

    @Test
    void theAuthorityHostMustBeHttpsBecauseAzureIdentityAcceptsNothingElse() {
        assertThatThrownBy(() -> SignInOptions.defaults().withAuthorityHost(URI.create("http://127.0.0.1:8080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an https URL");
    }

    @Test
    void instanceDiscoveryStaysOnOnlyForMicrosoftClouds() {
        assertThat(CredentialFactory.isMicrosoftCloud(URI.create("https://login.microsoftonline.com/"))).isTrue();
        assertThat(CredentialFactory.isMicrosoftCloud(URI.create("https://login.microsoftonline.us"))).isTrue();
        assertThat(CredentialFactory.isMicrosoftCloud(URI.create("https://127.0.0.1:8443"))).isFalse();
    }

    @Test
    void nothingIsWrittenUntilSomeoneSignsIn() throws Exception {
        signIn(SecureStorageProbe.assumeAvailable()).tokensFor(environment("prod", AuthMethod.INTERACTIVE,
                "contoso.onmicrosoft.com", Optional.empty(), Optional.empty()), Map.of());

        assertThat(Files.exists(new DataDirectories(dir).signInRecords())).isFalse();
    }
}
