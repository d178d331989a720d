package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConnectionSettings;
import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.EnvironmentTokenSource;
import org.dbb.console.core.auth.AccessToken;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.SignInFailure;
import org.dbb.console.core.fabric.http.HttpTimeouts;
import org.dbb.console.core.fabric.http.RetryBudget;
import org.dbb.console.core.fabric.http.ServiceEndpoints;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.sample.SampleWorkspace;

/** {@code dbb env show} and the {@code $ENV:} check of {@code dbb validate}, with Azure DevOps on 127.0.0.1. */
class EnvCommandTest {

    static final RetryBudget QUICK = new RetryBudget(2, Duration.ofSeconds(1), Duration.ofMillis(10),
            Duration.ofMillis(20));
    static final HttpTimeouts SHORT = new HttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(3), Duration.ofSeconds(5));

    private static final String PROD_GROUP = """
            {"id": 14, "type": "Vsts", "name": "dbb-prod", "variables": {
              "DBB_PROD_CLIENT_ID": {"value": "0f3c2a4e-0000-4000-8000-000000000014"},
              "DBB_PROD_CLIENT_SECRET": {"value": null, "isSecret": true},
              "DBB_PROD_TEAMS_WEBHOOK": {"value": "https://contoso.example/workflows/prod-ops"},
              "DBB_CAPACITY": {"value": "capdbbprod-from-group"}}}
            """;

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> os = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private EnvironmentTokenSource tokens = (env, http) -> (scope, force) ->
            new AccessToken("token-for-" + env.name(), Instant.now().plusSeconds(3600));
    private Path ws;

    @BeforeEach
    void start() throws IOException {
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        ws = temp.resolve("ws");
        new SampleWorkspace().exportTo(ws);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private int run(String... args) {
        // 127.0.0.1, not the "localhost" MockWebServer names, so nothing depends on how the name resolves.
        URI base = URI.create("http://127.0.0.1:" + server.getPort());
        ConnectionSettings connections = new ConnectionSettings(ServiceEndpoints.emulator(base),
                tokens, SHORT, QUICK);
        ConsoleServices services = new ConsoleServices(new DataDirectories(temp.resolve("data")), os::get,
                connections);
        return new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void group(String json) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(json));
    }

    @Test
    void showPrintsSettingsVariablesAndReferencesWithSecretsMasked() throws InterruptedException {
        os.put("DBB_PROD_CLIENT_SECRET", "exported-" + java.util.UUID.randomUUID());
        group(PROD_GROUP);

        int exit = run("env", "show", "PROD", "--workspace", ws.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(server.takeRequest().getPath())
                .isEqualTo("/contoso/DataBackBone/_apis/distributedtask/variablegroups/14?api-version=7.1");
        assertThat(out())
                .contains("  workspace         DBB-PROD\n")
                .contains("  tenant            contoso.onmicrosoft.com\n")
                .contains("  auth              service-principal\n")
                .contains("  client id         $ENV:DBB_PROD_CLIENT_ID → 0f3c2a4e-0000-4000-8000-000000000014\n")
                .contains("  client secret     $ENV:DBB_PROD_CLIENT_SECRET (••••••)\n")
                .contains("  protected         yes (actions ask for typed confirmation)\n")
                .contains("  monitoring store  Fabric Warehouse wh_meta at nx6doub2fi7dhz4mk6qkxoszs5")
                .contains("  notifications     teams, webhook $ENV:DBB_PROD_TEAMS_WEBHOOK (••••••)\n")
                .contains("  variable group    variable group 14 'dbb-prod' (contoso/DataBackBone)\n")
                .containsPattern("DBB_CAPACITY +capdbbprod-from-group +variable group 14 'dbb-prod'"
                        + " \\(contoso/DataBackBone\\) — overrides the inline value in dbb-console.yml")
                .containsPattern("DBB_OPS_CHANNEL +dbb-operations +inline in dbb-console.yml")
                .containsPattern("DBB_PROD_CLIENT_SECRET +•••••• +variable group 14 .* secret; its value comes from"
                        + " the OS environment variable DBB_PROD_CLIENT_SECRET")
                .containsPattern("68 +environments.PROD.clientSecret +DBB_PROD_CLIENT_SECRET +resolved from OS"
                        + " environment: ••••••")
                .containsPattern("71 +environments.PROD.notifications.webhook +DBB_PROD_TEAMS_WEBHOOK +resolved from"
                        + " variable group: ••••••")
                .contains("environment PROD: 3 references, 0 unresolved — OK")
                .doesNotContain("prod-ops");
    }

    @Test
    void anUnresolvedSecretExitsOneNamingTheFileLineAndWhatToExport() {
        group(PROD_GROUP);

        assertThat(run("env", "show", "PROD", "-w", ws.toString())).isEqualTo(CommandLineRunner.ERRORS_FOUND);

        assertThat(err()).contains("dbb-console.yml:68:19: error: environments.PROD.clientSecret refers to"
                + " $ENV:DBB_PROD_CLIENT_SECRET, but DBB_PROD_CLIENT_SECRET is a secret of variable group 14"
                + " 'dbb-prod' (contoso/DataBackBone)")
                .contains("set DBB_PROD_CLIENT_SECRET in the environment the console starts from");
        assertThat(out()).containsPattern("68 +environments.PROD.clientSecret +DBB_PROD_CLIENT_SECRET +UNRESOLVED")
                .contains("note: DBB_PROD_CLIENT_SECRET is a secret of variable group 14")
                .contains("environment PROD: 3 references, 1 unresolved\n");
    }

    @Test
    void aKeyVaultLinkedGroupIsExplained() {
        os.put("DBB_PROD_CLIENT_SECRET", "exported-" + java.util.UUID.randomUUID());
        os.put("DBB_PROD_CLIENT_ID", "0f3c2a4e-0000-4000-8000-000000000099");
        os.put("DBB_PROD_TEAMS_WEBHOOK", "https://contoso.example/workflows/" + java.util.UUID.randomUUID());
        group("""
                {"id": 14, "type": "AzureKeyVault", "name": "kv-prod",
                 "providerData": {"serviceEndpointId": "se-1", "vault": "kv-dbb-prod"},
                 "variables": {"DBB_PROD_CLIENT_SECRET": {"enabled": true}}}
                """);

        assertThat(run("env", "show", "PROD", "-w", ws.toString())).isZero();

        assertThat(out()).contains("note: Key Vault-linked variable group 14 'kv-prod' (contoso/DataBackBone) is"
                        + " linked to Azure Key Vault 'kv-dbb-prod'")
                .containsPattern("68 +environments.PROD.clientSecret +DBB_PROD_CLIENT_SECRET +resolved from OS"
                        + " environment: ••••••");
    }

    @Test
    void aSignInThatCannotBeSetUpExitsThreeWithItsMessage() {
        tokens = (env, http) -> {
            throw new SignInException(SignInFailure.SIGN_IN_REQUIRED, "sign-in required for " + env.name()
                    + ": choose Sign in");
        };

        assertThat(run("env", "show", "PROD", "-w", ws.toString())).isEqualTo(CommandLineRunner.SIGN_IN_FAILED);

        assertThat(err()).contains("dbb: cannot read the variables of PROD (variable group 14 in"
                + " contoso/DataBackBone) because the sign-in failed: sign-in required for PROD: choose Sign in");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aTokenAzureDevOpsRefusesExitsThree() {
        server.enqueue(new MockResponse().setResponseCode(401));
        server.enqueue(new MockResponse().setResponseCode(401));

        assertThat(run("env", "show", "PROD", "-w", ws.toString())).isEqualTo(CommandLineRunner.SIGN_IN_FAILED);

        assertThat(err()).contains("because the sign-in failed: sign-in expired for PROD").contains("sign in again");
    }

    @Test
    void aGroupThatDoesNotExistExitsOne() {
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setBody("{\"message\":\"Variable group with id 14 does not exist.\"}"));

        assertThat(run("env", "show", "PROD", "-w", ws.toString())).isEqualTo(CommandLineRunner.ERRORS_FOUND);

        assertThat(err()).contains("cannot read the variables of PROD").contains("variable group 14 does not exist");
    }

    @Test
    void theSandboxReadsItsGroupFromTheEmulatorAndMasksTheWebhook() {
        assertThat(run("env", "show", "sandbox", "-w", ws.toString())).as(err()).isZero();

        assertThat(out()).contains("Environment sandbox (sandbox: built-in emulator)")
                .contains("variable group    variable group 1 'dbb-sandbox' (dbb-emulator/DBB)")
                .containsPattern("DBB_WORKSPACE_NAME +DBB Sandbox")
                .containsPattern("DBB_TEAMS_WEBHOOK +•••••• +variable group 1")
                .containsPattern("43 +notifications.webhook +DBB_TEAMS_WEBHOOK +resolved from variable group: ••••••")
                .doesNotContain("/_emulator/webhooks");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUnknownEnvironmentIsBadUsage() {
        assertThat(run("env", "show", "UAT", "-w", ws.toString())).isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(run("env", "show", "-w", ws.toString())).isEqualTo(CommandLineRunner.BAD_USAGE);

        assertThat(err()).contains("unknown environment 'UAT'").contains("sandbox, DEV, TEST, PROD");
    }

    @Test
    void validateWarnsAboutEveryReferenceNeitherInlineNorOsSuppliesWithoutTheNetwork() {
        assertThat(run("validate", "-w", ws.toString())).isZero();

        assertThat(out()).contains("dbb-console.yml:68:19: warning: environments.PROD.clientSecret of environment PROD"
                        + " refers to $ENV:DBB_PROD_CLIENT_SECRET, but DBB_PROD_CLIENT_SECRET is neither an inline"
                        + " variable of PROD nor set in the OS environment; it may come from variable group 14")
                .contains("run `dbb env show PROD` to check; otherwise set it in variable group 14 or export"
                        + " DBB_PROD_CLIENT_SECRET")
                .contains("dbb-console.yml:67:15: warning: environments.PROD.clientId of environment PROD")
                .contains("dbb-console.yml:43:12: warning: notifications.webhook of environment DEV")
                .contains("dbb-console.yml:43:12: warning: notifications.webhook of environment TEST")
                .doesNotContain("environment sandbox refers");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void validateIsQuietAboutReferencesTheOsEnvironmentSupplies() {
        os.put("DBB_PROD_CLIENT_ID", "0f3c2a4e-0000-4000-8000-000000000014");
        os.put("DBB_PROD_CLIENT_SECRET", "exported-" + java.util.UUID.randomUUID());
        os.put("DBB_PROD_TEAMS_WEBHOOK", "https://contoso.example/workflows/" + java.util.UUID.randomUUID());

        assertThat(run("validate", "-w", ws.toString(), "--env", "PROD")).isZero();

        assertThat(out()).doesNotContain("refers to $ENV:");
    }
}
