package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.azure.core.credential.AccessToken;
import com.azure.core.exception.ClientAuthenticationException;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the operating system cannot protect the token cache, tokens stay in memory and the operator is told once.
 * The failures are shaped as azure-identity 1.18 raises them on Linux without libsecret (observed on this build's
 * machine): "Shared token cache is unavailable in this environment." caused by UnsatisfiedLinkError the first
 * time, and by NoClassDefFoundError for the persistence extension's class afterwards.
 */
class SecureStorageFallbackTest {

    private static final OffsetDateTime IN_AN_HOUR = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);

    @TempDir
    Path dir;

    private final List<SignInStatus> published = new CopyOnWriteArrayList<>();

    static RuntimeException noLibsecret() {
        return new ClientAuthenticationException("Shared token cache is unavailable in this environment.", null,
                new UnsatisfiedLinkError("Unable to load library 'libsecret-1'"));
    }

    static RuntimeException noLibsecretAgain() {
        return new ClientAuthenticationException("Shared token cache is unavailable in this environment.", null,
                new NoClassDefFoundError("Could not initialize class"
                        + " com.microsoft.aad.msal4jextensions.persistence.linux.ISecurityLibrary"));
    }

    private FakeEnvironment environment(String name, SecureTokenStore store) {
        FakeEnvironment env = new FakeEnvironment(dir, null);
        env.name = name;
        env.method = AuthMethod.SERVICE_PRINCIPAL;
        env.store = store;
        env.listener = published::add;
        env.credentials = persistent -> persistent
                ? FakeCredential.failing(noLibsecret())
                : new FakeCredential(ctx -> new AccessToken("memory-token", IN_AN_HOUR));
        return env;
    }

    @Test
    void aFailingSecureCacheFallsBackToMemoryAndTheTokenStillComes() {
        SecureTokenStore store = new SecureTokenStore("dbb-console", SecureStorageProbe.assumeAvailable());
        FakeEnvironment env = environment("prod", store);
        AzureEnvironmentTokens tokens = env.build();

        assertThat(tokens.token(TokenScope.FABRIC, false).value()).isEqualTo("memory-token");

        assertThat(env.builtPersistent).containsExactly(true, false);
        assertThat(tokens.status().storage()).isEqualTo(TokenStorage.MEMORY_ONLY);
        assertThat(store.available()).isFalse();
    }

    @Test
    void theOperatorIsToldOnceForTheWholeConsole() {
        SecureTokenStore store = new SecureTokenStore("dbb-console", SecureStorageProbe.assumeAvailable());
        FakeEnvironment prod = environment("prod", store);
        prod.build().token(TokenScope.FABRIC, false);
        FakeEnvironment test = environment("test", store);
        AzureEnvironmentTokens testTokens = test.build();
        testTokens.token(TokenScope.FABRIC, false);

        assertThat(published).flatExtracting(s -> s.notice().stream().toList())
                .containsExactly("tokens are kept in memory only: no secure storage (keyring) was found; you will"
                        + " be asked to sign in again next start");
        assertThat(test.builtPersistent).containsExactly(false);
        assertThat(testTokens.status().notice()).isEmpty();
    }

    @Test
    void aProbeThatFindsNoKeyringAnnouncesMemoryOnlyWithTheFirstStatus() {
        SecureTokenStore store = new SecureTokenStore("dbb-console", () -> Optional.of("no keyring"));
        FakeEnvironment env = environment("prod", store);

        env.build();

        assertThat(env.builtPersistent).containsExactly(false);
        assertThat(published).singleElement().satisfies(s -> {
            assertThat(s.storage()).isEqualTo(TokenStorage.MEMORY_ONLY);
            assertThat(s.notice()).contains(SecureTokenStore.MEMORY_ONLY_NOTICE);
        });
    }

    @Test
    void methodsWithoutAPersistentCacheNeitherCarryNorConsumeTheNotice() {
        SecureTokenStore store = new SecureTokenStore("dbb-console", () -> Optional.of("no keyring"));
        FakeEnvironment cli = environment("cli", store);
        cli.method = AuthMethod.AZURE_CLI;
        cli.build();
        environment("prod", store).build();

        assertThat(published).extracting(s -> s.notice().isPresent()).containsExactly(false, true);
    }

    @Test
    void theBrowserPromptAlsoFallsBackToMemory() {
        SecureTokenStore store = new SecureTokenStore("dbb-console", SecureStorageProbe.assumeAvailable());
        FakeEnvironment env = environment("prod", store);
        env.method = AuthMethod.INTERACTIVE;
        List<Boolean> promptedPersistent = new CopyOnWriteArrayList<>();
        env.credentials = persistent -> new FakeCredential(ctx -> new AccessToken("t", IN_AN_HOUR));
        env.prompt = Optional.of(ctx -> {
            promptedPersistent.add(store.available());
            if (store.available()) {
                throw noLibsecretAgain();
            }
            return FakeEnvironment.record("ops@contoso.com");
        });
        AzureEnvironmentTokens tokens = env.build();

        tokens.signIn();

        assertThat(promptedPersistent).containsExactly(true, false);
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_IN);
        assertThat(tokens.status().storage()).isEqualTo(TokenStorage.MEMORY_ONLY);
    }

    @Test
    void aStorageFailureOfAMemoryOnlyCredentialIsAnOrdinaryFailure() {
        SecureTokenStore store = new SecureTokenStore("dbb-console", () -> Optional.of("no keyring"));
        FakeEnvironment env = environment("prod", store);
        env.credentials = persistent -> FakeCredential.failing(noLibsecret());

        assertThatThrownBy(() -> env.build().token(TokenScope.FABRIC, false)).isInstanceOf(SignInException.class);
        assertThat(env.builtPersistent).containsExactly(false);
    }

    @Test
    void recognisesAzureIdentitysStorageFailuresAndNothingElse() {
        assertThat(SecureTokenStore.isStorageFailure(noLibsecret())).isTrue();
        assertThat(SecureTokenStore.isStorageFailure(noLibsecretAgain())).isTrue();
        assertThat(SecureTokenStore.isStorageFailure(new ClientAuthenticationException("AADSTS7000215: Invalid"
                + " client secret provided.", null))).isFalse();
    }

    @Test
    void linuxWithoutLibsecretHasNoSecureStorage() {
        SecureStorageProbe probe = SecureStorageProbe.forOperatingSystem("Linux", Map.<String, String>of()::get,
                path -> false);

        assertThat(probe.unavailableReason()).contains("no secure storage (keyring) was found: libsecret-1 is not"
                + " installed");
    }

    @Test
    void linuxWithLibsecretOnTheLibraryPathMayHaveSecureStorage() {
        Set<Path> present = Set.of(Path.of("/opt/lib/libsecret-1.so.0"));
        SecureStorageProbe probe = SecureStorageProbe.forOperatingSystem("Linux",
                Map.of("LD_LIBRARY_PATH", "/opt/lib")::get, present::contains);

        assertThat(probe.unavailableReason()).isEmpty();
    }

    @Test
    void windowsAndMacosAlwaysHaveSecureStorage() {
        assertThat(SecureStorageProbe.forOperatingSystem("Windows 11", n -> null, p -> false).unavailableReason())
                .isEmpty();
        assertThat(SecureStorageProbe.forOperatingSystem("Mac OS X", n -> null, p -> false).unavailableReason())
                .isEmpty();
    }
}
