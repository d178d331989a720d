package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.DaemonThreads;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.SandboxReplacements;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.resolve.ReplacementContext;
import org.dbb.console.core.workspace.params.resolve.ResolutionResult;
import org.dbb.console.core.workspace.params.resolve.ResolverOptions;

/**
 * {@code dbb params preview}: every file one environment's parameterisation changes, as a unified diff. Reads
 * only; never writes item files. One per invocation.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Show, as a unified diff, every item file that parameter.yml changes for one environment,"
                + " applied exactly as fabric-cicd applies it (key_value_replace first, then find_replace, in file"
                + " order). For the sandbox, $items and $workspace variables resolve to the emulator's ids; for other"
                + " environments, variables whose ids are not known without a connection are shown as placeholders"
                + " and listed as warnings.",
                "Exit 0 when the preview could be made (warnings allowed), 1 errors found, 2 bad usage."})
public final class ParamsPreviewCommand implements Callable<Integer> {

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment to preview.")
    String env;

    public ParamsPreviewCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Workspace ws = services.workspaceLoader().open(workspace.resolve(services));
        if (!ws.settings().environments().containsKey(env)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown environment '" + env
                    + "'; environments of " + ws.root() + ": " + String.join(", ",
                    ws.settings().environments().keySet()));
        }
        PrintWriter out = spec.commandLine().getOut();
        ParameterValidation validation = services.parameterValidator().validate(ws.parameterFile(),
                Optional.of(env), Optional.of(ws.items()));
        if (!validation.valid()) {
            return ProblemPrinter.print(out, validation.problems(), ws.parameterFile().toString());
        }
        ReplacementContext context = ws.settings().environments().get(env).emulator()
                ? sandboxContext(ws)
                : ReplacementContext.empty();
        ResolutionResult result = services.parameterResolver().apply(validation.file().orElseThrow(), ws.items(), env,
                context, ResolverOptions.preview());
        out.print(services.parameterPreview().render(result));
        List<Problem> problems = new java.util.ArrayList<>(validation.warnings());
        problems.addAll(result.problems());
        out.println(result.changes().size() + " file" + (result.changes().size() == 1 ? "" : "s")
                + " change for environment " + env + ".");
        return ProblemPrinter.print(out, problems, "preview of " + env);
    }

    /** The sandbox's ids are known without a tenant: they come from seeding the emulator, which is not started. */
    private ReplacementContext sandboxContext(Workspace ws) {
        ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("dbb-preview-"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("dbb-preview-timer-"));
        try {
            FabricEmulator emulator = FabricEmulator.builder(ws).handlerExecutor(executor).scheduler(scheduler).build();
            return emulator.workspace(env).map(SandboxReplacements::of).orElseGet(ReplacementContext::empty);
        } finally {
            executor.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
