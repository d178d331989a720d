package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.workspace.config.VariableGroupRef;

class VariableGroupsAndWebhooksTest {

    @TempDir
    Path temp;

    private EmulatorHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void anEnvironmentsVariableGroupIsServedWhereItsSettingsPointWithSecretsHidden() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.get(
                "/contoso/DataBackBone/_apis/distributedtask/variablegroups/14?api-version=7.1");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode group = reply.json();
        assertThat(group.path("id").asInt()).isEqualTo(14);
        assertThat(group.path("type").asText()).isEqualTo("Vsts");
        assertThat(group.at("/variables/DBB_ENVIRONMENT/value").asText()).isEqualTo("PROD");
        assertThat(group.at("/variables/DBB_WORKSPACE_ID/value").asText())
                .isEqualTo(harness.emulator.workspace("PROD").orElseThrow().id().toString());
        JsonNode secret = group.at("/variables/DBB_PROD_CLIENT_SECRET");
        assertThat(secret.path("value").isNull()).isTrue();
        assertThat(secret.path("isSecret").asBoolean()).isTrue();
        assertThat(group.at("/variables/DBB_PROD_CLIENT_ID/value").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void theSandboxGroupPointsItsWebhookAtTheEmulatorSink() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        VariableGroupRef ref = harness.emulator.workspace("sandbox").orElseThrow().variableGroup();

        JsonNode group = harness.get("/" + ref.organization() + "/" + ref.project()
                + "/_apis/distributedtask/variablegroups/" + ref.groupId() + "?api-version=7.1").json();

        assertThat(ref).isEqualTo(new VariableGroupRef("dbb-emulator", "DBB", 1));
        assertThat(group.at("/variables/DBB_TEAMS_WEBHOOK/value").asText())
                .isEqualTo(harness.emulator.webhookUrl("ops"));
        assertThat(group.at("/variables/DBB_SERVICE_PRINCIPAL_SECRET/isSecret").asBoolean()).isTrue();
    }

    @Test
    void aRequestWithoutApiVersionIsRefusedInTheAzureDevOpsShape() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        EmulatorHarness.Reply reply = harness.get("/contoso/DataBackBone/_apis/distributedtask/variablegroups/12");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("typeKey").asText()).isEqualTo("VssVersionNotSpecifiedException");
        assertThat(reply.json().path("$id").asText()).isEqualTo("1");
    }

    @Test
    void groupsCanBeListedByIdOrName() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());

        JsonNode byIds = harness.get("/contoso/DataBackBone/_apis/distributedtask/variablegroups"
                + "?groupIds=12,13&api-version=7.1").json();
        JsonNode byName = harness.get("/contoso/DataBackBone/_apis/distributedtask/variablegroups"
                + "?groupName=dbb-p*&api-version=7.1").json();

        assertThat(byIds.path("count").asInt()).isEqualTo(2);
        assertThat(byName.path("value")).extracting(g -> g.path("name").asText()).containsExactly("dbb-prod");
    }

    @Test
    void theWebhookSinkRecordsWhatIsPosted() {
        harness = EmulatorHarness.start(temp, Scenario.neutral());
        String card = "{\"type\":\"message\",\"attachments\":[]}";

        EmulatorHarness.Reply reply = harness.send(harness.anonymous("/_emulator/webhooks/ops")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(card)));
        JsonNode listed = harness.get("/_emulator/webhooks/ops").json();

        assertThat(reply.status()).isEqualTo(202);
        assertThat(harness.emulator.webhookPosts("ops")).singleElement()
                .satisfies(p -> assertThat(p.body()).isEqualTo(card))
                .satisfies(p -> assertThat(p.receivedAt()).isEqualTo(EmulatorHarness.START));
        assertThat(listed.at("/value/0/body/type").asText()).isEqualTo("message");
        assertThat(harness.emulator.webhookPosts("other")).isEmpty();
    }
}
