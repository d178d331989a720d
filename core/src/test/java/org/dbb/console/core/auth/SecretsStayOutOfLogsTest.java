package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
 * Plants a client secret and an access token, drives successful and failing sign-ins through the real
 * azure-identity stack, and checks that neither value shows up in anything logged (this package at debug,
 * azure-identity and MSAL at their defaults), in messages or in printed objects.
 */
class SecretsStayOutOfLogsTest {

    private static final String SECRET = "planted-secret-Q7x9-kL2m-Zr81";
    private static final String TOKEN = "planted-access-token-W3n5-Hy6u-Pc04";
    /**
     * Entra ID access tokens are JWTs; that shape is what a library message could ever echo. Assembled from its
     * three parts so the source itself never holds anything token-shaped.
     */
    private static final String JWT_TOKEN = String.join(".", "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9",
            "eyJ1cG4iOiJvcHNAY29udG9zby5jb20ifQ", "c2lnbmF0dXJlLXBsYW50ZWQ");

    @TempDir
    Path dir;

    private final MockWebServer entra = new MockWebServer();
    private final ExecutorService msal = Executors.newCachedThreadPool();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<SignInStatus> statuses = new ArrayList<>();
    private volatile boolean rejectSecret;
    private PrintStream originalErr;
    private PrintStream originalOut;
    private LocalTls tls;

    @BeforeEach
    void start() throws Exception {
        tls = LocalTls.load();
        entra.useHttps(tls.serverSocketFactory(), false);
        entra.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (rejectSecret) {
                    return new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                            .setBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid"
                                    + " client secret provided.\"}");
                }
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + TOKEN + "\"}");
            }
        });
        entra.start();
        originalErr = System.err;
        originalOut = System.out;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(originalErr);
        System.setOut(originalOut);
        msal.shutdown();
        msal.awaitTermination(5, TimeUnit.SECONDS);
        entra.shutdown();
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private EnvironmentTokens servicePrincipal() {
        EnvironmentSignIn signIn = EnvironmentSignIn.builder(tls.trustingClient(), new DataDirectories(dir))
                .options(SignInOptions.defaults().withAuthorityHost(URI.create("https://127.0.0.1:" + entra.getPort())))
                .listener(statuses::add)
                .executor(msal)
                .secureStorageProbe(() -> Optional.of("tests keep tokens in memory"))
                .osEnvironment(name -> null)
                .build();
        return signIn.tokensFor(CredentialChoiceTest.environment("prod", AuthMethod.SERVICE_PRINCIPAL,
                "contoso.onmicrosoft.com", Optional.of("$ENV:DBB_SP_SECRET"), Optional.empty()),
                Map.of("DBB_SP_SECRET", VariableValue.secret(SECRET)));
    }

    @Test
    void neitherTheSecretNorTheTokenIsEverLoggedOrPrinted() throws Exception {
        EnvironmentTokens tokens = servicePrincipal();
        AccessToken token = tokens.token(TokenScope.FABRIC, false);
        tokens.token(TokenScope.FABRIC, true);
        List<String> printed = new ArrayList<>(List.of(token.toString(), tokens.toString(),
                tokens.status().toString()));

        rejectSecret = true;
        EnvironmentTokens rejected = servicePrincipal();
        assertThatThrownBy(() -> rejected.token(TokenScope.POWER_BI, false)).isInstanceOfSatisfying(
                SignInException.class, e -> printed.add(e.getMessage() + e));
        assertThatThrownBy(rejected::signIn).isInstanceOfSatisfying(SignInException.class,
                e -> printed.add(e.getMessage()));

        FakeEnvironment fake = new FakeEnvironment(dir, FakeCredential.failing(new IllegalStateException(
                "unexpected reply containing " + SECRET + " and " + JWT_TOKEN)));
        fake.secret = Optional.of(SECRET);
        fake.method = AuthMethod.SERVICE_PRINCIPAL;
        assertThatThrownBy(() -> fake.build().token(TokenScope.FABRIC, false))
                .isInstanceOfSatisfying(SignInException.class, e -> printed.add(e.getMessage() + stackTrace(e)));
        printed.add(fake.settings().toString());
        statuses.forEach(s -> printed.add(s.toString()));

        msal.shutdown();
        msal.awaitTermination(5, TimeUnit.SECONDS);
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(token.value()).isEqualTo(TOKEN);
        assertThat(log).contains("AADSTS7000215").contains("Obtained a FABRIC token for prod");
        assertThat(log).contains("Sign-in failure detail").contains("unexpected reply containing");
        assertThat(log).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(JWT_TOKEN);
        assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN)
                .doesNotContain(JWT_TOKEN));
    }
}
