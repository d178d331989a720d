package org.dbb.console.core.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.dbb.console.core.monitoring.rules.MonitoringRule;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.pipeline.Dependency;
import org.dbb.console.core.workspace.pipeline.DependencyCondition;
import org.dbb.console.core.workspace.pipeline.RetryWording;
import org.dbb.console.core.workspace.pipeline.Timeouts;

/**
 * The dry-run text of a {@link RunPlan}: environment and workspace, parameters (securestring values masked), each
 * stage with its steps, what they run and how they retry, branches and loop bodies indented beneath their step,
 * and the models to refresh. Lines fit a 100-column terminal; the same plan always prints the same text.
 * Stateless and thread-safe.
 */
public final class PlanPrinter {

    /** The widest line printed, except for single words longer than that. */
    public static final int WIDTH = 100;

    private static final String DOT = " \u00b7 ";
    private static final int LABEL = 10;
    private static final int PARAMETER_NAME_MAX = 28;

    public String print(RunPlan plan) {
        Lines out = new Lines();
        header(plan, out);
        parameters(plan, out);
        for (PlannedStage stage : plan.stages()) {
            out.blank();
            out.add("Stage " + stage.number() + DOT + stage.name());
            if (stage.steps().isEmpty()) {
                out.add("  nothing to run");
            }
            stage.steps().forEach(step -> step(step, 1, plan, out));
        }
        monitoringRules(plan, out);
        if (!plan.warnings().isEmpty()) {
            out.blank();
            out.add("Warnings");
            plan.warnings().forEach(w -> out.wrapped("  - ", "    ", w));
        }
        return out.text();
    }

    private static void header(RunPlan plan, Lines out) {
        out.wrapped("", "  ", "Run plan" + DOT + "environment " + plan.environment() + DOT + "workspace "
                + plan.workspaceName() + " (" + plan.workspaceId() + ")");
        out.labelled(0, "master", plan.masterPipeline().displayName() + " (" + plan.masterPipeline().id() + ")");
        out.labelled(0, "refresh", plan.request().refreshMode() == RefreshMode.POWER_BI_API
                ? "through the Power BI API by the console" : "by the refresh pipeline in Fabric");
        if (plan.timeScale() != 1.0) {
            out.labelled(0, "clock", BigDecimal.valueOf(plan.timeScale()).stripTrailingZeros().toPlainString()
                    + " real seconds per pipeline second; durations below are on this clock");
        }
        out.labelled(0, "operator", plan.request().operator());
        plan.request().rerun().ifPresent(r -> out.labelled(0, "re-run", r.mode().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + r.stage().map(s -> " '" + s + "'").orElse("") + " of run "
                + r.originalRunId()));
    }

    private static void monitoringRules(RunPlan plan, Lines out) {
        if (plan.monitoringRules().isEmpty()) {
            return;
        }
        out.blank();
        out.add("Monitoring rules (checked when the run ends)");
        for (MonitoringRule rule : plan.monitoringRules()) {
            String lead = "  " + rule.number() + DOT + rule.kind().wireName() + DOT;
            out.wrapped(lead, "    ", ruleWords(rule, plan.timeScale()));
        }
    }

    private static String ruleWords(MonitoringRule rule, double timeScale) {
        if (rule instanceof MonitoringRule.IncompleteLoad r) {
            return r.stage() + ": " + r.expected().stream().map(MonitoringRule.ExpectedActivity::name)
                    .collect(Collectors.joining(", ")) + (r.expected().size() == 1 ? " succeeds" : " each succeed");
        }
        if (rule instanceof MonitoringRule.DurationOverTarget r) {
            return r.activity().map(a -> r.stage() + ": " + a).orElse("stage " + r.stage()) + " takes at most "
                    + describe(Duration.ofNanos(Math.round(r.target().toNanos() * timeScale)));
        }
        MonitoringRule.RowsBelowMinimum r = (MonitoringRule.RowsBelowMinimum) rule;
        return r.stage() + ": " + r.activity() + " copies at least " + r.minimum() + " rows";
    }

