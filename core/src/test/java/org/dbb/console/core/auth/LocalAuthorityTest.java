package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real azure-identity credentials against a MockWebServer that plays Entra ID on https://127.0.0.1. azure-identity
 * refuses plain-http authorities, so the server speaks TLS with a test-only certificate the console's OkHttp client
 * trusts; instance discovery is off for non-Microsoft authorities, so nothing asks login.microsoftonline.com.
 */
class LocalAuthorityTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "planted-client-secret-value-42";

    @TempDir
    Path dir;

    private final MockWebServer entra = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<SignInStatus> statuses = new CopyOnWriteArrayList<>();
    private final ExecutorService msal = Executors.newCachedThreadPool();
    private LocalTls tls;
    private volatile MockResponse tokenResponse;

    @BeforeEach
    void startEntra() throws Exception {
        tls = LocalTls.load();
        entra.useHttps(tls.serverSocketFactory(), false);
        entra.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getPath();
                if (path.endsWith("/oauth2/v2.0/devicecode")) {
                    return json("{\"user_code\":\"ABCD-EFGH\",\"device_code\":\"device-code-never-shown\","
                            + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,"
                            + "\"interval\":1,\"message\":\"To sign in, open https://microsoft.com/devicelogin and"
                            + " enter the code ABCD-EFGH.\"}");
                }
                if (path.endsWith("/oauth2/v2.0/token")) {
                    return tokenResponse;
                }
                return new MockResponse().setResponseCode(404);
            }
        });
        entra.start();
    }

    @AfterEach
    void stopEntra() throws Exception {
        entra.shutdown();
        msal.shutdownNow();
    }

    private EnvironmentSignIn signIn() {
        return EnvironmentSignIn.builder(tls.trustingClient(), new DataDirectories(dir))
                .options(SignInOptions.defaults().withAuthorityHost(URI.create("https://127.0.0.1:" + entra.getPort())))
                .deviceCodePrompt(shown::add)
                .listener(statuses::add)
                .executor(msal)
                // Keeps the test off the machine's keyring and out of ~/.IdentityService.
                .secureStorageProbe(() -> Optional.of("tests keep tokens in memory"))
                .osEnvironment(name -> null)
                .build();
    }

    private final List<DeviceCode> shown = Collections.synchronizedList(new ArrayList<>());

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse appToken(String value) {
        return json("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                + value + "\"}");
    }

    private static MockResponse entraError(int status, String error, String description) {
        return json("{\"error\":\"" + error + "\",\"error_description\":\"" + description
                + " Trace ID: 0000 Correlation ID: 1111 Timestamp: 2025-03-01 10:00:00Z\"}").setResponseCode(status);
    }

    private EnvironmentTokens servicePrincipal(Optional<String> certificate) {
        return signIn().tokensFor(CredentialChoiceTest.environment("prod", AuthMethod.SERVICE_PRINCIPAL, TENANT,
                certificate.isPresent() ? Optional.empty() : Optional.of("$ENV:DBB_SP_SECRET"), certificate),
                Map.of("DBB_SP_SECRET", VariableValue.secret(SECRET)));
    }

    @Test
    void aServicePrincipalObtainsATokenFromTheTenantsTokenEndpointAndReusesIt() throws Exception {
        tokenResponse = appToken("sp-access-token-1");
        EnvironmentTokens tokens = servicePrincipal(Optional.empty());

        AccessToken first = tokens.token(TokenScope.FABRIC, false);
        AccessToken again = tokens.token(TokenScope.FABRIC, false);

        assertThat(first.value()).isEqualTo("sp-access-token-1");
        assertThat(again).isSameAs(first);
        assertThat(first.expiresAt()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3600));
        assertThat(requests).hasSize(1);
        RecordedRequest request = requests.get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
        String body = request.getBody().readUtf8();
        assertThat(body).contains("grant_type=client_credentials", "client_id=" + CLIENT_ID,
                "https%3A%2F%2Fapi.fabric.microsoft.com%2F.default");
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_IN);
        assertThat(tokens.status().account()).contains("service principal " + CLIENT_ID);
        assertThat(tokens.status().expiresAt()).contains(first.expiresAt());
    }

    @Test
    void aServicePrincipalCertificateIsSentAsASignedClientAssertion() throws Exception {
        tokenResponse = appToken("sp-cert-token");
        Path pem = tls.writePem(dir);

        AccessToken token = servicePrincipal(Optional.of(pem.toString())).token(TokenScope.POWER_BI, false);

        assertThat(token.value()).isEqualTo("sp-cert-token");
        String body = requests.get(0).getBody().readUtf8();
        assertThat(body).contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type"
                + "%3Ajwt-bearer", "client_assertion=ey");
        assertThat(body).contains("https%3A%2F%2Fanalysis.windows.net%2Fpowerbi%2Fapi%2F.default")
                .doesNotContain("client_secret");
    }

    @Test
    void aRejectedClientSecretIsReportedInOperatorLanguageWithoutTheSecret() {
        tokenResponse = entraError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure"
                + " the secret being sent in the request is the client secret value, not the client secret ID.");
        EnvironmentTokens tokens = servicePrincipal(Optional.empty());

        assertThatThrownBy(() -> tokens.token(TokenScope.FABRIC, false))
                .isInstanceOf(SignInException.class)
                .hasMessage("the client secret of prod's service principal was rejected (AADSTS7000215): make sure "
                        + "•••••• ($ENV:DBB_SP_SECRET) holds the secret's Value (not its Secret ID) of application "
                        + CLIENT_ID)
                .extracting(e -> ((SignInException) e).failure()).isEqualTo(SignInFailure.INVALID_CLIENT_SECRET);
        assertThat(tokens.status().state()).isEqualTo(SignInState.FAILED);
        assertThat(tokens.status().message()).get().asString().contains("AADSTS7000215").doesNotContain(SECRET);
    }

    @Test
    void anExpiredClientSecretSaysToCreateANewOne() {
        tokenResponse = entraError(401, "invalid_client", "AADSTS7000222: The provided client secret keys for app"
                + " '" + CLIENT_ID + "' are expired.");

        assertThatThrownBy(() -> servicePrincipal(Optional.empty()).token(TokenScope.FABRIC, false))
                .hasMessageContaining("has expired (AADSTS7000222): create a new secret for application " + CLIENT_ID)
                .extracting(e -> ((SignInException) e).failure()).isEqualTo(SignInFailure.EXPIRED_CLIENT_SECRET);
    }

    @Test
    void deviceCodeSignInShowsTheCodeAndRemembersTheAccountWithoutSecrets() throws Exception {
        tokenResponse = json("{\"token_type\":\"Bearer\",\"scope\":\"https://api.fabric.microsoft.com/.default\","
                + "\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"user-access-token\","
                + "\"refresh_token\":\"user-refresh-token\",\"id_token\":\"" + idToken() + "\",\"client_info\":\""
                + b64("{\"uid\":\"oid-1\",\"utid\":\"tid-1\"}") + "\"}");
        EnvironmentSignIn console = signIn();
        EnvironmentTokens tokens = console.tokensFor(CredentialChoiceTest.environment("dev", AuthMethod.DEVICE_CODE,
                TENANT, Optional.empty(), Optional.empty()), Map.of());

        assertThatThrownBy(() -> tokens.token(TokenScope.FABRIC, false))
                .hasMessage("sign-in required for dev: choose Sign in");
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_OUT);

        tokens.signIn();

        assertThat(shown).singleElement().satisfies(code -> {
            assertThat(code.userCode()).isEqualTo("ABCD-EFGH");
            assertThat(code.verificationUrl()).isEqualTo("https://microsoft.com/devicelogin");
            assertThat(code.message()).contains("enter the code ABCD-EFGH");
            assertThat(code.toString()).doesNotContain("device-code-never-shown");
        });
        assertThat(tokens.status().state()).isEqualTo(SignInState.SIGNED_IN);
        assertThat(tokens.status().account()).contains("ops@contoso.com");
        assertThat(statuses).extracting(SignInStatus::state)
                .containsSubsequence(SignInState.SIGNED_OUT, SignInState.SIGNING_IN, SignInState.SIGNED_IN);

        Path record = new DataDirectories(dir).signInRecords().resolve("dev.json");
        String saved = Files.readString(record, StandardCharsets.UTF_8);
        assertThat(saved).contains("ops@contoso.com", "oid-1.tid-1")
                .doesNotContain("user-access-token", "user-refresh-token", "device-code-never-shown", "eyJ");

        EnvironmentTokens afterRestart = signIn().tokensFor(CredentialChoiceTest.environment("dev",
                AuthMethod.DEVICE_CODE, TENANT, Optional.empty(), Optional.empty()), Map.of());
        assertThat(afterRestart.status().account()).contains("ops@contoso.com");
    }

    @Test
    void noRequestEverLeavesForMicrosoftsInstanceDiscovery() {
        tokenResponse = appToken("sp-access-token");

        servicePrincipal(Optional.empty()).token(TokenScope.FABRIC, false);

        assertThat(requests).extracting(RecordedRequest::getPath).noneMatch(p -> p.contains("discovery"));
    }

    private static String idToken() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64("{\"aud\":\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\","
                + "\"iss\":\"https://127.0.0.1/tid-1/v2.0\","
                + "\"iat\":1700000000,\"nbf\":1700000000,\"exp\":4000000000,\"name\":\"Ops Person\","
                + "\"oid\":\"oid-1\",\"preferred_username\":\"ops@contoso.com\",\"sub\":\"sub-1\",\"tid\":\"tid-1\","
                + "\"ver\":\"2.0\"}");
        return header + "." + claims + ".";
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
