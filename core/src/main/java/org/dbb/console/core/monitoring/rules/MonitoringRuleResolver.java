package org.dbb.console.core.monitoring.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.config.MonitoringRuleSetting;

/**
 * Checks the names monitoring rules use against what the workspace's stages run, and resolves each rule for the
 * engine. Every problem points at the rule in the settings file and says what the rule may name instead.
 * Stateless and thread-safe.
 */
public final class MonitoringRuleResolver {

    /** The rules that resolved, and the problems of those that did not. Immutable. */
    public record Resolution(List<MonitoringRule> rules, List<Problem> problems) {
        public Resolution {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Resolves {@code settings} against {@code activities}.
     *
     * @param where        how messages name the list, e.g. {@code monitoring.rules} or
     *                     {@code environments.PROD.monitoring.rules}
     * @param settingsFile the file the rules were read from, for the problems' positions
     */
    public Resolution resolve(List<MonitoringRuleSetting> settings, MonitoredActivities activities, String where,
                              Path settingsFile) {
        List<MonitoringRule> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            MonitoringRuleSetting setting = settings.get(i);
            Context context = new Context(i + 1, setting, where + " #" + (i + 1) + " (" + setting.kind().wireName()
                    + ")", settingsFile, activities, problems);
            Optional<MonitoringRule> rule;
            if (setting instanceof MonitoringRuleSetting.IncompleteLoad s) {
                rule = context.incompleteLoad(s);
            } else if (setting instanceof MonitoringRuleSetting.DurationOverTarget s) {
                rule = context.durationOverTarget(s);
            } else {
                rule = context.rowsBelowMinimum((MonitoringRuleSetting.RowsBelowMinimum) setting);
            }
            rule.ifPresent(rules::add);
        }
        return new Resolution(rules, problems);
    }

