package org.dbb.console.core.workspace.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

class ConsoleSettingsReaderTest {

    @TempDir
    Path root;

    private final ConsoleSettingsReader reader = new ConsoleSettingsReader();

    private void write(String yaml) throws IOException {
        Files.createDirectories(root.resolve("fabric"));
        Files.writeString(root.resolve("dbb-console.yml"), yaml);
    }

    private List<Problem> errors(String yaml) throws IOException {
        write(yaml);
        return reader.check(root).stream().filter(Problem::isError).toList();
    }

    @Test
    void missingFileGivesSandboxDefaultsWithFabricFolder() throws IOException {
        Files.createDirectories(root.resolve("fabric"));
        ConsoleSettings settings = reader.read(root);
        assertThat(settings.file()).isEmpty();
        assertThat(settings.repositoryDirectory()).isEqualTo(root.toAbsolutePath().normalize().resolve("fabric"));
        assertThat(settings.masterPipeline()).isEqualTo("orchestration_pipeline_DBB");
        assertThat(settings.environments()).containsOnlyKeys("sandbox");
        assertThat(settings.environments().get("sandbox").emulator()).isTrue();
    }

    @Test
    void readsEnvironmentsStagesRefreshAndNotifications() throws IOException {
        write("""
                version: 1
                repositoryDirectory: fabric
                masterPipeline: orchestration_pipeline_DBB
                refresh:
                  pipeline: refresh_semantic_models
                  defaultTargetMinutes: 25
                  targetMinutes: {Sales: 20}
                  concurrency: 3
                stages:
                  - name: Initialisation
                    activities: [Lookup workspace, Lookup items]
                  - name: Integration
                    activities: [Run integration]
                notifications:
                  kind: teams
                  webhook: $ENV:DBB_TEAMS_WEBHOOK
                environments:
                  sandbox:
                    emulator: true
                  PROD:
                    workspace: DBB-PROD
                    tenant: contoso.onmicrosoft.com
                    auth: service-principal
                    clientId: $ENV:DBB_PROD_CLIENT_ID
                    clientSecret: $ENV:DBB_PROD_CLIENT_SECRET
                    protected: true
                    variableGroup: {organization: contoso, project: DataBackBone, id: 12}
                    monitoring: {store: warehouse, server: x.datawarehouse.fabric.microsoft.com, database: meta}
                """);
        ConsoleSettings s = reader.read(root);
        assertThat(s.stages()).extracting(StageGroup::name).containsExactly("Initialisation", "Integration");
        assertThat(s.refresh().targetMinutesFor("Sales")).isEqualTo(20);
        assertThat(s.refresh().targetMinutesFor("Finance")).isEqualTo(25);
        assertThat(s.refresh().concurrency()).hasValue(3);
        assertThat(s.notifications().webhook()).get().extracting(SettingValue::environmentReference)
                .isEqualTo(java.util.Optional.of("DBB_TEAMS_WEBHOOK"));
        EnvironmentSettings prod = s.environments().get("PROD");
        assertThat(prod.protectedEnv()).isTrue();
        assertThat(prod.auth()).isEqualTo(AuthMethod.SERVICE_PRINCIPAL);
        assertThat(prod.variableGroup()).contains(new VariableGroupRef("contoso", "DataBackBone", 12));
        assertThat(s.monitoringFor(prod).store()).isEqualTo(MonitoringSettings.Store.WAREHOUSE);
        assertThat(s.monitoringFor(s.environments().get("sandbox")).store())
                .isEqualTo(MonitoringSettings.Store.EMBEDDED);
    }

    @Test
    void unknownKeyIsReportedWithLineColumnAndSuggestion() throws IOException {
        List<Problem> errors = errors("""
                environments:
                  DEV:
                    workspace: DBB-DEV
                    Protected: true
                """);
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).contains("unknown key 'Protected'").contains("did you mean 'protected'");
        });
    }

    @Test
    void plainTextSecretIsRefused() throws IOException {
        List<Problem> errors = errors("""
                notifications:
                  webhook: https://example.invalid/hook
                environments:
                  sandbox: {emulator: true}
                """);
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("secret in plain text").contains("$ENV:NAME");
            assertThat(p.message()).doesNotContain("example.invalid");
            assertThat(p.line()).isEqualTo(2);
        });
    }

    @Test
    void yamlBooleanEnvironmentNameMustBeQuotedOrRenamed() throws IOException {
        List<Problem> errors = errors("""
                environments:
                  NO:
                    workspace: DBB-NO
                """);
        assertThat(errors).singleElement().satisfies(p ->
                assertThat(p.message()).contains("does not read as text").contains("quotes"));
    }

    @Test
    void environmentNamesDifferingOnlyByCaseAreDuplicates() throws IOException {
        List<Problem> errors = errors("""
                environments:
                  PROD: {workspace: a}
                  prod: {workspace: b}
                """);
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("duplicate key 'prod'").contains("ignoring case");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void realEnvironmentNeedsWorkspaceAndServicePrincipalNeedsCredentials() throws IOException {
        List<Problem> errors = errors("""
                environments:
                  TEST:
                    auth: service-principal
                """);
        assertThat(errors).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("has no 'workspace'"))
                .anySatisfy(m -> assertThat(m).contains("lacks 'clientId' or 'tenant'"))
                .anySatisfy(m -> assertThat(m).contains("neither 'clientSecret'"));
    }

    @Test
    void activityInTwoStagesIsAnError() throws IOException {
        List<Problem> errors = errors("""
                stages:
                  - name: A
                    activities: [x]
                  - name: B
                    activities: [x, y]
                environments:
                  sandbox: {emulator: true}
                """);
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("already in stage 'A'");
            assertThat(p.line()).isEqualTo(5);
        });
    }

    @Test
    void malformedYamlThrowsWithPosition() throws IOException {
        write("environments:\n  DEV: {workspace: a\n");
        assertThatThrownBy(() -> reader.read(root)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).line()).isPositive())
                .hasMessageContaining("malformed YAML");
    }

    @Test
    void outOfRangeConcurrencyNamesTheLimits() throws IOException {
        List<Problem> errors = errors("""
                refresh: {concurrency: 0}
                environments:
                  sandbox: {emulator: true}
                """);
        assertThat(errors).singleElement().extracting(Problem::message).asString()
                .contains("between 1 and 50");
    }

    @Test
    void secretValuesNeverPrintInClear() {
        assertThat(SettingValue.secret("hunter2").toString()).isEqualTo(SettingValue.MASK);
        assertThat(SettingValue.secret("$ENV:X").toString()).isEqualTo("$ENV:X");
    }
}
