package org.dbb.console.core.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.auth.ResolvedSetting;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.SignInFailure;
import org.dbb.console.core.fabric.devops.AzureDevOpsClient;
import org.dbb.console.core.fabric.testing.TransportFixture;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingReferences;
import org.dbb.console.core.workspace.config.SettingValue;

class EnvironmentVariablesTest {

    private static final String SETTINGS = """
            environments:
              PROD:
                workspace: $ENV:DBB_WORKSPACE
                tenant: $ENV:DBB_TENANT
                auth: service-principal
                clientId: $ENV:DBB_CLIENT_ID
                clientSecret: $ENV:DBB_CLIENT_SECRET
                variableGroup: {organization: contoso, project: DataBackBone, id: 12}
                notifications: {kind: teams, webhook: $ENV:DBB_WEBHOOK}
                variables: {DBB_WORKSPACE: inline-workspace, DBB_CAPACITY: capdbbprod}
              LOCAL:
                workspace: $ENV:DBB_LOCAL_WORKSPACE
                variables: {DBB_LOCAL_WORKSPACE: DBB-LOCAL}
            """;

    private static final String GROUP = """
            {"id": 12, "type": "Vsts", "name": "dbb-prod", "variables": {
              "DBB_WORKSPACE": {"value": "group-workspace"},
              "dbb_tenant": {"value": "contoso.onmicrosoft.com"},
              "DBB_CLIENT_ID": {"value": "0f3c2a4e-0000-4000-8000-000000000001"},
              "DBB_CLIENT_SECRET": {"value": null, "isSecret": true},
              "DBB_WEBHOOK": {"value": "https://contoso.example/hooks/ops-channel"}}}
            """;

    @TempDir
    Path temp;

    private final TransportFixture fixture = new TransportFixture();
    private final Map<String, String> os = new HashMap<>();

    @AfterEach
    void close() {
        fixture.close();
    }

    private ConsoleSettings settings() throws IOException {
        Files.writeString(temp.resolve(ConsoleSettings.FILE_NAME), SETTINGS);
        return new ConsoleSettingsReader().read(temp);
    }

    private EnvironmentVariables variables() {
        AzureDevOpsClient client = new AzureDevOpsClient(fixture.transport());
        return new EnvironmentVariables(env -> client, new SettingReferences(), os::get);
    }

    private VariableListing prod(String groupJson) throws IOException {
        fixture.enqueue(200, groupJson);
        return variables().load(settings(), "PROD");
    }

    @Test
    void readsTheGroupNamedInTheSettings() throws IOException {
        VariableListing listing = prod(GROUP);

        assertThat(fixture.take().getPath())
                .isEqualTo("/contoso/DataBackBone/_apis/distributedtask/variablegroups/12?api-version=7.1");
        assertThat(listing.group()).hasValueSatisfying(g ->
                assertThat(g.describe()).isEqualTo("variable group 12 'dbb-prod' (contoso/DataBackBone)"));
    }

    @Test
    void theGroupWinsOverAnInlineVariableOfTheSameName() throws IOException {
        VariableListing listing = prod(GROUP);

        assertThat(listing.resolver().resolve("workspace", SettingValue.plain("$ENV:DBB_WORKSPACE")).value())
                .isEqualTo("group-workspace");
        assertThat(listing.variable("DBB_WORKSPACE")).hasValueSatisfying(v -> {
            assertThat(v.source()).isEqualTo(VariableSource.VARIABLE_GROUP);
            assertThat(v.note()).hasValueSatisfying(n -> assertThat(n).contains("overrides the inline value"));
        });
        assertThat(listing.variable("DBB_CAPACITY")).hasValueSatisfying(v -> {
            assertThat(v.source()).isEqualTo(VariableSource.INLINE);
            assertThat(v.display()).isEqualTo("capdbbprod");
        });
    }

    @Test
    void groupNamesMatchReferencesIgnoringCase() throws IOException {
        VariableListing listing = prod(GROUP);

        assertThat(listing.resolver().resolve("tenant", SettingValue.plain("$ENV:DBB_TENANT")).value())
                .isEqualTo("contoso.onmicrosoft.com");
    }

    @Test
    void aGroupSecretTakesItsValueFromTheOsVariableOfTheSameName() throws IOException {
        String planted = "sp-" + java.util.UUID.randomUUID();
        os.put("DBB_CLIENT_SECRET", planted);

        VariableListing listing = prod(GROUP);

        ResolvedSetting secret = listing.resolver().resolve("clientSecret", SettingValue.secret("$ENV:DBB_CLIENT_SECRET"));
        assertThat(secret.value()).isEqualTo(planted);
        assertThat(secret.secret()).isTrue();
        assertThat(listing.variable("DBB_CLIENT_SECRET")).hasValueSatisfying(v -> {
            assertThat(v.secret()).isTrue();
            assertThat(v.hasValue()).isTrue();
            assertThat(v.display()).isEqualTo(SettingValue.MASK);
            assertThat(v.note()).hasValueSatisfying(n -> assertThat(n).contains("OS environment variable"
                    + " DBB_CLIENT_SECRET"));
        });
        assertThat(listing.references()).filteredOn(r -> r.reference().variable().equals("DBB_CLIENT_SECRET"))
                .singleElement().satisfies(r -> {
                    assertThat(r.source()).contains(VariableSource.OS_ENVIRONMENT);
                    assertThat(r.display()).isEqualTo(SettingValue.MASK);
                });
        assertThat(listing.toString()).doesNotContain(planted);
        assertThat(listing.unresolved()).isEmpty();
    }