    /** Resolving one rule. */
    private record Context(int number, MonitoringRuleSetting setting, String label, Path file,
                           MonitoredActivities activities, List<Problem> problems) {

        Optional<MonitoringRule> incompleteLoad(MonitoringRuleSetting.IncompleteLoad s) {
            Optional<MonitoredActivities.StageActivities> stage = stage(s.stage());
            if (stage.isEmpty()) {
                return Optional.empty();
            }
            MonitoredActivities.StageActivities st = stage.get();
            List<MonitoringRule.ExpectedActivity> expected = new ArrayList<>();
            if (s.activities().isEmpty()) {
                if (st.copies().isEmpty() && !st.unread().isEmpty()) {
                    warning("cannot tell which Copy activities stage " + st.name() + " runs: " + unread(st)
                            + "; until it can, the rule checks nothing (or list the activities it expects under"
                            + " 'activities')");
                    return Optional.empty();
                }
                if (st.copies().isEmpty()) {
                    error("stage " + st.name() + " runs no pipeline with Copy activities, so this rule would expect"
                            + " nothing; list the activities it expects under 'activities' (" + list(st.names())
                            + ")");
                    return Optional.empty();
                }
                st.copies().forEach(c -> expected.add(new MonitoringRule.ExpectedActivity(c.name(), c.runBy())));
            }
            boolean unknown = false;
            for (String name : s.activities()) {
                Optional<String> owner = st.ownerOf(name).or(() -> unconfirmed(st, name));
                if (owner.isEmpty()) {
                    error("expects '" + name + "' in stage " + st.name() + ", which is neither one of its activities"
                            + " nor a Copy activity of a pipeline it runs" + hint(name, st.names())
                            + "; it can expect: " + list(st.names()));
                    unknown = true;
                } else {
                    expected.add(new MonitoringRule.ExpectedActivity(name, owner.get()));
                }
            }
            return unknown ? Optional.empty()
                    : Optional.of(new MonitoringRule.IncompleteLoad(number, st.name(), expected));
        }

        Optional<MonitoringRule> durationOverTarget(MonitoringRuleSetting.DurationOverTarget s) {
            Optional<MonitoredActivities.StageActivities> stage = stage(s.stage());
            if (stage.isEmpty()) {
                return Optional.empty();
            }
            MonitoredActivities.StageActivities st = stage.get();
            if (s.activity().isEmpty()) {
                return Optional.of(new MonitoringRule.DurationOverTarget(number, st.name(), Optional.empty(),
                        s.target(), st.lastActivity()));
            }
            String name = s.activity().get();
            Optional<String> owner = st.ownerOf(name).or(() -> unconfirmed(st, name));
            if (owner.isEmpty()) {
                error("times '" + name + "', which stage " + st.name() + " does not run" + hint(name, st.names())
                        + "; it can time: " + list(st.names()) + " (or leave 'activity' out to time the stage)");
                return Optional.empty();
            }
            return Optional.of(new MonitoringRule.DurationOverTarget(number, st.name(), s.activity(), s.target(),
                    owner.get()));
        }

        Optional<MonitoringRule> rowsBelowMinimum(MonitoringRuleSetting.RowsBelowMinimum s) {
            List<String> allCopies = activities.stages().stream()
                    .flatMap(st -> st.copies().stream().map(MonitoredActivities.CopyActivity::name))
                    .distinct().toList();
            if (s.stage().isPresent()) {
                Optional<MonitoredActivities.StageActivities> stage = stage(s.stage().get());
                if (stage.isEmpty()) {
                    return Optional.empty();
                }
                MonitoredActivities.StageActivities st = stage.get();
                Optional<String> owner = st.copy(s.activity()).map(MonitoredActivities.CopyActivity::runBy)
                        .or(() -> unconfirmed(st, s.activity()));
                if (owner.isEmpty()) {
                    List<String> here = st.copies().stream().map(MonitoredActivities.CopyActivity::name).toList();
                    List<String> elsewhere = activities.stagesCopying(s.activity()).stream()
                            .map(MonitoredActivities.StageActivities::name).toList();
                    error("counts the rows of '" + s.activity() + "', which is not a Copy activity of a pipeline"
                            + " stage " + st.name() + " runs" + hint(s.activity(), allCopies) + "; "
                            + (here.isEmpty() ? "that stage runs no Copy activity" : "its Copy activities: "
                            + list(here)) + (elsewhere.isEmpty() ? "" : "; stage " + list(elsewhere)
                            + " copies it: name that stage or leave 'stage' out"));
                    return Optional.empty();
                }
                return Optional.of(new MonitoringRule.RowsBelowMinimum(number, st.name(), s.activity(),
                        s.minimum(), owner.get()));
            }
            List<MonitoredActivities.StageActivities> stages = activities.stagesCopying(s.activity());
            List<MonitoredActivities.StageActivities> unknown = activities.stages().stream()
                    .filter(st -> !st.unread().isEmpty()).toList();
            if (stages.isEmpty() && unknown.size() == 1) {
                MonitoredActivities.StageActivities st = unknown.get(0);
                return unconfirmed(st, s.activity()).map(owner -> new MonitoringRule.RowsBelowMinimum(number,
                        st.name(), s.activity(), s.minimum(), owner));
            }
            if (stages.isEmpty() && !unknown.isEmpty()) {
                warning("cannot tell which stage runs '" + s.activity() + "': "
                        + unknown.stream().map(MonitoringRuleResolver.Context::unread)
                        .collect(Collectors.joining("; ")) + "; add 'stage' to say which");
                return Optional.empty();
            }
            if (stages.isEmpty()) {
                error("counts the rows of '" + s.activity() + "', which is not a Copy activity of any pipeline the"
                        + " stages run" + hint(s.activity(), allCopies) + "; "
                        + (allCopies.isEmpty() ? "no stage runs a pipeline with Copy activities"
                        : "Copy activities: " + list(allCopies)));
                return Optional.empty();
            }
            if (stages.size() > 1) {
                error("counts the rows of '" + s.activity() + "', a Copy activity in stages "
                        + list(stages.stream().map(MonitoredActivities.StageActivities::name).toList())
                        + "; add 'stage' to say which");
                return Optional.empty();
            }
            MonitoredActivities.StageActivities st = stages.get(0);
            return Optional.of(new MonitoringRule.RowsBelowMinimum(number, st.name(), s.activity(), s.minimum(),
                    st.copy(s.activity()).orElseThrow().runBy()));
        }

        private Optional<MonitoredActivities.StageActivities> stage(String name) {
            Optional<MonitoredActivities.StageActivities> stage = activities.stage(name);
            if (stage.isEmpty()) {
                error("names stage '" + name + "', which is not a stage of the master pipeline"
                        + hint(name, activities.stageNames()) + "; stages are: " + list(activities.stageNames()));
            } else if (stage.get().topLevel().isEmpty()) {
                error("names stage '" + name + "', which runs no activity of the master pipeline; fix the stage in"
                        + " 'stages' first");
                return Optional.empty();
            }
            return stage;
        }

        /**
         * {@code name} may be a Copy activity of a pipeline {@code stage} runs that the console cannot read: the rule
         * keeps it, standing for the first such top-level activity, and says the name could not be confirmed.
         */
        private Optional<String> unconfirmed(MonitoredActivities.StageActivities stage, String name) {
            if (stage.unread().isEmpty()) {
                return Optional.empty();
            }
            warning("cannot confirm '" + name + "' in stage " + stage.name() + ": " + unread(stage)
                    + "; it is checked as an activity run by " + stage.unread().get(0));
            return Optional.of(stage.unread().get(0));
        }

        private static String unread(MonitoredActivities.StageActivities stage) {
            return list(stage.unread()) + (stage.unread().size() == 1 ? " runs a pipeline" : " run pipelines")
                    + " the console cannot find or read in the repository";
        }

        private void warning(String message) {
            problems.add(Problem.warning(file, setting.line(), setting.column(), label + " " + message));
        }

        private void error(String message) {
            problems.add(Problem.error(file, setting.line(), setting.column(), label + " " + message));
        }

        private static String hint(String name, List<String> candidates) {
            String lower = name.toLowerCase(Locale.ROOT);
            return candidates.stream().filter(c -> !c.equals(name) && c.toLowerCase(Locale.ROOT).equals(lower))
                    .findFirst()
                    .map(c -> " (names are case-sensitive: did you mean '" + c + "'?)").orElse("");
        }

        private static String list(List<String> names) {
            return names.isEmpty() ? "none" : names.stream().collect(Collectors.joining(", "));
        }
    }
}
