package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.VariableGroupConnections;
import org.dbb.console.core.auth.ResolvedSetting;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.variables.EnvironmentVariable;
import org.dbb.console.core.variables.GroupInfo;
import org.dbb.console.core.variables.ReferenceStatus;
import org.dbb.console.core.variables.VariableListing;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.MonitoringSettings;
import org.dbb.console.core.workspace.config.NotificationSettings;
import org.dbb.console.core.workspace.config.SettingValue;

/**
 * {@code dbb env show}: one environment's settings, its variables with their sources (secrets masked) and every
 * {@code $ENV:} reference with its resolution. Reads the variable group from Azure DevOps (the emulator for the
 * sandbox); prints no secret value. One per invocation.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show an environment's settings, its variables (variable group, inline, OS environment) with"
                + " secrets masked, and every $ENV: reference of dbb-console.yml with its resolution. Reads the"
                + " variable group from Azure DevOps with the environment's remembered sign-in (the sandbox reads"
                + " it from the built-in emulator); never prompts for a sign-in.",
                "Exit 0 every reference resolves, 1 a reference is unresolved (or the group cannot be read),"
                        + " 2 bad usage, 3 the sign-in failed."})
public final class EnvShowCommand implements Callable<Integer> {

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment to show.")
    String env;

    public EnvShowCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Workspace ws = services.workspaceLoader().open(workspace.resolve(services));
        ConsoleSettings settings = ws.settings();
        Optional<EnvironmentSettings> environment = settings.environment(env);
        if (environment.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown environment '" + env
                    + "'; environments of " + ws.root() + ": " + String.join(", ", settings.environments().keySet()));
        }
        PrintWriter err = spec.commandLine().getErr();
        VariableListing listing;
        try (VariableGroupConnections connections = services.openVariableGroups(ws)) {
            listing = services.environmentVariables(connections).load(settings, env);
        } catch (SignInException e) {
            err.println("dbb: cannot read the variables of " + env + groupText(environment.get()) + " because the"
                    + " sign-in failed: " + e.getMessage());
            return CommandLineRunner.SIGN_IN_FAILED;
        } catch (FabricApiException e) {
            err.println("dbb: cannot read the variables of " + env + groupText(environment.get()) + ": "
                    + e.getMessage());
            return CommandLineRunner.ERRORS_FOUND;
        }
        PrintWriter out = spec.commandLine().getOut();
        printSettings(out, settings, environment.get(), listing);
        printVariables(out, listing);
        printReferences(out, listing);
        listing.notices().forEach(n -> out.println("note: " + n));
        List<ReferenceStatus> unresolved = listing.unresolved();
        unresolved.forEach(r -> err.println(Problem.error(r.reference().file(), r.reference().line(),
                r.reference().column(), r.problem().orElseThrow()).format(Cli.currentDirectory())));
        out.println("environment " + env + ": " + listing.references().size() + " reference"
                + (listing.references().size() == 1 ? "" : "s") + ", " + unresolved.size() + " unresolved"
                + (unresolved.isEmpty() ? " — OK" : ""));
        return unresolved.isEmpty() ? 0 : CommandLineRunner.ERRORS_FOUND;
    }

    private static String groupText(EnvironmentSettings env) {
        return env.variableGroup().map(g -> " (variable group " + g.groupId() + " in " + g.organization() + "/"
                + g.project() + ")").orElse("");
    }

    private static void printSettings(PrintWriter out, ConsoleSettings settings, EnvironmentSettings env,
                                      VariableListing listing) {
        out.println("Environment " + env.name() + (env.emulator() ? " (sandbox: built-in emulator)" : ""));
        List<String[]> rows = new ArrayList<>();
        rows.add(row("workspace", shown(listing, "workspace", env.workspace())));
        rows.add(row("tenant", shown(listing, "tenant", env.tenant())));
        rows.add(row("auth", env.auth().spelling()));
        env.clientId().ifPresent(v -> rows.add(row("client id", shown(listing, "clientId", Optional.of(v)))));
        env.clientSecret().ifPresent(v -> rows.add(row("client secret", masked(v))));
        env.certificatePath().ifPresent(v -> rows.add(row("certificate", shown(listing, "certificatePath",
                Optional.of(v)))));
        rows.add(row("protected", env.protectedEnv() ? "yes (actions ask for typed confirmation)" : "no"));
        rows.add(row("monitoring store", monitoring(settings.monitoringFor(env))));
        NotificationSettings notifications = settings.notificationsFor(env);
        rows.add(row("notifications", notifications.webhook().isEmpty() ? "none"
                : notifications.kind().name().toLowerCase(Locale.ROOT) + ", webhook "
                        + masked(notifications.webhook().get())));
        rows.add(row("variable group", listing.group().map(GroupInfo::describe).orElse("none")));
        table(out, rows);
    }

    private static void printVariables(PrintWriter out, VariableListing listing) {
        out.println();
        out.println("Variables (" + listing.variables().size() + ")");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "VALUE", "SOURCE"});
        for (EnvironmentVariable v : listing.variables()) {
            rows.add(new String[] {v.name(), v.display(), v.origin() + v.note().map(n -> " — " + n).orElse("")});
        }
        table(out, rows);
    }

    private static void printReferences(PrintWriter out, VariableListing listing) {
        out.println();
        out.println("$ENV: references in " + ConsoleSettings.FILE_NAME + " (" + listing.references().size() + ")");
        if (listing.references().isEmpty()) {
            out.println("  (none)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"LINE", "SETTING", "VARIABLE", "STATUS"});
        for (ReferenceStatus r : listing.references()) {
            String status = r.resolved()
                    ? "resolved from " + r.source().orElseThrow().label() + ": " + r.display()
                    : "UNRESOLVED";
            rows.add(new String[] {Integer.toString(r.reference().line()), r.reference().setting(),
                    r.reference().variable(), status});
        }
        table(out, rows);
    }

    /** A setting as written, followed by its resolved value when it is a reference that resolves. */
    private static String shown(VariableListing listing, String setting, Optional<SettingValue> value) {
        if (value.isEmpty()) {
            return "(not set)";
        }
        SettingValue v = value.get();
        if (v.environmentReference().isEmpty()) {
            return v.display();
        }
        try {
            ResolvedSetting resolved = listing.resolver().resolve(setting, v);
            return v.raw() + " → " + (resolved.secret() ? SettingValue.MASK : resolved.value());
        } catch (SignInException e) {
            return v.raw() + " (unresolved)";
        }
    }

    /** A secret setting: the reference it is read from, never its value. */
    private static String masked(SettingValue value) {
        return value.environmentReference().isPresent() ? value.raw() + " (" + SettingValue.MASK + ")"
                : SettingValue.MASK;
    }

    private static String monitoring(MonitoringSettings m) {
        if (m.store() == MonitoringSettings.Store.EMBEDDED) {
            return "embedded database";
        }
        return "Fabric Warehouse " + m.database().orElse("?") + " at " + m.server().orElse("?");
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }

    private static void table(PrintWriter out, List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < r.length; i++) {
                line.append(i < r.length - 1 ? String.format("%-" + widths[i] + "s  ", r[i]) : r[i]);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
