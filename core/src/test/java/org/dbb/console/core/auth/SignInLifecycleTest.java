package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.azure.core.credential.AccessToken;
import com.azure.identity.AuthenticationRequiredException;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInLifecycleTest {

    private static final OffsetDateTime IN_AN_HOUR = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);

    @TempDir
    Path dir;

    private final List<SignInStatus> published = new CopyOnWriteArrayList<>();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private FakeEnvironment environment(FakeCredential credential) {
        FakeEnvironment env = new FakeEnvironment(dir, credential);
        env.listener = published::add;
        return env;
    }

    private static FakeCredential needsSignInUntilPrompted() {
        return new FakeCredential(ctx -> {
            throw new AuthenticationRequiredException("Interactive authentication is needed to acquire token.", ctx);
        });
    }

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void anEnvironmentStartsSignedOutAndAnnouncesIt() {
        AzureEnvironmentTokens tokens = environment(needsSignInUntilPrompted()).build();

        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_OUT);
        assertThat(tokens.status().canSignIn()).isTrue();
        assertThat(published).singleElement().extracting(SignInStatus::state).isEqualTo(SignInState.SIGNED_OUT);
    }

    @Test
    void aTokenRequestBeforeSigningInSaysSignInRequiredAndStaysSignedOut() {
        AzureEnvironmentTokens tokens = environment(needsSignInUntilPrompted()).build();

        assertThatThrownBy(() -> tokens.token(TokenScope.FABRIC, false))
                .isInstanceOf(SignInException.class)
                .hasMessage("sign-in required for prod: choose Sign in");
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_OUT);
        assertThat(tokens.status().message()).contains("sign-in required for prod: choose Sign in");
    }

    @Test
    void withoutARememberedAccountTheBrowserMethodDoesNotBotherAzureIdentity() {
        FakeCredential credential = needsSignInUntilPrompted();
        AzureEnvironmentTokens tokens = environment(credential).build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.token(TokenScope.FABRIC, false))
                    .hasMessage("sign-in required for prod: choose Sign in");
        }
        assertThat(credential.calls()).isZero();
        assertThat(published).extracting(SignInStatus::state)
                .containsExactly(SignInState.SIGNED_OUT, SignInState.SIGNED_OUT);
        assertThat(published.get(1).message()).contains("sign-in required for prod: choose Sign in");
    }

    @Test
    void aTokenMarksTheEnvironmentSignedInWithTheAccountAndExpiry() {
        FakeCredential credential = new FakeCredential(ctx -> new AccessToken(
                jwt("{\"upn\":\"ops@contoso.com\"}"), IN_AN_HOUR));
        FakeEnvironment env = environment(credential);
        env.method = AuthMethod.AZURE_CLI;
        AzureEnvironmentTokens tokens = env.build();

        tokens.token(TokenScope.FABRIC, false);

        SignInStatus status = tokens.status();
        assertThat(status.state()).isEqualTo(SignInState.SIGNED_IN);
        assertThat(status.account()).contains("ops@contoso.com");
        assertThat(status.expiresAt()).contains(IN_AN_HOUR.toInstant());
        assertThat(status.storage()).isEqualTo(TokenStorage.MEMORY_ONLY);
    }

    @Test
    void signingInPromptsRemembersTheAccountAndLaterTokensComeSilently() {
        FakeCredential credential = needsSignInUntilPrompted();
        FakeEnvironment env = environment(credential);
        env.prompt = Optional.of(ctx -> {
            credential.answer(c -> new AccessToken("user-token", IN_AN_HOUR));
            return FakeEnvironment.record("ops@contoso.com");
        });
        AzureEnvironmentTokens tokens = env.build();

        tokens.signIn();

        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_IN);
        assertThat(tokens.status().account()).contains("ops@contoso.com");
        assertThat(tokens.token(TokenScope.POWER_BI, false).value()).isEqualTo("user-token");
        assertThat(published).extracting(SignInStatus::state).containsExactly(SignInState.SIGNED_OUT,
                SignInState.SIGNING_IN, SignInState.SIGNED_IN, SignInState.SIGNED_IN);
        assertThat(Files.exists(new AuthenticationRecords(dir).fileOf("prod"))).isTrue();
    }

    @Test
    void aRestartUsesTheRememberedAccountForSilentSignIn() {
        new AuthenticationRecords(dir).save("prod", FakeEnvironment.record("ops@contoso.com"));
        FakeEnvironment env = environment(new FakeCredential(ctx -> new AccessToken("silent", IN_AN_HOUR)));

        AzureEnvironmentTokens tokens = env.build();

        assertThat(env.builtWithRecord).singleElement().satisfies(r ->
                assertThat(r).get().extracting(com.azure.identity.AuthenticationRecord::getUsername)
                        .isEqualTo("ops@contoso.com"));
        assertThat(tokens.status().account()).contains("ops@contoso.com");
        assertThat(tokens.token(TokenScope.FABRIC, false).value()).isEqualTo("silent");
    }

    @Test
    void aRememberedAccountWhoseSilentSignInFailsIsShownAsExpired() {
        new AuthenticationRecords(dir).save("prod", FakeEnvironment.record("ops@contoso.com"));
        AzureEnvironmentTokens tokens = environment(needsSignInUntilPrompted()).build();

        assertThatThrownBy(() -> tokens.token(TokenScope.FABRIC, false))
                .hasMessage("sign-in required for prod: choose Sign in");
        assertThat(tokens.status().state()).isEqualTo(SignInState.EXPIRED);
        assertThat(tokens.status().account()).contains("ops@contoso.com");
    }

    @Test
    void signingOutForgetsTheAccountAndRebuildsTheCredential() {
        new AuthenticationRecords(dir).save("prod", FakeEnvironment.record("ops@contoso.com"));
        FakeEnvironment env = environment(new FakeCredential(ctx -> new AccessToken("silent", IN_AN_HOUR)));
        AzureEnvironmentTokens tokens = env.build();

        tokens.signOut();

        assertThat(Files.exists(new AuthenticationRecords(dir).fileOf("prod"))).isFalse();
        assertThat(env.builtWithRecord).hasSize(2).last().isEqualTo(Optional.empty());
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_OUT);
        assertThat(tokens.status().account()).isEmpty();
    }

    @Test
    void aCancelledSignInReturnsToSignedOutWithAMessage() {
        FakeEnvironment env = environment(needsSignInUntilPrompted());
        env.prompt = Optional.of(ctx -> {
            throw new RuntimeException(new InterruptedException());
        });
        AzureEnvironmentTokens tokens = env.build();

        assertThatThrownBy(tokens::signIn).isInstanceOf(SignInException.class)
                .extracting(e -> ((SignInException) e).failure()).isEqualTo(SignInFailure.CANCELLED);
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_OUT);
        assertThat(tokens.status().message()).get().asString().contains("was cancelled");
    }

    @Test
    void aFailedSignInShowsWhatToDo() {
        FakeEnvironment env = environment(needsSignInUntilPrompted());
        env.prompt = Optional.of(ctx -> {
            throw new IllegalStateException("AADSTS65001: The user or administrator has not consented.");
        });
        AzureEnvironmentTokens tokens = env.build();

        assertThatThrownBy(tokens::signIn).isInstanceOf(SignInException.class);
        assertThat(tokens.status().state()).isEqualTo(SignInState.FAILED);
        assertThat(tokens.status().message()).get().asString().contains("grant admin consent");
    }

    @Test
    void signingInWithoutAPromptProvesTheSettingsWithAFreshToken() {
        FakeCredential credential = FakeCredential.numbered("sp", IN_AN_HOUR.minusHours(1), 60);
        FakeEnvironment env = environment(credential);
        env.method = AuthMethod.SERVICE_PRINCIPAL;
        AzureEnvironmentTokens tokens = env.build();
        tokens.token(TokenScope.FABRIC, false);

        tokens.signIn();

        assertThat(credential.calls()).isEqualTo(2);
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_IN);
        assertThat(tokens.status().account()).contains("service principal 11111111-2222-3333-4444-555555555555");
    }

    @Test
    void aFailingListenerDoesNotBreakSignIn() {
        FakeEnvironment env = new FakeEnvironment(dir, new FakeCredential(ctx -> new AccessToken("t", IN_AN_HOUR)));
        env.method = AuthMethod.AZURE_CLI;
        env.listener = status -> {
            throw new IllegalStateException("listener bug");
        };

        AzureEnvironmentTokens tokens = env.build();

        assertThat(tokens.token(TokenScope.FABRIC, false).value()).isEqualTo("t");
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_IN);
    }

    @Test
    void theEmulatorNeverNeedsASignIn() {
        EmulatorTokens tokens = new EmulatorTokens("sandbox");

        tokens.signIn();
        tokens.signOut();

        assertThat(tokens.status()).isEqualTo(SignInStatus.notNeeded("sandbox"));
        assertThat(tokens.status().canSignIn()).isFalse();
        assertThat(tokens.token(TokenScope.SQL, false).expiresAt()).isAfter(IN_AN_HOUR.toInstant());
    }

    @Test
    void anUnreadableRecordCostsOnlyANewSignIn() throws Exception {
        AuthenticationRecords records = new AuthenticationRecords(dir);
        Files.writeString(records.fileOf("prod"), "{ not json", StandardCharsets.UTF_8);

        assertThat(records.load("prod")).isEmpty();
    }

    @Test
    void recordFilesAreNamedSafelyPerEnvironment() {
        AuthenticationRecords records = new AuthenticationRecords(dir);

        assertThat(records.fileOf("../etc/passwd").getFileName().toString()).isEqualTo(".._etc_passwd.json");
        assertThat(records.fileOf("../etc/passwd").getParent()).isEqualTo(dir);
    }

    @Test
    void theRequestedScopeIsPassedToAzureIdentity() {
        FakeCredential credential = new FakeCredential(ctx -> new AccessToken("t", IN_AN_HOUR));
        FakeEnvironment env = environment(credential);
        env.method = AuthMethod.AZURE_CLI;
        env.build().token(TokenScope.AZURE_DEVOPS, false);

        assertThat(credential.scopes()).containsExactly("499b84ac-1321-427f-aa17-267ca6975798/.default");
    }

}
