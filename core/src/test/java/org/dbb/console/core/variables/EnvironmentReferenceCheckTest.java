package org.dbb.console.core.variables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.SettingReferences;

class EnvironmentReferenceCheckTest {

    private static final String SETTINGS = """
            environments:
              sandbox:
                emulator: true
                tenant: $ENV:SANDBOX_TENANT
              DEV:
                workspace: $ENV:DBB_DEV_WORKSPACE
                tenant: $ENV:DBB_TENANT
                variableGroup: {organization: contoso, project: DataBackBone, id: 12}
                variables: {DBB_DEV_WORKSPACE: DBB-DEV}
              LOCAL:
                workspace: $ENV:DBB_LOCAL_WORKSPACE
                auth: service-principal
                tenant: contoso.onmicrosoft.com
                clientId: 0f3c2a4e-0000-4000-8000-000000000001
                clientSecret: $ENV:DBB_LOCAL_SECRET
            """;

    @TempDir
    Path temp;

    private final Map<String, String> os = new HashMap<>();

    private List<Problem> check(Optional<String> environment) throws IOException {
        Files.writeString(temp.resolve(ConsoleSettings.FILE_NAME), SETTINGS);
        ConsoleSettings settings = new ConsoleSettingsReader().read(temp);
        return new EnvironmentReferenceCheck(new SettingReferences(), os::get).check(settings, environment);
    }

    @Test
    void warnsAtTheLineOfEachReferenceNoInlineOrOsValueSupplies() throws IOException {
        List<Problem> problems = check(Optional.empty());

        assertThat(problems).allSatisfy(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.file()).isEqualTo(temp.resolve("dbb-console.yml"));
        });
        assertThat(problems).extracting(Problem::line).containsExactly(7, 11, 15);
        assertThat(problems.get(0).format(temp)).isEqualTo("dbb-console.yml:7:13: warning:"
                + " environments.DEV.tenant of environment DEV refers to $ENV:DBB_TENANT, but DBB_TENANT is neither"
                + " an inline variable of DEV nor set in the OS environment; it may come from variable group 12"
                + " — run `dbb env show DEV` to check; otherwise set it in variable group 12 or export DBB_TENANT");
    }

    @Test
    void withoutAVariableGroupTheHintNamesInlineVariablesOrExport() throws IOException {
        List<Problem> problems = check(Optional.of("LOCAL"));

        assertThat(problems).extracting(Problem::message).containsExactly(
                "environments.LOCAL.workspace of environment LOCAL refers to $ENV:DBB_LOCAL_WORKSPACE, but"
                        + " DBB_LOCAL_WORKSPACE is neither an inline variable of LOCAL nor set in the OS environment,"
                        + " and LOCAL has no variable group; add it to environments.LOCAL.variables or export"
                        + " DBB_LOCAL_WORKSPACE",
                "environments.LOCAL.clientSecret of environment LOCAL refers to $ENV:DBB_LOCAL_SECRET, but"
                        + " DBB_LOCAL_SECRET is neither an inline variable of LOCAL nor set in the OS environment,"
                        + " and LOCAL has no variable group; export DBB_LOCAL_SECRET (secrets never go into"
                        + " dbb-console.yml)");
    }

    @Test
    void anOsValueSilencesTheWarningAndTheSandboxIsNeverChecked() throws IOException {
        os.put("DBB_TENANT", "contoso.onmicrosoft.com");
        os.put("DBB_LOCAL_WORKSPACE", "DBB-LOCAL");
        os.put("DBB_LOCAL_SECRET", "   ");

        assertThat(check(Optional.empty())).extracting(Problem::message)
                .singleElement().asString().contains("DBB_LOCAL_SECRET");
    }
}