    private static void parameters(RunPlan plan, Lines out) {
        out.blank();
        out.add("Parameters");
        if (plan.parameters().isEmpty()) {
            out.add("  none");
        }
        Map<String, JsonNode> sorted = new TreeMap<>(plan.parameters());
        int width = Math.min(PARAMETER_NAME_MAX, sorted.keySet().stream().mapToInt(String::length).max().orElse(0));
        sorted.forEach((name, value) -> {
            String shown = plan.isSecure(name) ? SettingValue.MASK : spaced(value);
            String lead = "  " + pad(name, width) + "  ";
            out.wrapped(lead, " ".repeat(Math.min(lead.length(), 2 + width + 2)), shown);
        });
        if (!plan.variables().isEmpty()) {
            out.blank();
            out.wrapped("Variables  ", "           ", new TreeMap<>(plan.variables()).entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
    }

    private static void step(PlannedStep step, int depth, RunPlan plan, Lines out) {
        String indent = "  ".repeat(depth);
        out.wrapped(indent, indent + "  ", step.name() + "  [" + step.type() + "]");
        int detail = depth + 1;
        out.labelled(detail, verb(step.action()), summary(step.action()));
        if (step.action() instanceof StepAction.FabricJob job && !job.parameters().isEmpty()) {
            out.labelled(detail, "passes", String.join(", ", new TreeMap<>(job.parameters()).keySet()));
        }
        out.labelled(detail, "retry", retryWords(step.retry()));
        if (!step.dependsOn().isEmpty()) {
            out.labelled(detail, "after", step.dependsOn().stream().map(PlanPrinter::dependencyWords)
                    .collect(Collectors.joining(", ")));
        }
        if (step.action() instanceof StepAction.Condition condition) {
            branch("if true", condition.ifTrue(), detail, plan, out);
            branch("if false", condition.ifFalse(), detail, plan, out);
        } else if (step.action() instanceof StepAction.FanOut fanOut) {
            branch("each item", fanOut.steps(), detail, plan, out);
        } else if (step.action() instanceof StepAction.SemanticRefresh refresh) {
            models(refresh, detail, out);
        }
    }

    /** The verb saying what a step does: {@code runs}, {@code reads}, {@code refreshes}, … */
    public static String verb(StepAction action) {
        if (action instanceof StepAction.FabricJob) {
            return "runs";
        } else if (action instanceof StepAction.Lookup) {
            return "reads";
        } else if (action instanceof StepAction.SetVariable) {
            return "sets";
        } else if (action instanceof StepAction.Pause) {
            return "waits";
        } else if (action instanceof StepAction.Condition) {
            return "when";
        } else if (action instanceof StepAction.FanOut) {
            return "for each";
        }
        return "refreshes";
    }

    /** What a step does, with its item's name and id, e.g. {@code Pipeline job · integration_pipeline_DBB (…)}. */
    public static String summary(StepAction action) {
        if (action instanceof StepAction.FabricJob job) {
            return job.jobType() + " job" + DOT + job.item().displayName() + " (" + job.item().id() + ")";
        } else if (action instanceof StepAction.Lookup lookup) {
            return lookupWords(lookup);
        } else if (action instanceof StepAction.SetVariable set) {
            return set.variable() + " = " + set.value().text();
        } else if (action instanceof StepAction.Pause pause) {
            return describe(pause.duration());
        } else if (action instanceof StepAction.Condition condition) {
            return condition.expression().text();
        } else if (action instanceof StepAction.FanOut fanOut) {
            return fanOut.items().text() + DOT + atOnce(fanOut.batchCount());
        }
        StepAction.SemanticRefresh refresh = (StepAction.SemanticRefresh) action;
        return refresh.models().size() + (refresh.models().size() == 1 ? " model" : " models") + DOT
                + atOnce(refresh.cap());
    }

    /** A concurrency cap in words: {@code one at a time}, {@code at most 3 at once}. */
    public static String atOnce(int cap) {
        return cap == 1 ? "one at a time" : "at most " + cap + " at once";
    }

    private static void branch(String title, List<PlannedStep> steps, int depth, RunPlan plan, Lines out) {
        String indent = "  ".repeat(depth);
        out.add(indent + title + (steps.isEmpty() ? ": nothing to run" : ":"));
        steps.forEach(s -> step(s, depth + 1, plan, out));
    }

    private static void models(StepAction.SemanticRefresh refresh, int depth, Lines out) {
        out.labelled(depth, "per model", retryWords(refresh.perModel()));
        String indent = "  ".repeat(depth + 1);
        int width = refresh.models().stream().mapToInt(m -> m.name().length()).max().orElse(0);
        for (ModelTarget model : refresh.models()) {
            String lead = indent + pad(model.name(), width) + "  ";
            String tables = model.tables().isEmpty() ? "" : DOT + "tables " + String.join(", ", model.tables());
            out.wrapped(lead, " ".repeat(lead.length()), "target " + describe(model.target()) + DOT + "dataset "
                    + model.datasetId() + tables);
        }
    }

    private static String lookupWords(StepAction.Lookup lookup) {
        String table = switch (lookup.source()) {
            case ENVIRONMENT -> "meta.environment_config";
            case ITEMS -> "meta.fabric_items";
            case CONNECTIONS -> "meta.fabric_connections";
        };
        return table + ", answered from the Fabric API" + DOT + (lookup.firstRowOnly() ? "first row" : "all rows");
    }

    /** A retry policy in words: {@code 3 retries · up to 4 attempts · 30 seconds apart · timeout 12 hours}. */
    public static String retryWords(RetrySpec retry) {
        StringBuilder words = new StringBuilder(RetryWording.describe(retry.retries()));
        if (retry.retries() > 0) {
            words.append(DOT).append(describe(retry.interval())).append(" apart");
        }
        return words.append(DOT).append("timeout ").append(describe(retry.attemptTimeout())).toString();
    }

    /** A dependency in words: {@code Lookup environment (Succeeded)}. */
    public static String dependencyWords(Dependency dependency) {
        return dependency.activity() + " (" + dependency.conditions().stream().map(DependencyCondition::jsonName)
                .collect(Collectors.joining("/")) + ")";
    }

    /** Whole seconds in words ({@code 12 hours}); shorter or fractional durations in ms or seconds. */
    public static String describe(Duration duration) {
        if (duration.toNanosPart() == 0) {
            return Timeouts.describe(duration);
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return BigDecimal.valueOf(duration.toNanos()).movePointLeft(6).stripTrailingZeros().toPlainString()
                    + " ms";
        }
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString()
                + " seconds";
    }

    /** JSON on one line with a space after each comma and colon, so long values can wrap. */
    static String spaced(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(spaced(v)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.properties().forEach(e -> parts.add(TextNode.valueOf(e.getKey()) + ": " + spaced(e.getValue())));
            return "{" + String.join(", ", parts) + "}";
        }
        return value.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** The text being printed, wrapped to {@link #WIDTH}. */
    private static final class Lines {
        private final List<String> lines = new ArrayList<>();

        void add(String line) {
            lines.add(line.stripTrailing());
        }

        void blank() {
            lines.add("");
        }

        /** {@code label} in a column of its own at {@code depth}, the text wrapped beside it. */
        void labelled(int depth, String label, String text) {
            String lead = "  ".repeat(depth) + pad(label, LABEL);
            wrapped(lead, " ".repeat(lead.length()), text);
        }

        /**
         * {@code text} after {@code first}, continued after {@code rest}, broken at spaces to fit; a word wider than
         * a whole line is cut.
         */
        void wrapped(String first, String rest, String text) {
            StringBuilder line = new StringBuilder(first);
            boolean empty = true;
            for (String word : words(text, WIDTH - rest.length())) {
                if (!empty && line.length() + 1 + word.length() > WIDTH) {
                    add(line.toString());
                    line = new StringBuilder(rest);
                    empty = true;
                }
                if (!empty) {
                    line.append(' ');
                }
                line.append(word);
                empty = false;
            }
            add(line.toString());
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }

        private static List<String> words(String text, int widest) {
            List<String> words = new ArrayList<>();
            for (String word : text.split(" ")) {
                String rest = word;
                while (widest > 0 && rest.length() > widest) {
                    words.add(rest.substring(0, widest));
                    rest = rest.substring(widest);
                }
                words.add(rest);
            }
            return words;
        }
    }
}
