package org.dbb.console.core.workspace.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingReferencesTest {

    private static final String SETTINGS = """
            notifications:
              kind: teams
              webhook: $ENV:OPS_WEBHOOK
            environments:
              DEV:
                workspace: $ENV:DEV_WORKSPACE
                tenant: contoso.onmicrosoft.com
              PROD:
                workspace: DBB-PROD
                auth: service-principal
                tenant: $ENV:PROD_TENANT
                clientId: $ENV:PROD_CLIENT_ID
                clientSecret: $ENV:PROD_CLIENT_SECRET
                notifications: {kind: webhook, webhook: $ENV:PROD_WEBHOOK}
            """;

    @TempDir
    Path temp;

    private ConsoleSettings settings() throws IOException {
        Files.writeString(temp.resolve(ConsoleSettings.FILE_NAME), SETTINGS);
        return new ConsoleSettingsReader().read(temp);
    }

    @Test
    void findsAnEnvironmentsReferencesWithLineColumnAndSecrecy() throws IOException {
        List<EnvReference> refs = new SettingReferences().of(settings(), "PROD");

        assertThat(refs).extracting(EnvReference::setting, EnvReference::variable, EnvReference::line,
                        EnvReference::secret)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("environments.PROD.tenant", "PROD_TENANT", 11, false),
                        org.assertj.core.groups.Tuple.tuple("environments.PROD.clientId", "PROD_CLIENT_ID", 12, false),
                        org.assertj.core.groups.Tuple.tuple("environments.PROD.clientSecret", "PROD_CLIENT_SECRET", 13,
                                true),
                        org.assertj.core.groups.Tuple.tuple("environments.PROD.notifications.webhook", "PROD_WEBHOOK",
                                14, true));
        assertThat(refs.get(0).column()).isEqualTo(13);
        assertThat(refs.get(0).file()).isEqualTo(temp.resolve(ConsoleSettings.FILE_NAME));
    }

    @Test
    void anEnvironmentWithoutNotificationsUsesTheTopLevelWebhook() throws IOException {
        List<EnvReference> refs = new SettingReferences().of(settings(), "DEV");

        assertThat(refs).extracting(EnvReference::setting, EnvReference::variable, EnvReference::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("environments.DEV.workspace", "DEV_WORKSPACE", 6),
                        org.assertj.core.groups.Tuple.tuple("notifications.webhook", "OPS_WEBHOOK", 3));
        assertThat(refs.get(1).secret()).isTrue();
    }

    @Test
    void defaultsAndUnknownEnvironmentsHaveNoReferences() throws IOException {
        assertThat(new SettingReferences().of(ConsoleSettingsReader.defaults(temp), "sandbox")).isEmpty();
        assertThat(new SettingReferences().of(settings(), "UAT")).isEmpty();
    }
}
