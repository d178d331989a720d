package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.files.UnifiedDiff;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.edit.CommandLineValue;
import org.dbb.console.core.workspace.params.edit.EditResult;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;

/**
 * {@code dbb params set}: one change to a parameter.yml that leaves every other byte as it was. One per
 * invocation.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Change a parameter.yml without disturbing the rest of it (comments, key order, quoting,"
                + " line endings). The previous file is kept as parameter.yml.bak.",
                "Either set one value: --param KIND --index N --env ENV --value V;",
                "or change an environment column: --add-env ENV (--copy-from ENV | --value V), --remove-env ENV,"
                        + " --rename-env OLD --to NEW."})
public final class ParamsSetCommand implements Runnable {

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The parameter.yml to change.")
    Path file;

    @Option(names = "--param", paramLabel = "KIND",
            description = "find_replace, key_value_replace or spark_pool.")
    String param;

    @Option(names = "--index", paramLabel = "N", description = "Entry number, counted from 1.")
    Integer index;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail and the release note.")
    String reason;

    @Option(names = "--env", paramLabel = "ENV", description = "Environment whose value to set.")
    String env;

    @Option(names = "--value", paramLabel = "V",
            description = "The value. find_replace: text; key_value_replace: a YAML value of the same type as the"
                    + " other environments' (true, 42, [a, b], \"text\"); spark_pool: {type: Capacity|Workspace,"
                    + " name: NAME}.")
    String value;

    @Option(names = "--add-env", paramLabel = "ENV", description = "Add an environment column to every entry.")
    String addEnv;

    @Option(names = "--copy-from", paramLabel = "ENV", description = "With --add-env: copy each entry's value"
            + " from this environment.")
    String copyFrom;

    @Option(names = "--remove-env", paramLabel = "ENV", description = "Remove an environment column everywhere.")
    String removeEnv;

    @Option(names = "--rename-env", paramLabel = "OLD", description = "Rename an environment column everywhere.")
    String renameEnv;

    @Option(names = "--to", paramLabel = "NEW", description = "With --rename-env: the new name.")
    String renameTo;

    public ParamsSetCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        ParameterFileEdit edit = edit();
        Path target = file.toAbsolutePath().normalize();
        String before = TextFile.read(target).text();
        EditResult result = services.parameterFileEditor().apply(target, edit);
        PrintWriter out = spec.commandLine().getOut();
        for (Problem note : result.notes()) {
            spec.commandLine().getErr().println(note.format(Cli.currentDirectory()));
        }
        if (!result.changed()) {
            out.println("No change: " + file + " already says that.");
            return;
        }
        UnifiedDiff.of(file.toString().replace('\\', '/'), before, result.file().text()).forEach(out::println);
        out.println("Written " + file + "; previous version kept as " + target.getFileName() + ".bak.");
        Interventions interventions = new Interventions(services, spec.commandLine().getErr());
        String environment = env != null ? env : addEnv != null ? addEnv : removeEnv != null ? removeEnv
                : renameEnv != null ? renameEnv : "all";
        interventions.record(interventions.parameterEdit(target, environment,
                        String.join(" ", spec.commandLine().getParseResult().originalArgs()))
                .withReason(reason));
    }

    private ParameterFileEdit edit() {
        List<String> modes = new ArrayList<>();
        if (param != null || index != null || env != null) {
            modes.add("--param/--index/--env");
        }
        if (addEnv != null) {
            modes.add("--add-env");
        }
        if (removeEnv != null) {
            modes.add("--remove-env");
        }
        if (renameEnv != null) {
            modes.add("--rename-env");
        }
        if (modes.size() != 1) {
            throw usage(modes.isEmpty() ? "nothing to do: set a value (--param, --index, --env, --value) or change"
                    + " an environment column (--add-env, --remove-env, --rename-env)"
                    : "choose one change at a time, not " + String.join(" and ", modes));
        }
        Path target = file.toAbsolutePath().normalize();
        if (addEnv != null) {
            if (copyFrom == null && value == null) {
                throw usage("--add-env needs --copy-from ENV or --value V for the new column");
            }
            return new ParameterFileEdit.AddEnvironment(addEnv, Optional.ofNullable(copyFrom),
                    Optional.ofNullable(value).map(v -> CommandLineValue.parse(target, v)));
        }
        if (removeEnv != null) {
            return new ParameterFileEdit.RemoveEnvironment(removeEnv);
        }
        if (renameEnv != null) {
            if (renameTo == null) {
                throw usage("--rename-env needs --to NEW");
            }
            return new ParameterFileEdit.RenameEnvironment(renameEnv, renameTo);
        }
        if (param == null || index == null || env == null || value == null) {
            throw usage("setting a value needs all of --param, --index, --env and --value");
        }
        ParameterKind kind = switch (param) {
            case "find_replace" -> ParameterKind.FIND_REPLACE;
            case "key_value_replace" -> ParameterKind.KEY_VALUE_REPLACE;
            case "spark_pool" -> ParameterKind.SPARK_POOL;
            default -> throw usage("--param must be find_replace, key_value_replace or spark_pool, not '" + param
                    + "'");
        };
        if (index < 1) {
            throw usage("--index counts entries from 1, as fabric-cicd's messages do");
        }
        Object parsed = kind == ParameterKind.FIND_REPLACE ? value : CommandLineValue.parse(target, value);
        return new ParameterFileEdit.SetReplaceValue(kind, index, env, parsed);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
