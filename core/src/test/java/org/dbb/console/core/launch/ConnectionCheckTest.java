package org.dbb.console.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import okhttp3.OkHttpClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.auth.EnvironmentSignIn;
import org.dbb.console.core.connect.EnvironmentConnector;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.engine.InMemoryRunJournal;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.plan.PlanBuilder;
import org.dbb.console.core.plan.PlanException;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/** Connection tests against the sandbox emulator: sign-in not needed, workspace and items found, gaps named. */
@Timeout(30)
class ConnectionCheckTest {

    @TempDir
    Path dir;

    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final List<String> progress = new ArrayList<>();
    private final SandboxOptions sandbox = new SandboxOptions(Optional.empty(), Optional.of(Scenario.neutral()));

    @AfterEach
    void stop() {
        handlers.shutdownNow();
        timers.shutdownNow();
    }

    private ConnectionCheck check() {
        EnvironmentSignIn signIn = EnvironmentSignIn.builder(new OkHttpClient(),
                        new DataDirectories(dir.resolve("data")))
                .secureStorageProbe(() -> Optional.of("tests keep tokens in memory"))
                .osEnvironment(name -> null)
                .build();
        EnvironmentConnector connector = new EnvironmentConnector(new OkHttpClient(), signIn, timers, handlers,
                timers, Clock.systemUTC());
        RunLauncher launcher = new RunLauncher(connector, new PlanBuilder(), row -> row, new InMemoryRunJournal(),
                timers, Clock.systemUTC(), new RunIds(Clock.systemUTC()), name -> null);
        return new ConnectionCheck(signIn, connector, launcher);
    }

    @Test
    void theSandboxNeedsNoSignInAndItsWorkspaceHoldsEveryItemOfTheRepository() {
        Workspace repo = EmulatorFixture.sample(dir);

        ConnectionReport report = check().check(repo, "sandbox", sandbox, progress::add);

        assertThat(report.workspaceName()).isEqualTo("DBB Sandbox");
        assertThat(report.itemCount()).isGreaterThanOrEqualTo(repo.items().items().size());
        assertThat(report.missing()).isEmpty();
        assertThat(report.account()).isEmpty();
        assertThat(report.endpoint()).startsWith("the sandbox emulator at http://127.0.0.1:");
        assertThat(progress).noneMatch(p -> p.contains("sign"))
                .anyMatch(p -> p.startsWith("Looking up workspace 'DBB Sandbox' and its items in the sandbox"));
    }

    @Test
    void repositoryItemsTheWorkspaceLacksAreNamed() {
        Workspace served = EmulatorFixture.sample(dir);
        // the emulator is seeded without the notebooks, as a workspace deployed before they were added would be
        Workspace older = new Workspace(served.root(), served.settings(), new org.dbb.console.core.workspace.ItemScan(
                served.items().root(), served.items().items().stream().filter(i -> !i.is("Notebook")).toList(),
                List.of()));
        try (org.dbb.console.core.emulator.FabricEmulator emulator = org.dbb.console.core.emulator.FabricEmulator
                .builder(older).scenario(Scenario.neutral()).handlerExecutor(handlers).scheduler(timers).build()) {
            emulator.start();
            SandboxOptions running = new SandboxOptions(Optional.of(java.net.URI.create(emulator.baseUrl())),
                    Optional.empty());

            ConnectionReport report = check().check(served, "sandbox", running, progress::add);

            assertThat(report.missing()).isNotEmpty()
                    .allMatch(label -> label.startsWith("Notebook '"))
                    .hasSize(served.items().ofType("Notebook").size());
        }
    }

    @Test
    void aWorkspaceNameTheTenantDoesNotHaveIsReportedWithTheNamesItHas() {
        Workspace repo = EmulatorFixture.sample(dir);
        Map<String, EnvironmentSettings> envs = new LinkedHashMap<>(repo.settings().environments());
        EnvironmentSettings s = envs.get("sandbox");
        envs.put("sandbox", new EnvironmentSettings(s.name(), true, Optional.of(SettingValue.plain("DBB Sandbox 2")),
                s.tenant(), s.auth(), s.clientId(), s.clientSecret(), s.certificatePath(), s.variableGroup(),
                s.variables(), s.protectedEnv(), s.monitoring(), s.notifications()));
        ConsoleSettings c = repo.settings();
        Workspace edited = new Workspace(repo.root(), new ConsoleSettings(c.file(), c.repositoryDirectory(),
                c.masterPipeline(), c.refresh(), c.stages(), c.monitoring(), c.notifications(), envs), repo.items());
        // the emulator serves the settings as saved; the test uses the settings being edited
        try (org.dbb.console.core.emulator.FabricEmulator emulator = org.dbb.console.core.emulator.FabricEmulator
                .builder(repo).scenario(Scenario.neutral()).handlerExecutor(handlers).scheduler(timers).build()) {
            emulator.start();
            SandboxOptions running = new SandboxOptions(Optional.of(java.net.URI.create(emulator.baseUrl())),
                    Optional.empty());

            assertThatThrownBy(() -> check().check(edited, "sandbox", running, progress::add))
                    .isInstanceOf(PlanException.class)
                    .hasMessageContaining("DBB Sandbox 2")
                    .hasMessageContaining("DBB Sandbox");
        }
    }

    @Test
    void anEnvironmentWithAVariableGroupHasItReadFirstAndOnlyItsNamesKept() {
        Workspace repo = EmulatorFixture.sample(dir);
        Map<String, EnvironmentSettings> envs = new LinkedHashMap<>(repo.settings().environments());
        EnvironmentSettings s = envs.get("sandbox");
        envs.put("sandbox", new EnvironmentSettings(s.name(), true, s.workspace(), s.tenant(), s.auth(),
                s.clientId(), s.clientSecret(), s.certificatePath(),
                Optional.of(new VariableGroupRef("dbb-emulator", "DBB", 40)), s.variables(), s.protectedEnv(),
                s.monitoring(), s.notifications()));
        ConsoleSettings c = repo.settings();
        Workspace withGroup = new Workspace(repo.root(), new ConsoleSettings(c.file(), c.repositoryDirectory(),
                c.masterPipeline(), c.refresh(), c.stages(), c.monitoring(), c.notifications(), envs), repo.items());

        ConnectionReport report = check().check(withGroup, "sandbox", sandbox, progress::add);

        assertThat(progress.get(0))
                .isEqualTo("Reading variable group 40 (dbb-emulator/DBB) from the sandbox emulator …");
        assertThat(report.groupVariables()).hasValueSatisfying(names -> assertThat(names)
                .contains("DBB_TEAMS_WEBHOOK", "DBB_WORKSPACE_NAME"));
    }
}