    @Test
    void aMissingSecretSaysAzureDevOpsNeverReturnsItAndWhatToExport() throws IOException {
        VariableListing listing = prod(GROUP);

        assertThat(listing.unresolved()).singleElement().satisfies(r -> {
            assertThat(r.reference().variable()).isEqualTo("DBB_CLIENT_SECRET");
            assertThat(r.reference().line()).isEqualTo(7);
            assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains("DBB_CLIENT_SECRET is a secret of variable group 12 'dbb-prod' (contoso/DataBackBone)")
                    .contains("never returns")
                    .contains("set DBB_CLIENT_SECRET in the environment the console starts from"));
        });
        assertThat(listing.notices()).anySatisfy(n -> assertThat(n).contains("export DBB_CLIENT_SECRET"));
        assertThat(listing.variable("DBB_CLIENT_SECRET")).hasValueSatisfying(v ->
                assertThat(v.display()).isEqualTo("(no value)"));
    }

    @Test
    void aWebhookStoredAsPlainTextInTheGroupIsStillMasked() throws IOException {
        VariableListing listing = prod(GROUP);

        assertThat(listing.variable("DBB_WEBHOOK")).hasValueSatisfying(v -> {
            assertThat(v.secret()).isTrue();
            assertThat(v.value()).isEmpty();
            assertThat(v.display()).isEqualTo(SettingValue.MASK);
        });
        assertThat(listing.references()).filteredOn(r -> r.reference().variable().equals("DBB_WEBHOOK"))
                .singleElement().satisfies(r -> assertThat(r.display()).isEqualTo(SettingValue.MASK));
        assertThat(listing.toString()).doesNotContain("ops-channel");
    }

    @Test
    void aKeyVaultLinkedGroupGetsANoticeAndEveryVariableIsASecret() throws IOException {
        os.put("DBB_CLIENT_SECRET", "kv-" + java.util.UUID.randomUUID());
        VariableListing listing = prod("""
                {"id": 12, "type": "AzureKeyVault", "name": "kv-prod",
                 "providerData": {"serviceEndpointId": "se-1", "vault": "kv-dbb-prod"},
                 "variables": {"DBB_CLIENT_SECRET": {"enabled": true}, "DBB_TENANT": {"enabled": true}}}
                """);

        assertThat(listing.notices()).anySatisfy(n -> assertThat(n)
                .startsWith("Key Vault-linked variable group 12 'kv-prod' (contoso/DataBackBone) is linked to Azure"
                        + " Key Vault 'kv-dbb-prod'")
                .contains("does not read Key Vault"));
        assertThat(listing.variables()).filteredOn(v -> v.source() == VariableSource.KEY_VAULT_GROUP)
                .extracting(EnvironmentVariable::name).containsExactly("DBB_CLIENT_SECRET", "DBB_TENANT");
        assertThat(listing.variable("DBB_TENANT")).hasValueSatisfying(v -> assertThat(v.secret()).isTrue());
        assertThat(listing.unresolved()).extracting(r -> r.reference().variable())
                .containsExactly("DBB_TENANT", "DBB_CLIENT_ID", "DBB_WEBHOOK");
    }

    @Test
    void anOsVariableIsListedOnlyWhenASettingRefersToIt() throws IOException {
        os.put("DBB_CLIENT_ID", "client-from-os");
        os.put("UNRELATED_TOKEN", "never-listed");
        VariableListing listing = prod("""
                {"id": 12, "type": "Vsts", "name": "dbb-prod", "variables": {}}
                """);

        assertThat(listing.variables()).extracting(EnvironmentVariable::name, EnvironmentVariable::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DBB_WORKSPACE", VariableSource.INLINE),
                        org.assertj.core.groups.Tuple.tuple("DBB_CAPACITY", VariableSource.INLINE),
                        org.assertj.core.groups.Tuple.tuple("DBB_CLIENT_ID", VariableSource.OS_ENVIRONMENT));
        assertThat(listing.toString()).doesNotContain("never-listed");
    }

    @Test
    void anEnvironmentWithoutAGroupNeverCallsAzureDevOps() throws IOException {
        EnvironmentVariables variables = new EnvironmentVariables(env -> {
            throw new AssertionError("no group to read for " + env.name());
        }, new SettingReferences(), os::get);

        VariableListing listing = variables.load(settings(), "LOCAL");

        assertThat(listing.group()).isEmpty();
        assertThat(listing.references()).singleElement().satisfies(r -> {
            assertThat(r.resolved()).isTrue();
            assertThat(r.source()).contains(VariableSource.INLINE);
            assertThat(r.display()).isEqualTo("DBB-LOCAL");
        });
    }

    @Test
    void aFailedSignInReachesTheCaller() throws IOException {
        EnvironmentVariables variables = new EnvironmentVariables(new VariableGroupAccess() {
            @Override
            public AzureDevOpsClient client(EnvironmentSettings env) {
                throw new SignInException(SignInFailure.SIGN_IN_REQUIRED, "sign-in required for PROD: choose Sign in");
            }
        }, new SettingReferences(), os::get);
        ConsoleSettings settings = settings();

        assertThatThrownBy(() -> variables.load(settings, "PROD"))
                .isInstanceOf(SignInException.class)
                .hasMessage("sign-in required for PROD: choose Sign in");
    }

    @Test
    void anAzureDevOpsRefusalOfTheTokenIsASignInFailure() throws IOException {
        fixture.enqueue(401, null);
        fixture.enqueue(401, null);
        ConsoleSettings settings = settings();

        assertThatThrownBy(() -> variables().load(settings, "PROD"))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("sign in again");
    }
}
