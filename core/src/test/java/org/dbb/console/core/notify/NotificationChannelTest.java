package org.dbb.console.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.NotificationSettings;
import org.dbb.console.core.workspace.config.SettingValue;

class NotificationChannelTest {

    private static final String WORKFLOW = "https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c3d4e5f"
            + "/triggers/manual/paths/invoke?api-version=2016-06-01&sig=abcdefghijklmnop";

    @TempDir
    Path temp;

    private Workspace sample() {
        Path repo = temp.resolve("dbb");
        new SampleWorkspace().exportTo(repo);
        return new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments())).open(repo);
    }

    /** The sample's PROD webhook is {@code $ENV:DBB_PROD_TEAMS_WEBHOOK}, resolved from the OS environment. */
    @Test
    void shouldResolveAnEnvReferenceThroughTheSettingResolver() {
        Workspace ws = sample();
        EnvironmentSettings prod = ws.settings().environments().get("PROD");
        SettingResolver resolver = SettingResolver.forEnvironment(prod, Map.of(),
                Map.of("DBB_PROD_TEAMS_WEBHOOK", WORKFLOW)::get);

        NotificationChannel channel = NotificationChannel.resolve("PROD", ws.settings().notificationsFor(prod),
                resolver).orElseThrow();

        assertThat(channel.kind()).isEqualTo(NotificationSettings.Kind.TEAMS);
        assertThat(channel.url().toString()).isEqualTo(WORKFLOW.replace(":443", ""));
        assertThat(channel.maskedUrl()).isEqualTo("https://prod-12.westeurope.logic.azure.com/…");
        assertThat(channel).hasToString("NotificationChannel[teams https://prod-12.westeurope.logic.azure.com/…]");
    }

    /** The variable group's value wins over the OS environment, as for every {@code $ENV:} setting. */
    @Test
    void variableGroupValueWinsOverTheOsEnvironment() {
        SettingResolver resolver = new SettingResolver("TEST", "variable group 13 (contoso/DataBackBone)",
                Map.of("HOOK", VariableValue.plain("http://127.0.0.1:1/from-group")),
                Map.of("HOOK", "http://127.0.0.1:1/from-os")::get);

        NotificationChannel channel = NotificationChannel.resolve("TEST", new NotificationSettings(
                NotificationSettings.Kind.WEBHOOK, Optional.of(SettingValue.secret("$ENV:HOOK"))), resolver)
                .orElseThrow();

        assertThat(channel.url().encodedPath()).isEqualTo("/from-group");
        assertThat(channel.maskedUrl()).isEqualTo("http://127.0.0.1:1/…");
    }

    /** An unresolved reference names the variable, the environment and where it was looked for. */
    @Test
    void shouldExplainAnUnresolvedReferenceNamingVariableAndEnvironment() {
        Workspace ws = sample();
        EnvironmentSettings prod = ws.settings().environments().get("PROD");
        SettingResolver resolver = SettingResolver.forEnvironment(prod, Map.of(), name -> null);

        assertThatThrownBy(() -> NotificationChannel.resolve("PROD", ws.settings().notificationsFor(prod), resolver))
                .isInstanceOfSatisfying(NotificationSetupException.class,
                        e -> assertThat(e.environment()).isEqualTo("PROD"))
                .hasMessageStartingWith("notifications for PROD cannot be sent: environments.PROD.notifications"
                        + ".webhook refers to $ENV:DBB_PROD_TEAMS_WEBHOOK, but DBB_PROD_TEAMS_WEBHOOK has no value")
                .hasMessageContaining("variable group 14 (contoso/DataBackBone)")
                .hasMessageContaining("OS environment");
    }

    @Test
    void malformedReferenceIsRejectedWithTheSyntax() {
        SettingResolver resolver = new SettingResolver("DEV", "the inline variables", Map.of(), name -> null);

        assertThatThrownBy(() -> NotificationChannel.resolve("DEV", new NotificationSettings(
                NotificationSettings.Kind.TEAMS, Optional.of(SettingValue.secret("$ENV:"))), resolver))
                .isInstanceOf(NotificationSetupException.class)
                .hasMessageContaining("environments.DEV.notifications.webhook is a malformed reference")
                .hasMessageContaining("$ENV:NAME");
    }

    /** No webhook means notifications are off, not an error. */
    @Test
    void noWebhookMeansNoChannel() {
        SettingResolver resolver = new SettingResolver("DEV", "the inline variables", Map.of(), name -> null);

        assertThat(NotificationChannel.resolve("DEV", NotificationSettings.NONE, resolver)).isEmpty();
    }

    @Test
    void maskedUrlKeepsOnlySchemeHostAndANonDefaultPort() {
        assertThat(NotificationChannel.of(NotificationSettings.Kind.TEAMS,
                "https://default12345.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x")
                .maskedUrl()).isEqualTo("https://default12345.environment.api.powerplatform.com/…");
        assertThat(NotificationChannel.of(NotificationSettings.Kind.WEBHOOK, "https://hooks.example.net:8443/a?b=c")
                .maskedUrl()).isEqualTo("https://hooks.example.net:8443/…");
    }
}
