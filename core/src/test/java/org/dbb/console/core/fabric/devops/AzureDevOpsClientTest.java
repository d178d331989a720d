package org.dbb.console.core.fabric.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.testing.TransportFixture;

class AzureDevOpsClientTest {

    private final TransportFixture fixture = new TransportFixture();
    private final AzureDevOpsClient devOps = new AzureDevOpsClient(fixture.transport());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void readsAVariableGroupWithSecretsFlaggedAndWithoutValues() {
        fixture.enqueue(200, "{\"id\":7,\"type\":\"Vsts\",\"name\":\"fabric-prod\",\"description\":\"prod ids\","
                + "\"variables\":{\"workspaceId\":{\"value\":\"a0a0\"},"
                + "\"spSecret\":{\"value\":null,\"isSecret\":true},"
                + "\"region\":{\"value\":\"westeurope\",\"isReadOnly\":true}},"
                + "\"createdBy\":{\"displayName\":\"x\"},\"isShared\":false}");

        VariableGroup group = devOps.getVariableGroup("contoso", "Data Platform", 7);

        assertThat(group.id()).isEqualTo(7);
        assertThat(group.type()).isEqualTo(VariableGroupType.VSTS);
        assertThat(group.value("workspaceId")).contains("a0a0");
        assertThat(group.value("WORKSPACEID")).contains("a0a0");
        assertThat(group.variable("spSecret")).hasValueSatisfying(v -> {
            assertThat(v.secret()).isTrue();
            assertThat(v.value()).isEmpty();
        });
        assertThat(group.variable("region")).hasValueSatisfying(v -> assertThat(v.readOnly()).isTrue());
        assertThat(group.keyVault()).isEmpty();
        RecordedRequest request = fixture.take();
        assertThat(request.getPath())
                .isEqualTo("/contoso/Data%20Platform/_apis/distributedtask/variablegroups/7?api-version=7.1");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer cached-AZURE_DEVOPS");
    }

    @Test
    void treatsEveryVariableOfAKeyVaultGroupAsSecret() {
        fixture.enqueue(200, "{\"id\":9,\"type\":\"AzureKeyVault\",\"name\":\"kv-prod\","
                + "\"providerData\":{\"serviceEndpointId\":\"se-1\",\"vault\":\"kv-dbb-prod\","
                + "\"lastRefreshedOn\":\"2025-04-30T10:00:00Z\"},"
                + "\"variables\":{\"sql-password\":{\"enabled\":true,\"contentType\":\"\","
                + "\"expires\":\"2026-01-01T00:00:00Z\"}}}");

        VariableGroup group = devOps.getVariableGroup("contoso", "dbb", 9);

        assertThat(group.type()).isEqualTo(VariableGroupType.AZURE_KEY_VAULT);
        assertThat(group.keyVault()).contains(new KeyVaultLink("kv-dbb-prod", "se-1",
                Optional.of(Instant.parse("2025-04-30T10:00:00Z"))));
        assertThat(group.variable("sql-password")).hasValueSatisfying(v -> {
            assertThat(v.secret()).isTrue();
            assertThat(v.value()).isEmpty();
            assertThat(v.enabled()).contains(true);
            assertThat(v.expires()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        });
    }

    @Test
    void aSecretValueIsDroppedEvenIfTheServerSendsOneAndNeverPrinted() {
        fixture.enqueue(200, "{\"id\":1,\"name\":\"g\",\"variables\":{\"pat\":{\"value\":\"leaked\","
                + "\"isSecret\":true}}}");

        GroupVariable pat = devOps.getVariableGroup("o", "p", 1).variable("pat").orElseThrow();

        assertThat(pat.value()).isEmpty();
        assertThat(pat.toString()).doesNotContain("leaked").contains("••••••");
    }

    @Test
    void anEmptyAnswerMeansTheGroupIsNotThere() {
        fixture.enqueue(200, "null", "ActivityId", "ado-1");
        fixture.enqueue(404, "{\"message\":\"not found\",\"typeKey\":\"VariableGroupNotFoundException\"}");

        assertThatThrownBy(() -> devOps.getVariableGroup("contoso", "dbb", 42))
                .isInstanceOfSatisfying(FabricApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("VariableGroupNotFound");
                    assertThat(e.requestId()).contains("ado-1");
                })
                .hasMessageContaining("variable group 42 does not exist in contoso/dbb");
        assertThatThrownBy(() -> devOps.getVariableGroup("contoso", "dbb", 43))
                .isInstanceOfSatisfying(FabricApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("VariableGroupNotFound"));
    }

    @Test
    void aSignInPageInsteadOfJsonMeansTheSignInExpired() {
        fixture.server.enqueue(new MockResponse().setResponseCode(203).setHeader("Content-Type", "text/html")
                .setBody("<html>Sign in</html>"));

        assertThatThrownBy(() -> devOps.getVariableGroup("contoso", "dbb", 7))
                .isInstanceOf(SignInException.class)
                .hasMessageStartingWith("sign-in expired for prod (GET /{organization}/{project}/_apis/");
    }
}
