package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.files.UnifiedDiff;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.RetryPolicyEdit;
import org.dbb.console.core.workspace.pipeline.RetryPolicyLimits;
import org.dbb.console.core.workspace.pipeline.RetryPolicyUpdate;

/** {@code dbb retry}: per-activity retry policies in the workspace's pipeline files. One per invocation. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = "Retry policies of pipeline activities (retries after the first attempt, interval, timeout).",
        subcommands = RetryCommand.Set.class)
public final class RetryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code dbb retry set}: changes one activity's policy, byte-preserving, keeping a .bak. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set an activity's retry policy in its pipeline-content.json. Only the changed values are"
                    + " rewritten; the previous file is kept as pipeline-content.json.bak. Limits: retry 0-1000,"
                    + " interval 1-86400 whole seconds, timeout at most 7.00:00:00.")
    public static final class Set implements Runnable {

        private final ConsoleServices services;

        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--pipeline", required = true, paramLabel = "NAME",
                description = "Pipeline display name, e.g. orchestration_pipeline_DBB.")
        String pipeline;

        @Option(names = "--activity", required = true, paramLabel = "NAME",
                description = "Activity name (top level or nested in ForEach/IfCondition/Switch/Until).")
        String activity;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail and the release"
                + " note.")
        String reason;

        @Option(names = "--retry", paramLabel = "N", description = "Retries after the first attempt (0-1000).")
        String retry;

        @Option(names = "--interval", paramLabel = "SECONDS", description = "Seconds between attempts (1-86400).")
        String interval;

        @Option(names = "--timeout", paramLabel = "D.HH:MM:SS", description = "Longest one attempt may run.")
        String timeout;

        public Set(ConsoleServices services) {
            this.services = services;
        }

        @Override
        public void run() {
            RetryPolicyUpdate update = update();
            Workspace ws = services.workspaceLoader().open(workspace.resolve(services));
            Item item = ws.pipeline(pipeline).orElseThrow(() -> usage("no pipeline named '" + pipeline
                    + "' in " + ws.root() + "; pipelines: " + ws.items().ofType("DataPipeline").stream()
                    .map(Item::displayName).sorted().collect(Collectors.joining(", "))));
            Path file = item.folder().resolve("pipeline-content.json");
            Pipeline before = services.pipelineReader().read(file, pipeline);
            if (before.findByName(activity).isEmpty()) {
                throw usage("no activity named '" + activity + "' in " + pipeline + "; activities: "
                        + before.allActivities().stream().map(n -> n.activity().name())
                        .collect(Collectors.joining(", ")));
            }
            RetryPolicyEdit edit = services.retryPolicyEditor().apply(file, activity, update);
            PrintWriter out = spec.commandLine().getOut();
            if (!edit.changed()) {
                out.println("No change: " + pipeline + " / " + activity + " already has that policy.");
                return;
            }
            Path shown = ws.root().relativize(file);
            UnifiedDiff.of(shown.toString().replace('\\', '/'), edit.originalText(), edit.editedText())
                    .forEach(out::println);
            Pipeline after = services.pipelineReader().read(file, pipeline);
            Optional<Activity> changed = after.findByName(activity).stream().findFirst();
            Interventions interventions = new Interventions(services, spec.commandLine().getErr());
            interventions.record(interventions.entry("all", AuditAction.RETRY_POLICY_EDIT,
                            pipeline + " / " + activity)
                    .withChange(policyText(before.findByName(activity).get(0)),
                            changed.map(Set::policyText).orElse("removed"))
                    .withReason(reason));
            changed.ifPresent(a -> out.println(pipeline + " / " + activity + ": "
                    + a.effectivePolicy().retryWording() + ", " + a.effectivePolicy().effectiveRetryIntervalInSeconds()
                    + " s apart, timeout " + a.effectivePolicy().timeoutText().orElse("(Fabric default)")
                    + ". Previous version kept as " + shown.getFileName() + ".bak."));
        }

        private static String policyText(Activity a) {
            return a.effectivePolicy().retryWording() + ", " + a.effectivePolicy().effectiveRetryIntervalInSeconds()
                    + " s apart, timeout " + a.effectivePolicy().timeoutText().orElse("(Fabric default)");
        }

        private RetryPolicyUpdate update() {
            if (retry == null && interval == null && timeout == null) {
                throw usage("nothing to set: give --retry, --interval and/or --timeout");
            }
            RetryPolicyUpdate update = RetryPolicyUpdate.none();
            try {
                if (retry != null) {
                    update = update.withRetry(RetryPolicyLimits.retry(retry));
                }
                if (interval != null) {
                    update = update.withRetryIntervalInSeconds(RetryPolicyLimits.retryIntervalInSeconds(interval));
                }
                if (timeout != null) {
                    update = update.withTimeout(RetryPolicyLimits.timeout(timeout));
                }
            } catch (IllegalArgumentException e) {
                throw usage(activity + ": " + e.getMessage());
            }
            return update;
        }

        private CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
